import Diagnostics
import Foundation
import Setup
import TestSupport
import Testing

/// Thousands of randomly mutated blocks, from a fixed seed: the parser never crashes, every
/// range it returns lies inside the text, no tree is deeper than the limit, and parsing is
/// deterministic. `DERIVE_FUZZ_CASES=100000` runs a longer campaign, `DERIVE_FUZZ_SEED=n`
/// another one.
@Suite struct SetupParserFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["DERIVE_FUZZ_CASES"].flatMap(Int.init) ?? 3000
    static let seed = environment["DERIVE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_0004

    /// Fragments that the mutations insert: the language's tokens and its near misses.
    static let snippets = [
        "(", ")", "[", "]", ",", ";", ":", "'", "\"", "\n", "let ", "param ", "->", "^", ".^", ".*", "./", "**",
        "==", "=", "λ", "lambda", "2π", "end", "//", "//| echo: false\n", "#", "−", "₀", "²", "\r\n", "{", " ",
        "1e", "1e999", ".", "_", "\\", "x", "1", "-", "+", "*", "/", "f(", "X[", "seed: ", "\t", "é", "\u{302}",
    ]

    @Test func mutatedBlocksParseWithValidRanges() throws {
        let corpus = try Self.corpus()
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<Self.cases {
            var scalars = Array(corpus[random.below(corpus.count)].unicodeScalars)
            for _ in 0...random.below(4) { mutate(&scalars, &random) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let text = String(view)
            let (block, diagnostics) = SetupParser.parse(text)
            let length = text.utf8.count
            let inside = { (range: SourceRange?) in range.map { 0 <= $0.lowerBound && $0.upperBound <= length } ?? false
            }
            for diagnostic in diagnostics {
                #expect(inside(diagnostic.range), "\(diagnostic.message) in \(text.debugDescription)")
                for note in diagnostic.notes {
                    #expect(inside(note.range), "\(note.message) in \(text.debugDescription)")
                }
            }
            for definition in block.definitions {
                #expect(inside(definition.range) && inside(definition.name.range), "\(text.debugDescription)")
                #expect(checkTree(definition.body, length: length), "\(text.debugDescription)")
            }
            #expect(SetupParser.parse(text) == (block, diagnostics))
            let file = SourceFile(path: "fuzz.gp", text: text)
            let rendered = DiagnosticRenderer().render(
                diagnostics.map { $0.located(in: SourceFragment(text: text, file: file, fileOffset: 0)) })
            #expect(rendered.isEmpty == diagnostics.isEmpty)
        }
    }

    /// Whether every node lies inside the text and inside its parent, and the tree is no
    /// deeper than the limit.
    func checkTree(_ expression: SetupExpression, length: Int) -> Bool {
        guard expression.height <= SetupParser.maxDepth, expression.range.upperBound <= length else { return false }
        return expression.children.allSatisfy { child in
            expression.range.lowerBound <= child.range.lowerBound
                && child.range.upperBound <= expression.range.upperBound
                && checkTree(child, length: length)
        }
    }

    /// Deletes, inserts, duplicates or swaps a few scalars.
    func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SplitMix64) {
        let position = random.below(scalars.count + 1)
        switch random.below(4) {
        case 0 where !scalars.isEmpty:
            let end = min(scalars.count, position + 1 + random.below(8))
            scalars.removeSubrange(min(position, end)..<end)
        case 1 where !scalars.isEmpty:
            let start = random.below(scalars.count)
            let end = min(scalars.count, start + 1 + random.below(16))
            scalars.insert(contentsOf: scalars[start..<end], at: position)
        case 2 where scalars.count >= 2:
            let other = random.below(scalars.count)
            scalars.swapAt(min(position, scalars.count - 1), other)
        default:
            scalars.insert(contentsOf: Self.snippets[random.below(Self.snippets.count)].unicodeScalars, at: position)
        }
    }

    /// Every `.gp` fixture.
    static func corpus() throws -> [String] {
        let folder = golden.fixtures.appendingPathComponent("syntax")
        return try golden.inputs(in: "syntax", extension: "gp").map {
            try String(contentsOf: folder.appendingPathComponent($0 + ".gp"), encoding: .utf8)
        }
    }
}
