import Diagnostics
import Testing

@testable import Notebook

@Suite struct MarkdownDocumentTests {
    static let text = """
        # A $x$ heading

        $$
        a
        - b
        $$

        ```gp
        let a = 1
        ```

        > ```math check
        > a = a
        > ```
        """

    @Test func cmarkReadsTheRawTextOnceAndTheMaskedTextOnceAndRenderingParsesNothing() {
        let counts = InputCounts()
        InputCounts.$current.withValue(counts) {
            let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: Self.text))
            _ = notebook.renderBody(HTMLParts(math: { _, _ in "" }, cell: { _ in "" }))
            _ = notebook.renderBody(HTMLParts(math: { _, _ in "" }, cell: { _ in "" }, unsafeHTML: true))
        }
        #expect(counts[.markdownBlocks] == 1)
        #expect(counts[.markdownDocument] == 1)
    }

    @Test func codeBlocksKnowTheirCellsBelowMultiLineMath() {
        let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: Self.text))
        let roles = notebook.document.nodes.compactMap { node -> MarkdownDocument.CodeBlockRole? in
            if case .codeBlock(_, _, let role) = node.kind { return role }
            return nil
        }
        #expect(roles == [.cell(0), .cell(1)])
        #expect(notebook.cells.map(\.kind) == [.setup, .check])
        let html = notebook.renderBody(
            HTMLParts(math: { index, _ in "[\(index)]" }, cell: { index in "<cell \(index)>\n" }))
        #expect(html.contains("<cell 0>") && html.contains("<blockquote>\n<cell 1>"))
    }

    @Test func headingsComeFromTheSameTreeWithTheirMath() {
        let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: Self.text))
        #expect(notebook.headings.map(\.text) == ["A x heading"])
        #expect(notebook.headings.map(\.id) == ["a-x-heading"])
    }

    @Test func aMaskedOffsetMapsBackAcrossEveryToken() {
        let file = SourceFile(path: "t.md", text: "a $xx$ b $$\ny\n$$ c\nd")
        let notebook = ParsedNotebook(file: file)
        #expect(notebook.math.map(\.tex.text) == ["xx", "\ny\n"])
        let spans = MathMasker(file: file, text: file.text, blocks: Markdown.survey(file.text)).spans()
        let masked = MathMasker.mask(file.text, spans: spans, tokens: spans.indices.map(Placeholder.token))
        let d = masked.text.utf8.count - 1
        #expect(masked.originalOffset(d) == file.text.utf8.count - 1)
        #expect(masked.originalOffset(0) == 0)
        #expect(masked.originalOffset(ofLine: 2) == file.lineStarts[3])
    }
}
