import Testing

@testable import TeX

@Suite("XMLText")
struct XMLTextTests {
    @Test func escapesTheFiveMarkupCharactersForHTML() {
        #expect(XMLText.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
    }

    @Test func keepsApostrophesWhenAskedAsMathMLDoes() {
        #expect(XMLText.escape("x'", apostrophes: false) == "x'")
    }

    @Test func keepsLineBreaksInContentAndWritesThemAsReferencesInAttributes() {
        #expect(XMLText.escape("a\n\tb") == "a\n\tb")
        #expect(XMLText.escape("a\n\tb", in: .attribute) == "a&#xA;&#x9;b")
        #expect(XMLText.escape("a\rb") == "a&#xD;b")
    }

    @Test func replacesWhatXMLCannotHoldEverywhere() {
        #expect(XMLText.escape("a\u{1}b\u{FFFE}") == "a\u{FFFD}b\u{FFFD}")
        #expect(XMLText.escape("a\u{1}b", in: .attribute) == "a\u{FFFD}b")
    }

    @Test func revealsInvisibleCharactersOnlyWhenAsked() {
        #expect(XMLText.escape("\u{2061}\u{A0}") == "\u{2061}\u{A0}")
        #expect(XMLText.escape("\u{2061}\u{A0} ", revealingInvisibles: true) == "&#x2061;&#xA0; ")
    }
}
