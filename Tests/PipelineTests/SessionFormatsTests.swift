import Foundation
import Pipeline
import Testing

/// `Session.render`'s other formats (the PDF of `derive render --pdf`): a file per notebook
/// beside its report, made from the page the session wrote, never under `--check`.
@Suite struct SessionFormatsTests {
    /// A folder with one notebook, `notebooks/note.md`, and the output folder's path.
    static func workspace() throws -> (notebooks: String, output: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-formats-\(UUID())")
        let notebooks = root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try "# A note\n\nNothing to check.\n".write(
            to: notebooks.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
        return (notebooks.path, root.appendingPathComponent("output").path)
    }

    /// A format that writes the page's length, so the test sees it was made from the page.
    static let length = PageFormat(pathExtension: "len") { html, _ in Data("\(html.utf8.count)".utf8) }

    @Test func eachFormatIsWrittenBesideItsReportFromThePage() throws {
        let (notebooks, output) = try Self.workspace()
        var events: [String] = []
        let result = try Session(pipeline: Pipeline()).render(
            paths: [notebooks], outputDirectory: output, verify: false, render: { _ in "<p>page</p>" },
            alsoAs: [Self.length],
            report: { event in
                switch event {
                case .written(let report, _, _): events.append("written \(report)")
                case .alsoWritten(let path): events.append("also \(path)")
                default: events.append("\(event)")
                }
            })
        #expect(result == .pass)
        #expect(events == ["written \(output)/note.html", "also \(output)/note.len"])
        #expect(try String(contentsOfFile: "\(output)/note.len", encoding: .utf8) == "11")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).sorted() == ["note.html", "note.len"])
    }

    @Test func aFormatThatFailsIsAnErrorAndLeavesTheReport() throws {
        let (notebooks, output) = try Self.workspace()
        let failing = PageFormat(pathExtension: "pdf") { _, path throws(StageError) in
            throw StageError(.render, path: path, "the printer is out of ink")
        }
        var failures: [String] = []
        let result = try Session(pipeline: Pipeline()).render(
            paths: [notebooks], outputDirectory: output, verify: false, render: { _ in "<p>page</p>" },
            alsoAs: [failing],
            report: { event in
                if case .failure(let error) = event { failures.append(error.description) }
            })
        #expect(result == .error)
        #expect(failures == ["\(output)/note.pdf: error: the printer is out of ink (while rendering the report)"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["note.html"])
    }

    @Test func checkingWritesNoFormat() throws {
        let (notebooks, output) = try Self.workspace()
        // Were it made, it would fail and make the result an error.
        let failing = PageFormat(pathExtension: "len") { _, path throws(StageError) in
            throw StageError(.render, path: path, "made under --check")
        }
        var events: [String] = []
        let result = try Session(pipeline: Pipeline()).render(
            paths: [notebooks], outputDirectory: output, verify: true, render: { _ in "<p>page</p>" },
            alsoAs: [failing], report: { events.append("\($0)") })
        #expect(result == .fail)
        #expect(events.count == 1)
        #expect(events.first?.hasPrefix("missing(") == true)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
