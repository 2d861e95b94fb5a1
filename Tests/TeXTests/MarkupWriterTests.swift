import Testing

@testable import TeX

@Suite("MarkupWriter")
struct MarkupWriterTests {
    @Test func escapesMarkupCharactersInTextAndAttributes() {
        var out = MarkupWriter()
        out.leaf("mi", [("title", "a\"<b>&")], text: "<&>\"")
        #expect(out.markup == "<mi title=\"a&quot;&lt;b&gt;&amp;\">&lt;&amp;&gt;&quot;</mi>")
    }

    @Test func writesInvisibleCharactersAsReferences() {
        #expect(MarkupWriter.escape("\u{2061}\u{A0}\u{2009}\n") == "&#x2061;&#xA0;&#x2009;&#xA;")
        #expect(MarkupWriter.escape("a b") == "a b")
    }

    @Test func replacesControlCharactersXMLForbids() {
        #expect(MarkupWriter.escape("a\u{1}b\u{7}") == "a\u{FFFD}b\u{FFFD}")
    }

    @Test func writesElementsWithoutWhitespace() {
        var out = MarkupWriter()
        out.open("mrow")
        out.empty("mspace", [("width", "1em")])
        out.leaf("mn", text: "2")
        out.close("mrow")
        #expect(out.markup == "<mrow><mspace width=\"1em\"/><mn>2</mn></mrow>")
    }
}
