import Diagnostics
import Testing

@Suite struct SourceFileTests {
    let file = SourceFile(path: "n.md", text: "let λ = 1\r\nlet K = λ\n\nend")

    @Test func offsetsBecomeOneBasedLinesAndScalarColumns() {
        // "let λ = 1\r\n" is 12 bytes: λ is two bytes but one column.
        #expect(file.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.location(of: 6) == SourceLocation(line: 1, column: 6))
        #expect(file.location(of: 8) == SourceLocation(line: 1, column: 8))
        #expect(file.location(of: 12) == SourceLocation(line: 2, column: 1))
        #expect(file.location(of: 20) == SourceLocation(line: 2, column: 9))
        #expect(file.location(of: 22) == SourceLocation(line: 2, column: 10))
        #expect(file.location(of: 24) == SourceLocation(line: 4, column: 1))
    }

    @Test func linesComeWithoutTheirBreaks() {
        #expect(file.line(1) == "let λ = 1")
        #expect(file.line(2) == "let K = λ")
        #expect(file.line(3) == "")
        #expect(file.line(4) == "end")
        #expect(file.line(5) == "")
        #expect(file.lineCount == 4)
    }

    @Test func byteColumnsFromCmarkBecomeOffsets() {
        #expect(file.offset(line: 2, byteColumn: 9) == 20)
        #expect(file.slice(SourceRange(20, 22)) == "λ")
    }

    @Test func aFragmentMapsItsLinesBackToTheFile() {
        let source = SourceFile(path: "n.md", text: "> ```gp\n> let a = 1\n>   let b = 2\n> ```\n")
        let fragment = SourceFragment(
            lines: [(source.line(2).dropFirst(2), 10), (source.line(3).dropFirst(2), 22)], file: source)
        #expect(fragment.text == "let a = 1\n  let b = 2")
        // "b" is at fragment offset 16, on the fragment's second line.
        let offset = fragment.fileOffset(16)
        #expect(source.location(of: offset) == SourceLocation(line: 3, column: 9))
        #expect(source.slice(fragment.fileRange(16, 17)) == "b")
    }
}
