import Diagnostics
import Setup
import Testing

@Suite struct SetupBlockTests {
    @Test func codeAndResultsAreShownByDefault() {
        let (block, _) = SetupParser.parse("let a = 1")
        #expect(block.echo)
        #expect(block.showsResults)
    }

    @Test func optionsAtTheTopHideCodeOrResults() {
        let (block, diagnostics) = SetupParser.parse("//| echo: false\n//| results: false\nlet a = 1")
        #expect(diagnostics == [])
        #expect(!block.echo)
        #expect(!block.showsResults)
        #expect(block.options.map(\.range) == [SourceRange(0, 15), SourceRange(16, 34)])
    }

    @Test func anOptionAfterADefinitionIsIgnoredWithAWarning() {
        let (block, diagnostics) = SetupParser.parse("let a = 1\n//| echo: false")
        #expect(block.echo)
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func blankLinesMayPrecedeOptions() {
        let (block, diagnostics) = SetupParser.parse("\n\n//| echo: false\nlet a = 1")
        #expect(diagnostics == [])
        #expect(!block.echo)
    }
}

@Suite struct DiagnosticLocationTests {
    @Test func aBlockErrorPointsIntoTheNotebook() {
        // The block is the body of a fence inside a list item, indented by two spaces.
        let notebook = "# Title\n\n- item\n\n  ```gp\n  let a = 1\n  let b = (a + 1\n  ```\n"
        let file = SourceFile(path: "notebook.md", text: notebook)
        let lineOffsets = [file.lineStarts[5] + 2, file.lineStarts[6] + 2]
        let fragment = SourceFragment(
            lines: [(file.line(6).dropFirst(2), lineOffsets[0]), (file.line(7).dropFirst(2), lineOffsets[1])],
            file: file)
        let (_, diagnostics) = SetupParser.parse(fragment.text)
        let located = diagnostics.map { $0.located(in: fragment) }
        #expect(located.map(\.location) == [SourceLocation(line: 7, column: 17)])
        #expect(
            located.first?.notes.first?.range.map { file.location(of: $0.lowerBound) }
                == SourceLocation(line: 7, column: 11))
        #expect(
            DiagnosticRenderer().render(located) == """
                notebook.md:7:17: error: expected ')' to close '('
                 7 |   let b = (a + 1
                   |                 ^
                note: '(' opened here (line 7)
                 7 |   let b = (a + 1
                   |           ^


                """)
    }
}
