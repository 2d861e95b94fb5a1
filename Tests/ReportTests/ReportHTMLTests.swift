import Diagnostics
import Foundation
import Numerics
import Pipeline
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
    static let names = ["passing", "failing", "matrix", "panels"]

    /// One BLAS thread, as derive's command line uses, whatever the environment says.
    init() { BLASThreads.set(1) }

    static func render(_ name: String) throws -> RenderedReport {
        let text = try String(contentsOf: golden.url("html/\(name).md"), encoding: .utf8)
        return RenderedReport(SourceFile(path: "notebooks/\(name).md", text: text))
    }

    @Test(arguments: names) func reportsMatchTheirGoldenHTML(name: String) throws {
        Self.golden.check(Self.withoutFontData(try Self.render(name).html), against: "html/\(name).html")
    }

    /// The page with the embedded math font's 100 KiB of base64 cut to its first 16
    /// characters: the font is made by a script and tested in the browser, and the goldens
    /// stay readable.
    static func withoutFontData(_ html: String) -> String {
        let marker = "url(data:font/woff2;base64,"
        guard let start = html.range(of: marker)?.upperBound, let end = html[start...].firstIndex(of: ")") else {
            return html
        }
        return html.replacingCharacters(in: html.index(start, offsetBy: 16)..<end, with: "…")
    }

    @Test func theMathFontIsEmbeddedWhereTheStylesheetAsksForIt() throws {
        let html = try Self.render("passing").html
        #expect(html.contains("font-src data:"))
        #expect(html.contains("@font-face{font-family:\"Derive Math\";src:url(data:font/woff2;base64,d09GMk"))
        #expect(html.contains("math{font-family:\"Derive Math\","))
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

/// A notebook run through the pipeline and rendered, for tests of the page.
struct RenderedReport {
    let run: NotebookRun
    let html: String
    var diagnostics: [Diagnostic] { run.diagnostics }

    init(_ file: SourceFile) {
        run = NotebookRun(file: file)
        html = ReportPage(run: run).html()
    }
}

/// The report renders what the pipeline parsed: nothing is parsed or read again.
@Suite struct RenderingParsesNothingTests {
    @Test(arguments: ReportHTMLTests.names) func renderingAPageParsesAndReadsNothingAndTypesetsItsMath(name: String)
        throws
    {
        let text = try String(contentsOf: ReportHTMLTests.golden.url("html/\(name).md"), encoding: .utf8)
        let run = NotebookRun(file: SourceFile(path: "notebooks/\(name).md", text: text))
        let counts = InputCounts()
        _ = InputCounts.$current.withValue(counts) { ReportPage(run: run).html() }
        for kind in [InputCounts.Kind.markdownBlocks, .markdownDocument, .texSpan, .setupBlock, .dataFile] {
            #expect(counts[kind] == 0, "\(kind)")
        }
        // Every span and checked equation once, and both sides of each check in the summary.
        let cells = run.notebook.cells.filter { $0.kind == .check }.count
        #expect(counts[.mathML] >= run.notebook.math.count + cells + 2 * run.checks.count)
    }
}
