import Diagnostics
import Foundation
import Numerics
import Report
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden HTML for small notebooks — one passing, one failing, one with a matrix check —
/// and the well-formedness of every SVG figure in them.
@Suite struct ReportHTMLTests {
    static let golden = Golden(besides: #filePath)
    static let names = ["passing", "failing", "matrix"]

    /// One BLAS thread, as derive's command line uses, whatever the environment says.
    init() { BLASThreads.set(1) }

    static func render(_ name: String) throws -> RenderedReport {
        let text = try String(contentsOf: golden.url("html/\(name).md"), encoding: .utf8)
        let file = SourceFile(path: "notebooks/\(name).md", text: text)
        return ReportPage(run: NotebookRun(file: file), inputs: InputsHash(notebook: text)).render()
    }

    @Test(arguments: names) func reportsMatchTheirGoldenHTML(name: String) throws {
        Self.golden.check(try Self.render(name).html, against: "html/\(name).html")
    }

    @Test func theVerdictsAreTheOnesTheNotebooksShow() throws {
        #expect(try Self.render("passing").run.checks.map(\.verdict) == [.pass])
        let failing = try Self.render("failing")
        #expect(failing.run.checks.map(\.verdict) == [.fail])
        #expect(failing.html.contains("claim/reference is ½ in every row"))
        #expect(try Self.render("matrix").html.contains("class=\"heatmaps\""))
    }

    @Test(arguments: names) func everySVGIsWellFormedXML(name: String) throws {
        let html = try Self.render(name).html
        var rest = Substring(html)
        var count = 0
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "an SVG of \(name) is not well-formed: \(String(describing: parser.parserError))")
            #expect(svg.contains("<title>") && svg.contains("viewBox=\""))
            count += 1
            rest = rest[end.upperBound...]
        }
        #expect(count >= 1)
    }
}
