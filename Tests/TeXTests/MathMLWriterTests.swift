import Diagnostics
import Foundation
import Testing

@testable import TeX

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("MathMLWriter")
struct MathMLWriterTests {
    /// The writer every corpus case uses: one label resolves, others do not.
    static let writer = MathMLWriter(references: [
        "eq:grad": EquationReference(number: "3", anchor: "eq-grad"),
        "eq:lml": EquationReference(number: "2", anchor: "eq-lml"),
    ])

    /// The MathML of a case and its issues, as the corpus records them.
    static func corpusOutput(_ entry: GoldenTable.Case) -> String {
        let parsed = TeXParser.parse(entry.input)
        let rendering = writer.render(parsed, display: entry.isDisplay)
        let issues = (parsed.issues + writer.unresolvedReferences(in: parsed)).map {
            "! \($0.code.rawValue) @\($0.range.lowerBound)..\($0.range.upperBound): \($0.message)"
        }
        return ([rendering.markup] + issues).joined(separator: "\n")
    }

    @Test func corpusMatchesItsGoldenMathML() throws {
        try GoldenTable.check("mathml.golden", actual: Self.corpusOutput)
    }

    /// The presentation part of `tex` (between `<semantics>` and `<annotation`), inline.
    static func presentation(_ tex: String, writer: MathMLWriter = MathMLWriterTests.writer) -> String {
        let markup = writer.render(TeXParser.parse(tex), display: false).markup
        let start = markup.range(of: "<semantics>")?.upperBound ?? markup.startIndex
        let end = markup.range(of: "<annotation")?.lowerBound ?? markup.endIndex
        return String(markup[start..<end])
    }

    @Test func displayMathIsABlockMathElement() {
        let markup = Self.writer.render(TeXParser.parse("x"), display: true).markup
        #expect(
            markup
                == "<math display=\"block\"><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>"
        )
    }

    @Test func minusIsTheMinusSign() {
        #expect(Self.presentation("a-b") == "<mrow><mi>a</mi><mo>\u{2212}</mo><mi>b</mi></mrow>")
    }

    @Test func aSignAfterARelationIsAPrefixOperator() {
        #expect(Self.presentation("=-x") == "<mrow><mo>=</mo><mo form=\"prefix\">\u{2212}</mo><mi>x</mi></mrow>")
    }

    @Test func leftRightFencesStretchAndPlainParenthesesDoNot() {
        #expect(
            Self.presentation("\\left(x\\right)")
                == "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi>"
                + "<mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo></mrow>")
        #expect(
            Self.presentation("(x)")
                == "<mrow><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
    }

    @Test func bigDelimitersHaveAFixedSize() {
        #expect(
            Self.presentation("\\Bigl[")
                == "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\" minsize=\"1.623em\" maxsize=\"1.623em\">[</mo>"
        )
    }

    @Test func fontCommandsUseMathematicalAlphanumerics() {
        #expect(Self.presentation("\\mathbf{y}") == "<mi>\u{1D432}</mi>")
        #expect(Self.presentation("\\mathbb{R}") == "<mi>\u{211D}</mi>")
        #expect(Self.presentation("\\mathcal{L}") == "<mi>\u{2112}</mi>")
        #expect(Self.presentation("\\boldsymbol\\alpha") == "<mi>\u{1D736}</mi>")
        #expect(Self.presentation("\\mathsf{T}") == "<mi>\u{1D5B3}</mi>")
    }

    @Test func uprightSingleLettersSayNormal() {
        #expect(Self.presentation("\\Gamma") == "<mi mathvariant=\"normal\">\u{393}</mi>")
        #expect(Self.presentation("\\mathrm{d}") == "<mi mathvariant=\"normal\">d</mi>")
        #expect(Self.presentation("\\mathrm{diag}") == "<mi>diag</mi>")
        #expect(Self.presentation("\\infty") == "<mi>\u{221E}</mi>")
    }

    @Test func sumsTakeMovableLimitsAndIntegralsTakeScripts() {
        #expect(
            Self.presentation("\\sum_i^n")
                == "<munderover><mo movablelimits=\"true\">\u{2211}</mo><mi>i</mi><mi>n</mi></munderover>")
        #expect(Self.presentation("\\int_0^1") == "<msubsup><mo>\u{222B}</mo><mn>0</mn><mn>1</mn></msubsup>")
    }

    @Test func functionNamesGetFunctionApplication() {
        #expect(
            Self.presentation("\\log x")
                == "<mrow><mi>log</mi><mo rspace=\"0.1667em\">&#x2061;</mo><mi>x</mi></mrow>")
        #expect(
            Self.presentation("\\log(x)")
                == "<mrow><mi>log</mi><mo>&#x2061;</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
        )
    }

    @Test func anUnknownCommandIsShownAndTheRestIsRendered() {
        #expect(
            Self.presentation("\\foo+x")
                == "<mrow><merror><mtext>\\foo</mtext></merror><mo>+</mo><mi>x</mi></mrow>")
    }

    @Test func labelsAndTagsAreNotDrawn() {
        #expect(Self.presentation("x \\label{eq:x} \\tag{4}") == "<mi>x</mi>")
    }

    @Test func referencesAskTheResolverForNumberAndAnchor() {
        let writer = MathMLWriter { label in
            label == "eq:grad" ? EquationReference(number: "7", anchor: "grad-7") : nil
        }
        #expect(
            Self.presentation("\\eqref{eq:grad}", writer: writer)
                == "<mtext><a href=\"#grad-7\">(7)</a></mtext>")
        #expect(Self.presentation("\\ref{eq:grad}", writer: writer) == "<mtext><a href=\"#grad-7\">7</a></mtext>")
    }

    @Test func anUnresolvedReferenceShowsQuestionMarksAndIsReported() {
        let parsed = TeXParser.parse("\\eqref{eq:grd}")
        let rendering = Self.writer.render(parsed, display: false)
        let issues = Self.writer.unresolvedReferences(in: parsed)
        #expect(rendering.markup.contains("<mtext>(??)</mtext>"))
        #expect(issues.map(\.code) == [.unresolvedReference])
        #expect(issues.first?.message == "no equation is labelled 'eq:grd'")
        #expect(issues.first?.help == "did you mean 'eq:grad'?")
        #expect(issues.first?.range == SourceRange(0, 14))
    }

    @Test func textAndAttributesAreEscaped() {
        let markup = Self.writer.render(TeXParser.parse("a<b \\text{\"&\"}"), display: false).markup
        #expect(markup.contains("<mo>&lt;</mo>"))
        #expect(markup.contains("<mtext>&quot;&amp;&quot;</mtext>"))
        #expect(
            markup.contains("<annotation encoding=\"application/x-tex\">a&lt;b \\text{&quot;&amp;&quot;}</annotation>"))
    }

    @Test(arguments: [
        (3, "0.1667em"), (-3, "-0.1667em"), (4, "0.2222em"), (5, "0.2778em"), (18, "1em"), (9, "0.5em"), (0, "0em"),
    ])
    func spacesAreWrittenInEm(mu: Int, width: String) {
        #expect(MathMLWalker.em(mu: mu) == width)
    }
}
