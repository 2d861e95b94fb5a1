import Diagnostics
import Notebook
import Testing

@Suite struct FrontMatterTests {
    @Test func titleAndExpectationAreRead() {
        let notebook = ParsedNotebook(
            file: SourceFile(path: "t.md", text: "---\ntitle: \"PR #11116: λ⁻³\"\nexpect: fail\n---\n# Heading\n"))
        #expect(notebook.title == "PR #11116: λ⁻³")
        #expect(notebook.frontMatter.expectsFailure)
        #expect(notebook.headings.map(\.text) == ["Heading"])
        #expect(notebook.diagnostics.isEmpty)
    }

    @Test func sourceAndLicenseDescribeADerivationBySomeoneElse() {
        let text = "---\nsource: https://stats.stackexchange.com/q/280277\nlicense: CC BY-SA 3.0\nlicence: x\n---\n"
        let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: text))
        #expect(notebook.frontMatter["source"] == "https://stats.stackexchange.com/q/280277")
        #expect(notebook.frontMatter["license"] == "CC BY-SA 3.0")
        #expect(notebook.diagnostics.map(\.message) == ["unknown front matter key 'licence'"])
        #expect(notebook.diagnostics.first?.help == "did you mean 'license'?")
    }

    @Test func unknownKeysAndNestedYAMLAreReported() {
        let file = SourceFile(path: "t.md", text: "---\ntitel: x\nlist:\n  - a\n---\n")
        let diagnostics = ParsedNotebook(file: file).diagnostics
        #expect(
            diagnostics.map(\.message) == [
                "unknown front matter key 'titel'", "unknown front matter key 'list'",
                "front matter line is not 'key: value'",
            ])
        #expect(diagnostics[0].help == "did you mean 'title'?")
        #expect(diagnostics[2].location == SourceLocation(line: 4, column: 1))
    }

    @Test func anUnclosedFrontMatterIsAWarningAndReadAsMarkdown() {
        let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: "---\ntitle: x\n"))
        #expect(notebook.diagnostics.map(\.message) == ["front matter is not closed"])
        #expect(notebook.frontMatter.title == nil)
    }
}
