import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import TeX

/// Seeded mutations of the corpus: whatever the input, the parser and the writer finish,
/// every range lies inside the source, and the MathML is well-formed.
extension TeXParserTests {
    /// The tests' seeded generator.
    typealias SeededGenerator = SplitMix64

    /// Pieces that TeX treats specially, spliced into the inputs.
    static let pieces = [
        "{", "}", "\\", "^", "_", "&", "\\\\", "#1", "%", "[", "]", "\\left(", "\\right)", "\\middle|",
        "\\begin{aligned}", "\\end{aligned}", "\\frac", "\\sqrt[", "\\def\\a{\\a}", "\\newcommand{\\x}[2]{#1#2}",
        "\\x", "\\text{", "\\operatorname*", "'", "~", "λ", "\u{301}", "\\label{a}", "\\eqref{a}", "\\color{red}",
    ]

    static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = Int.random(in: 0...scalars.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where !scalars.isEmpty:
                scalars.remove(at: min(position, scalars.count - 1))
            case 1:
                let piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                scalars.insert(contentsOf: piece.unicodeScalars, at: position)
            default:
                let end = min(scalars.count, position + Int.random(in: 1...8, using: &generator))
                scalars.insert(contentsOf: scalars[position..<end], at: position)
            }
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    @Test func mutatedCorpusInputsParseAndRenderSafely() throws {
        let table = try GoldenTable(contentsOf: GoldenTable.fixture("mathml.golden"))
        var generator = SeededGenerator(seed: 20_260_502)
        var checked = 0
        for entry in table.cases {
            var macros = MacroTable()
            for _ in 0..<8 {
                let tex = Self.mutate(entry.input, using: &generator)
                let length = tex.utf8.count
                let result = TeXParser.parse(tex, macros: &macros)
                let writer = MathMLWriter()
                let rendering = writer.render(result, display: entry.isDisplay)
                for issue in result.issues + writer.unresolvedReferences(in: result) {
                    #expect(
                        0 <= issue.range.lowerBound && issue.range.upperBound <= length,
                        "issue \(issue.range) outside \(length) bytes of \(tex.debugDescription)")
                }
                var stack = [result.root]
                while let node = stack.popLast() {
                    #expect(
                        0 <= node.range.lowerBound && node.range.upperBound <= length,
                        "node \(node.range) outside \(length) bytes of \(tex.debugDescription)")
                    stack += node.children
                }
                let xml = XMLElements(rendering.markup)
                #expect(xml.error == nil, "\(tex.debugDescription): \(xml.error ?? "")")
                checked += 1
            }
        }
        #expect(checked == table.cases.count * 8)
    }
}
