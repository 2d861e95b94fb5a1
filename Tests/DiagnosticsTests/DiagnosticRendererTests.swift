import Diagnostics
import Testing

@Suite struct DiagnosticRendererTests {
    let file = SourceFile(path: "notebooks/seed.md", text: "```gp\nlet K = rbf(X, lengthScale: lamda)\n```\n")

    @Test func anErrorShowsPositionSourceLineCaretAndHelp() {
        let start = file.text.utf8.count - 11
        let diagnostic = Diagnostic.error(
            "unknown name 'lamda'", file: file, range: SourceRange(start, start + 5),
            help: "did you mean 'lambda'?")
        let expected = """
            notebooks/seed.md:2:29: error: unknown name 'lamda'
             2 | let K = rbf(X, lengthScale: lamda)
               |                             ^~~~~
            help: did you mean 'lambda'?

            """
        #expect(DiagnosticRenderer().render(diagnostic) == expected)
    }

    @Test func colorsAreOnlyAddedWhenAsked() {
        let diagnostic = Diagnostic.warning("letters 'ab' read as a product")
        #expect(DiagnosticRenderer().render(diagnostic) == "warning: letters 'ab' read as a product\n")
        #expect(DiagnosticRenderer(colors: true).render(diagnostic).contains("\u{1B}[1;33mwarning:"))
    }

    @Test func aRangeOverSeveralLinesIsMarkedToTheEndOfItsFirstLine() {
        let diagnostic = Diagnostic.error("unclosed fence", file: file, range: SourceRange(0, 20))
        #expect(DiagnosticRenderer().render(diagnostic).hasSuffix(" 1 | ```gp\n   | ^~~~~\n"))
    }

    @Test func diagnosticsSortByFileThenPosition() {
        let late = Diagnostic.error("b", file: file, range: SourceRange(30, 31))
        let early = Diagnostic.warning("a", file: file, range: SourceRange(3, 4))
        let other = Diagnostic.error("c", file: SourceFile(path: "a.md", text: "x"), range: SourceRange(0, 1))
        #expect([late, early, other].sortedByPosition().map(\.message) == ["c", "a", "b"])
    }
}

@Suite struct SuggestionsTests {
    @Test func aNearbyNameIsSuggested() {
        #expect(Suggestions.nearest(to: "lamda", among: ["alpha", "lambda", "K"]) == "lambda")
        #expect(Suggestions.nearest(to: "tehta", among: ["theta", "beta"]) == "theta")
        #expect(Suggestions.nearest(to: "k", among: ["K", "y"]) == "K")
    }

    @Test func aDistantNameIsNotSuggested() {
        #expect(Suggestions.nearest(to: "sigma", among: ["K", "alpha"]) == nil)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
    }
}
