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
        let issues = (parsed.issues + rendering.issues).map {
            "! \($0.code.rawValue) @\($0.range.lowerBound)..\($0.range.upperBound): \($0.message)"
        }
        return ([rendering.markup] + issues).joined(separator: "\n")
    }

    @Test func corpusMatchesItsGoldenMathML() throws {
        try GoldenTable.check("mathml.golden", actual: Self.corpusOutput)
    }
}
