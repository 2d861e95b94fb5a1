import Diagnostics
import Testing

@testable import TeX

@Suite("TeXLexer")
struct TeXLexerTests {
    static func tokens(_ source: String) -> [TeXToken] {
        var lexer = TeXLexer(source)
        var tokens: [TeXToken] = []
        while let token = lexer.next() { tokens.append(token) }
        return tokens
    }

    @Test func controlWordsAndSymbolsAreCommands() {
        #expect(Self.tokens("\\alpha\\,\\\\").map(\.kind) == [.command("alpha"), .command(","), .command("\\")])
    }

    @Test func spacesAndCommentsCollapse() {
        #expect(Self.tokens("a  % comment\n  b").map(\.kind) == [.character("a"), .space, .character("b")])
    }

    @Test func parametersAreRecognisedOnlyWithADigit() {
        #expect(Self.tokens("#1#").map(\.kind) == [.parameter(1), .character("#")])
    }

    @Test func rangesCountUTF8Bytes() {
        let tokens = Self.tokens("λ\\mu x̂")
        #expect(tokens.map(\.range) == [SourceRange(0, 2), SourceRange(2, 5), SourceRange(5, 6), SourceRange(6, 9)])
        #expect(tokens.last?.kind == .character("x̂"))
    }
}

extension TeXLexerTests {
    @Test func aMarkAfterAControlCharacterIsItsOwnToken() {
        #expect(Self.tokens("\u{1}\u{301}").map(\.kind) == [.character("\u{1}"), .character("\u{301}")])
    }
}
