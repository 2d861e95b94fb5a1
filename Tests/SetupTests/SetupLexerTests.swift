import Diagnostics
import Setup
import Testing

@Suite struct SetupLexerTests {
    /// The kinds of the tokens of `text`, without the final `.end`.
    func kinds(_ text: String) -> [SetupToken.Kind] {
        SetupLexer.tokenize(text).tokens.dropLast().map(\.kind)
    }

    @Test func numbersKeepTheirSpellingAndValue() {
        #expect(
            kinds("1 0.5 .5 1e-10 2.5E+3 1.") == [
                .number(text: "1", value: 1), .number(text: "0.5", value: 0.5), .number(text: ".5", value: 0.5),
                .number(text: "1e-10", value: 1e-10), .number(text: "2.5E+3", value: 2500),
                .number(text: "1.", value: 1),
            ])
    }

    @Test func aDotBeforeAnOperatorBelongsToTheOperator() {
        #expect(kinds("1.^x") == [.number(text: "1", value: 1), .symbol(".^"), .identifier(name: "x", spelling: "x")])
        #expect(kinds("1./x") == [.number(text: "1", value: 1), .symbol("./"), .identifier(name: "x", spelling: "x")])
        #expect(kinds("2.*x") == [.number(text: "2", value: 2), .symbol(".*"), .identifier(name: "x", spelling: "x")])
    }

    @Test func anExponentNeedsDigits() {
        #expect(kinds("2e") == [.number(text: "2", value: 2), .identifier(name: "e", spelling: "e")])
        #expect(kinds("2e-x").count == 4)
    }

    @Test func juxtapositionIsVisibleAsMissingSpace() {
        let tight = SetupLexer.tokenize("2π").tokens
        let spaced = SetupLexer.tokenize("2 π").tokens
        #expect(tight[1].spaceBefore == false)
        #expect(spaced[1].spaceBefore == true)
        #expect(tight[1].kind == .identifier(name: "π", spelling: "π"))
        #expect(SetupLexer.tokenize("2pi").tokens[1].kind == .identifier(name: "π", spelling: "pi"))
    }

    @Test func anOptionLineMustOpenItsLine() {
        #expect(kinds("//| echo: false") == [.option(" echo: false")])
        #expect(kinds("  //| echo: false") == [.option(" echo: false")])
        #expect(kinds("a //| echo: false") == [.identifier(name: "a", spelling: "a")])
        #expect(kinds("// //| echo: false") == [])
    }

    @Test func nearMissesAreReadAsWhatWasMeant() {
        let (tokens, diagnostics) = SetupLexer.tokenize("x ** 2 − y.'")
        #expect(
            tokens.dropLast().map(\.kind) == [
                .identifier(name: "x", spelling: "x"), .symbol("^"), .number(text: "2", value: 2), .symbol("-"),
                .identifier(name: "y", spelling: "y"), .symbol("'"),
            ])
        #expect(diagnostics.map(\.message) == ["'**' is not an operator"])
        #expect(diagnostics.first?.range == SourceRange(2, 4))
    }

    @Test func keywordsAreNotNames() {
        #expect(
            kinds("let param end lets") == [
                .keyword("let"), .keyword("param"), .keyword("end"), .identifier(name: "lets", spelling: "lets"),
            ])
    }

    @Test func stringsResolveTheirTwoEscapes() {
        #expect(kinds(#""a\"b\\c\n""#) == [.string(#"a"b\c\n"#)])
    }

    @Test func rangesAreUTF8Offsets() {
        let tokens = SetupLexer.tokenize("λ = θ").tokens
        #expect(tokens.map(\.range) == [SourceRange(0, 2), SourceRange(3, 4), SourceRange(5, 7), SourceRange(7, 7)])
    }

    @Test func aStrayCharacterCarriesItsError() {
        let tokens = SetupLexer.tokenize("a $").tokens
        guard case .invalid(let diagnostic) = tokens[1].kind else {
            Issue.record("expected an invalid token")
            return
        }
        #expect(diagnostic.message == "unexpected character '$'")
        #expect(diagnostic.range == SourceRange(2, 3))
    }

    @Test func carriageReturnsAreSpacing() {
        #expect(
            kinds("a\r\nb") == [
                .identifier(name: "a", spelling: "a"), .newline, .identifier(name: "b", spelling: "b"),
            ])
    }
}
