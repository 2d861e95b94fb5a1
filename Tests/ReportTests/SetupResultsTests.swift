import Diagnostics
import Notebook
import Pipeline
import Testing

@testable import Report

@Suite struct SetupResultsTests {
    func render(_ markdown: String) -> RenderedReport {
        RenderedReport(SourceFile(path: "n.md", text: markdown))
    }

    @Test func aBlockShowsItsCodeAndWhatItDefined() {
        let report = render("# T\n\n```gp\nlet v = [1, 2.5, 3]\nlet s = sum(v)\nlet k(x) = 2 * x\n```\n")
        #expect(report.html.contains("<code class=\"language-gp\">let v = [1, 2.5, 3]"))
        #expect(report.html.contains("<code>[1, 2.5, 3]&#39;</code>"))
        #expect(report.html.contains("<code>6.5</code>"))
        #expect(report.html.contains("<code>k(x)</code>"))
        #expect(report.diagnostics.isEmpty)
    }

    @Test func blockOptionsHideTheCodeOrTheResults() {
        let hidden = render("```gp\n//| echo: false\nlet s = 41.5\n```\n")
        #expect(!hidden.html.contains("language-gp"))
        #expect(hidden.html.contains("<code>41.5</code>"))
        let quiet = render("```gp\n//| results: false\nlet s = 41.5\n```\n")
        #expect(quiet.html.contains("language-gp"))
        #expect(!quiet.html.contains("<table class=\"setup-results\""))
    }

    @Test func errorsReachTheReportsDiagnosticsAndNonFiniteValuesAreMarked() {
        let report = render("```gp\nlet a = log(-1)\nlet b = undefinedName\n```\n")
        #expect(
            report.diagnostics.map(\.message) == [
                "'a' is NaN: its definition produced it", "unknown name 'undefinedName'",
            ])
        #expect(report.html.contains("not finite"))
        #expect(report.html.contains("not evaluated"))
    }

    @Test func matricesShowTheirShapeAndACorner() {
        let report = render("```gp\nlet A = [1, 2, 3, 4; 5, 6, 7, 8; 9, 10, 11, 12; 13, 14, 15, 16]\n```\n")
        #expect(report.html.contains(">4×4</td>"))
        #expect(report.html.contains("<code>[1, 2, …; 5, 6, …; 9, 10, …; …]</code>"))
    }
}
