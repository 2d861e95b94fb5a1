import Foundation
import Testing

/// Golden files for text outputs: the expected text lives in a file beside the input under
/// `Fixtures/`. Run with `DERIVE_RECORD=1` to rewrite the expected files; a recording run
/// fails, so that nothing is blessed without a second, ordinary run and a look at the diff.
enum Golden {
    /// `Tests/EvaluationTests/Fixtures`, found from this file's path.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Whether this run records expected files instead of comparing with them.
    static var recording: Bool { ProcessInfo.processInfo.environment["DERIVE_RECORD"] == "1" }

    /// Compares `actual` with the file at `url`, or records it there when recording.
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let name = url.pathComponents.suffix(2).joined(separator: "/")
        if recording {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(name); run again without DERIVE_RECORD", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing \(name); record it with DERIVE_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "\(name) differs", sourceLocation: sourceLocation)
    }

    /// The names (without extension) of the files with `extension` in a fixture folder.
    static func inputs(in folder: String, extension: String) -> [String] {
        let directory = fixtures.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix("." + `extension`) }
            .map { String($0.dropLast(`extension`.count + 1)) }.sorted()
    }
}
