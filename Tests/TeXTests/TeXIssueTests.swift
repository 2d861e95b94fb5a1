import Diagnostics
import Foundation
import Testing

@testable import TeX

@Suite("TeXIssue")
struct TeXIssueTests {
    /// The diagnostics of `tex` placed in a display block of a notebook, as derive prints them.
    static func rendered(_ tex: String) -> String {
        let prefix = "Some prose.\n$$\n"
        let file = SourceFile(path: "notebook.md", text: prefix + tex + "\n$$\n")
        let fragment = SourceFragment(text: tex, file: file, fileOffset: prefix.utf8.count)
        let parsed = TeXParser.parse(tex)
        let diagnostics = (parsed.issues + MathMLWriter().unresolvedReferences(in: parsed)).map {
            $0.diagnostic(.warning, in: fragment)
        }
        return DiagnosticRenderer().render(diagnostics).trimmingCharacters(in: .newlines)
    }

    @Test func diagnosticsMatchTheirGoldenRendering() throws {
        try GoldenTable.check("diagnostics.golden") { Self.rendered($0.input) }
    }

    @Test func anUnknownCommandSuggestsTheNearestKnownOne() {
        let issues = TeXParser.parse("\\lamda").issues
        #expect(issues.count == 1)
        #expect(issues.first?.code == .unknownCommand)
        #expect(issues.first?.message == "unknown command '\\lamda'")
        #expect(issues.first?.help == "did you mean '\\lambda'?")
        #expect(issues.first?.range == SourceRange(0, 6))
    }

    @Test func anUnknownCommandSuggestsTheNotebooksOwnMacros() {
        var macros = MacroTable()
        _ = TeXParser.parse("\\newcommand{\\logdet}{\\log\\det}", macros: &macros)
        let issues = TeXParser.parse("\\logdte K", macros: &macros).issues
        #expect(issues.first?.help == "did you mean '\\logdet'?")
    }

    @Test func anUnclosedBracePointsAtTheBraceItOpened() {
        let issues = TeXParser.parse("\\frac{a}{b").issues
        #expect(issues.map(\.code) == [.unbalancedBrace])
        #expect(issues.first?.range == SourceRange(8, 9))
        #expect(issues.first?.help == "add the '}' that closes it")
    }

    @Test func aSelfReferentialMacroEndsInOneExpansionIssue() {
        let result = TeXParser.parse("\\def\\a{\\a\\a}\\a")
        #expect(result.issues.map(\.code) == [.expansionLimit])
        #expect(result.issues.first?.range == SourceRange(12, 14))
        #expect(result.root.children.map(\.kind) == [.error("\\a")])
    }

    @Test func aDoublingMacroEndsInTheTokenLimit() {
        let nested = String(repeating: "\\b{", count: 30) + "x" + String(repeating: "}", count: 30)
        let result = TeXParser.parse("\\newcommand{\\b}[1]{#1#1}" + nested)
        #expect(result.issues.map(\.code) == [.expansionLimit])
    }

    /// Inputs nested far beyond any formula: each must end in one nesting issue, and the
    /// writer must still produce MathML, without overflowing the stack.
    @Test(arguments: [
        "{", "\\frac{", "x^{", "\\sqrt{", "\\left(", "\\begin{matrix}", "\\mathbf{", "\\displaystyle{",
        "\\frac\\frac", "\\sqrt\\sqrt", "\\not\\not", "\\hat\\hat", "x^x^", "\\color{red}{",
    ])
    func tenThousandNestedOpeningsEndInANestingIssue(opening: String) {
        let tex = String(repeating: opening, count: 10_000)
        let result = TeXParser.parse(tex)
        #expect(result.issues.filter { $0.code == .nestingLimit }.count == 1)
        let markup = MathMLWriter().render(result, display: true).markup
        #expect(markup.hasPrefix("<math display=\"block\"><semantics>"))
        #expect(markup.hasSuffix("</annotation></semantics></math>"))
    }

    @Test func tenThousandClosingBracesAreReportedOneEach() {
        let result = TeXParser.parse(String(repeating: "}", count: 10_000))
        #expect(result.issues.count == 10_000)
        #expect(result.issues.allSatisfy { $0.code == .unbalancedBrace })
    }

    @Test func aLongFlatFormulaParsesWithoutIssues() {
        let tex = Array(repeating: "a_{i} + \\frac{1}{2}", count: 5_000).joined(separator: " - ")
        let result = TeXParser.parse(tex)
        #expect(result.issues.isEmpty)
        #expect(result.root.children.count == 5_000 * 3 + 4_999)
    }

    @Test func rangesMapThroughAFragmentThatSpansLines() throws {
        // The TeX of a fenced block whose lines sit at their own offsets in the file.
        let file = SourceFile(path: "n.md", text: "```math\n  a = b\n  \\foo\n```\n")
        let fragment = SourceFragment(lines: [("a = b", 10), ("\\foo", 18)], file: file)
        let issue = try #require(TeXParser.parse(fragment.text).issues.first)
        let diagnostic = issue.diagnostic(.error, in: fragment)
        #expect(diagnostic.location == SourceLocation(line: 3, column: 3))
        #expect(diagnostic.range == SourceRange(18, 22))
        #expect(diagnostic.severity == .error)
    }

    @Test func anIssueWithoutAFragmentKeepsItsTeXRange() {
        let issue = TeXIssue(.unknownCommand, "unknown command '\\foo'", range: SourceRange(3, 7), help: "h")
        let diagnostic = issue.diagnostic(.warning)
        #expect(diagnostic.file == nil)
        #expect(diagnostic.range == SourceRange(3, 7))
        #expect(diagnostic.help == "h")
    }
}

extension TeXIssueTests {
    /// Many problems in one span must not make parsing slow (each did-you-mean lookup
    /// compares against every known command, so only the first few names get one).
    @Test(.timeLimit(.minutes(1)))
    func tenThousandDistinctUnknownCommandsAreReportedQuickly() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let names = (0..<10_000).map { number in
            "\\q" + String([letters[number / 676], letters[number / 26 % 26], letters[number % 26]])
        }
        let result = TeXParser.parse(names.joined(separator: " "))
        #expect(result.issues.count == 10_000)
        #expect(result.issues.allSatisfy { $0.code == .unknownCommand })
    }

    @Test(.timeLimit(.minutes(1)))
    func tenThousandLabelledRowsAreCheckedQuickly() {
        let tex = (0..<10_000).map { "a_{\($0)} &= b \\label{eq:\($0 % 5_000)}" }.joined(separator: " \\\\ ")
        let result = TeXParser.parse(tex)
        #expect(result.labels.count == 10_000)
        #expect(result.labels.last?.row == 9_999)
        #expect(result.issues.filter { $0.code == .duplicateLabel }.count == 5_000)
    }
}
