import Foundation
import Testing

@testable import TeX

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks over the MathML of every corpus case: well-formed XML, MathML Core only.
extension MathMLWriterTests {
    /// The elements the writer may use: MathML Core, and `<a>` inside `<mtext>`.
    static let coreElements: Set<String> = [
        "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "mtext", "mspace", "msub", "msup",
        "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt", "mroot", "mstyle", "merror",
        "mpadded", "mphantom", "mtable", "mtr", "mtd", "a",
    ]

    /// The attributes the writer may use, all of them MathML Core (or HTML's `href`).
    static let coreAttributes: Set<String> = [
        "display", "encoding", "mathvariant", "form", "stretchy", "fence", "lspace", "rspace",
        "minsize", "maxsize", "movablelimits", "accent", "accentunder", "linethickness",
        "displaystyle", "scriptlevel", "mathcolor", "width", "height", "depth", "style", "href",
    ]

    /// Every corpus case rendered now (not read from the golden file).
    static func corpusMarkup() throws -> [(name: String, markup: String)] {
        let table = try GoldenTable(contentsOf: GoldenTable.fixture("mathml.golden"))
        return table.cases.map { entry in
            (entry.name, writer.render(TeXParser.parse(entry.input), display: entry.isDisplay).markup)
        }
    }

    @Test func corpusHasAtLeast150Cases() throws {
        #expect(try Self.corpusMarkup().count >= 150)
    }

    @Test func everyCorpusOutputIsWellFormedXML() throws {
        for (name, markup) in try Self.corpusMarkup() {
            let elements = XMLElements(markup)
            #expect(elements.error == nil, "\(name): \(elements.error ?? "")")
            #expect(elements.all.first?.name == "math", "\(name) does not start with <math>")
        }
    }

    @Test func corpusUsesOnlyMathMLCoreElementsAndAttributes() throws {
        for (name, markup) in try Self.corpusMarkup() {
            for element in XMLElements(markup).all {
                #expect(Self.coreElements.contains(element.name), "\(name) uses <\(element.name)>")
                for attribute in element.attributes.keys {
                    #expect(Self.coreAttributes.contains(attribute), "\(name) uses \(attribute) on <\(element.name)>")
                }
            }
        }
    }

    @Test func corpusNeverUsesFencedEnclosedOrLabeledRows() throws {
        for (name, markup) in try Self.corpusMarkup() {
            for forbidden in ["<mfenced", "<menclose", "<mlabeledtr"] {
                #expect(!markup.contains(forbidden), "\(name) contains \(forbidden)")
            }
        }
    }

    @Test func mathvariantIsOnlyNormalOnASingleCharacterIdentifier() throws {
        for (name, markup) in try Self.corpusMarkup() {
            for element in XMLElements(markup).all where element.attributes["mathvariant"] != nil {
                #expect(element.attributes["mathvariant"] == "normal", "\(name): \(element.attributes)")
                #expect(element.name == "mi", "\(name): mathvariant on <\(element.name)>")
                #expect(element.text.unicodeScalars.count == 1, "\(name): mathvariant on '\(element.text)'")
            }
        }
    }

    @Test func outputHasNoWhitespaceBetweenElements() throws {
        for (name, markup) in try Self.corpusMarkup() {
            #expect(markup.range(of: #">[ \t\n]+<"#, options: .regularExpression) == nil, "\(name)")
            #expect(!markup.contains("\n"), "\(name) spans several lines")
        }
    }

    @Test func everyOutputCarriesItsTeXAsAnnotation() throws {
        let table = try GoldenTable(contentsOf: GoldenTable.fixture("mathml.golden"))
        for entry in table.cases {
            let markup = Self.writer.render(TeXParser.parse(entry.input), display: entry.isDisplay).markup
            let annotation = XMLElements(markup).all.first { $0.name == "annotation" }
            #expect(annotation?.attributes["encoding"] == "application/x-tex", "\(entry.name)")
            #expect(annotation?.text == entry.input, "\(entry.name)")
        }
    }
}

/// The elements of a piece of XML in document order, parsed with Foundation's XMLParser.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var all: [Element] = []
    private(set) var error: String?
    private var open: [Int] = []

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError.map { "\($0)" } ?? "not well-formed" }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        open.append(all.count)
        all.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { all[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
