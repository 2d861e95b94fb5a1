import Foundation
import Testing

/// Golden files: the expected text lives in a file beside the fixtures. Run the tests with
/// `DERIVE_RECORD=1` to rewrite a golden file from the actual output; the test then fails,
/// so nothing is blessed without a look at the diff.
enum Golden {
    static func expect(_ actual: String, matches path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = DeriveProcess.fixture(path)
        if ProcessInfo.processInfo.environment["DERIVE_RECORD"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); check the diff and run again without DERIVE_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(path)>"
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}
