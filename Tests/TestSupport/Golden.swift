import Foundation
import Testing

/// Golden files for text outputs: the expected text lives in a file under a test target's
/// `Fixtures/`. Run the tests with `DERIVE_RECORD=1` to rewrite the expected files; a
/// recording run fails, so that nothing is blessed without a second, ordinary run and a
/// look at the diff.
public struct Golden: Sendable {
    /// The `Fixtures` folder of a test target.
    public let fixtures: URL

    /// Golden files under the `Fixtures` folder beside `file` (pass `#filePath`).
    public init(besides file: String) {
        fixtures = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// Whether this run records expected files instead of comparing with them.
    public static var recording: Bool { ProcessInfo.processInfo.environment["DERIVE_RECORD"] == "1" }

    /// The file at `path` under `Fixtures`.
    public func url(_ path: String) -> URL { fixtures.appendingPathComponent(path) }

    /// Compares `actual` with the golden file at `path`, or records it there when recording.
    public func check(_ actual: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        check(actual, against: url(path), sourceLocation: sourceLocation)
    }

    /// Compares `actual` with the file at `url`, or records it there when recording.
    public func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let name = url.pathComponents.suffix(2).joined(separator: "/")
        if Self.recording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
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
    public func inputs(in folder: String, extension: String) -> [String] {
        let directory = fixtures.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix("." + `extension`) }
            .map { String($0.dropLast(`extension`.count + 1)) }.sorted()
    }
}
