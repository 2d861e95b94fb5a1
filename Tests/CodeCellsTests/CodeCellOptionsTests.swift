import Diagnostics
import Setup
import Testing

/// The options at the top of a code cell, and how gp names become identifiers.
@Suite struct CodeCellOptionsTests {
    static func read(_ body: String, language: CodeLanguage = .python) -> (CodeCell, [String]) {
        let fence = "```\(language.rawValue)\n"
        let file = SourceFile(path: "n.md", text: fence + body + "\n```\n")
        let fragment = SourceFragment(text: body, file: file, fileOffset: fence.utf8.count)
        let (cell, diagnostics) = CodeCell.read(
            fragment, language: language, index: 0, range: SourceRange(0, file.text.utf8.count))
        return (
            cell,
            diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-"): \($0.severity): \($0.message)" }
        )
    }

    @Test func readsAndDefinesNameGPNamesAndTheIdentifiersTheCodeUses() {
        let (cell, problems) = Self.read("#| reads: X, theta, ℓ, lambda as lam\n#| defines: K, G[i]\nK = 1")
        #expect(problems == [])
        #expect(cell.reads.map(\.name) == ["X", "θ", "ℓ", "λ"])
        // Python reads `theta` as written, `ℓ` as NFKC makes it (`l`), and `lambda` under its new name.
        #expect(cell.reads.map(\.identifier) == ["X", "theta", "l", "lam"])
        #expect(cell.defines.map(\.name) == ["K", "G"])
        #expect(cell.defines.map(\.isFamily) == [false, true])
    }

    @Test func swiftKeepsTheSpellingAsWritten() {
        let (cell, problems) = Self.read("//| reads: ℓ, theta\n//| defines: K\nlet K = ℓ", language: .swift)
        #expect(problems == [])
        #expect(cell.reads.map(\.identifier) == ["ℓ", "theta"])
    }

    @Test func aPythonKeywordIsAnErrorThatSuggestsAs() {
        let (_, problems) = Self.read("#| reads: lambda\n#| defines: K\nK = 1")
        #expect(problems == ["2:11: error: 'lambda' is a Python keyword"])
    }

    @Test func badOptionsAreLocated() {
        let (cell, problems) = Self.read(
            "#| reads: X,, Y[i]\n#| defins: K\n#| echo: maybe\n#| defines: K\nK = 1\n#| eval: false")
        #expect(
            problems == [
                "2:13: error: empty name in the list",
                "2:15: error: a cell reads whole values",
                "3:1: warning: unknown cell option 'defins'",
                "4:1: error: cell option 'echo' takes 'true' or 'false', not 'maybe'",
                "7:1: warning: cell options go at the top of the cell; this one is ignored",
            ])
        #expect(cell.reads.map(\.name) == ["X"])
        #expect(cell.evaluates)
    }
}
