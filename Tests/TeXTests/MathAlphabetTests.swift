import Testing

@testable import TeX

/// Code points checked against the Unicode charts of Mathematical Alphanumeric Symbols
/// (U+1D400–U+1D7FF) and Letterlike Symbols (the "holes").
@Suite("MathAlphabet")
struct MathAlphabetTests {
    @Test(arguments: [
        ("A", MathFont.bold, 0x1D400), ("a", .bold, 0x1D41A), ("z", .bold, 0x1D433), ("0", .bold, 0x1D7CE),
        ("x", .italic, 0x1D465), ("h", .italic, 0x210E), ("x", .boldItalic, 0x1D499),
        ("A", .script, 0x1D49C), ("B", .script, 0x212C), ("L", .script, 0x2112), ("e", .script, 0x212F),
        ("C", .fraktur, 0x212D), ("g", .fraktur, 0x1D524), ("R", .doubleStruck, 0x211D),
        ("E", .doubleStruck, 0x1D53C), ("1", .doubleStruck, 0x1D7D9), ("T", .sansSerif, 0x1D5B3),
        ("2", .sansSerif, 0x1D7E4), ("x", .monospace, 0x1D6A1), ("1", .monospace, 0x1D7F7),
        ("α", .bold, 0x1D6C2), ("Σ", .bold, 0x1D6BA), ("∇", .bold, 0x1D6C1), ("α", .boldItalic, 0x1D736),
        ("θ", .italic, 0x1D703), ("∂", .italic, 0x1D715), ("ϕ", .bold, 0x1D6DF),
    ])
    func lettersMapToTheirMathematicalCodePoints(letter: Character, font: MathFont, expected: UInt32) {
        let scalar = letter.unicodeScalars.first.flatMap { MathAlphabet.map($0, in: font) }
        #expect(scalar?.value == expected)
    }

    @Test func boldSymbolKeepsCapitalGreekUpright() {
        #expect(MathAlphabet.map(Unicode.Scalar("Σ"), in: .boldItalic) == "\u{1D6BA}")
    }

    @Test func alphabetsWithoutALetterLeaveItAlone() {
        #expect(MathAlphabet.map(Unicode.Scalar("α"), in: .script) == nil)
        #expect(MathAlphabet.map(Unicode.Scalar("5"), in: .fraktur) == nil)
        #expect(MathAlphabet.map(Unicode.Scalar("+"), in: .bold) == nil)
        #expect(MathAlphabet.map("x+1", in: .bold) == "\u{1D431}+\u{1D7CF}")
    }
}
