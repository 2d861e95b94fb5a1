import Diagnostics
import Foundation
import Testing

@testable import Setup

/// Golden files: each `Fixtures/evaluation/NAME.gp` holds gp blocks separated by `//---`
/// lines; `NAME.diagnostics` is what evaluating them reports, rendered as the command line
/// prints it. Re-record with `DERIVE_RECORD=1` (the run then fails).
@Suite struct EvaluationDiagnosticsTests {
    /// Fixtures evaluated with options other than the defaults.
    static let options: [String: EvaluationOptions] = [
        "size-limit": EvaluationOptions(maxElements: 1000),
        "time-budget": EvaluationOptions(timeBudget: 0),
    ]

    static let names = golden.inputs(in: "evaluation", extension: "gp")

    @Test func thereAreFixtures() {
        #expect(Self.names.count >= 12)
    }

    @Test(arguments: names) func diagnosticsMatchTheGoldenFile(name: String) throws {
        let folder = golden.fixtures.appendingPathComponent("evaluation")
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".gp"), encoding: .utf8)
        let blocks = text.split(separator: "//---\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\n") ? $0.dropLast() : $0)
        }
        var options = Self.options[name] ?? EvaluationOptions()
        if name == "data-files" { options.baseDirectory = try dataWorkspace().path }
        let notebook = TestNotebook(blocks, path: "evaluation/\(name).md")
        let rendered = notebook.renderedDiagnostics(options)
        golden.check(rendered, against: folder.appendingPathComponent(name + ".diagnostics"))
        for diagnostic in notebook.evaluate(options).diagnostics {
            let range = try #require(diagnostic.range)
            #expect(range.upperBound <= notebook.file.text.utf8.count)
        }
    }

    /// A folder with `data-files/`'s data, and `link.csv`, a symbolic link out of it.
    func dataWorkspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-data-\(UUID().uuidString)")
        let notebooks = root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: golden.fixtures.appendingPathComponent("evaluation/data-files/data"),
            to: notebooks.appendingPathComponent("data"))
        try "1,2\n".write(to: root.appendingPathComponent("outside.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: notebooks.appendingPathComponent("link.csv").path, withDestinationPath: "../outside.csv")
        return notebooks
    }
}
