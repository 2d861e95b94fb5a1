import Diagnostics
import Foundation
import Testing

@testable import TeX

@Suite("TeXParser")
struct TeXParserTests {
    /// The single node of a one-atom formula.
    static func only(_ tex: String) -> TeXNode? {
        guard case .row(let nodes) = TeXParser.parse(tex).root.kind, nodes.count == 1 else { return nil }
        return nodes[0]
    }

    /// The top-level nodes of a formula.
    static func nodes(_ tex: String) -> [TeXNode] {
        guard case .row(let nodes) = TeXParser.parse(tex).root.kind else { return [] }
        return nodes
    }

    @Test func treesMatchTheirGoldenDumps() throws {
        try GoldenTable.check("trees.golden") { TeXParser.parse($0.input).dump().trimmingCharacters(in: .newlines) }
    }

    @Test func scriptsAttachToTheirBase() throws {
        let node = try #require(Self.only("x_i^2"))
        guard case .scripts(let scripts) = node.kind else { Issue.record("not scripts: \(node.kind)"); return }
        #expect(scripts.base?.kind == .symbol(TeXSymbol("x", source: "x", kind: .letter)))
        #expect(scripts.sub?.kind == .symbol(TeXSymbol("i", source: "i", kind: .letter)))
        #expect(scripts.sup?.kind == .symbol(TeXSymbol("2", source: "2", kind: .number)))
        #expect(scripts.primes == 0)
        #expect(node.range == SourceRange(0, 5))
    }

    @Test func primesAreCountedBesideTheSuperscript() throws {
        let node = try #require(Self.only("f''^2"))
        guard case .scripts(let scripts) = node.kind else { Issue.record("not scripts"); return }
        #expect(scripts.primes == 2)
        #expect(scripts.sup?.kind == .symbol(TeXSymbol("2", source: "2", kind: .number)))
    }

    @Test func aSuperscriptOfPrimesCountsAsPrimes() throws {
        for tex in ["f^\\prime", "f^{\\prime\\prime}", "f'^{\\prime}"] {
            guard case .scripts(let scripts)? = Self.only(tex)?.kind else {
                Issue.record("\(tex): not scripts"); continue
            }
            #expect(scripts.sup == nil, "\(tex)")
            #expect(scripts.primes == (tex == "f^\\prime" ? 1 : 2), "\(tex)")
        }
    }

    @Test func fractionsTakeDigitsWithoutBraces() throws {
        let node = try #require(Self.only("\\tfrac12"))
        guard case .fraction(let fraction) = node.kind else { Issue.record("not a fraction"); return }
        #expect(fraction.command == .tfrac)
        #expect(fraction.command.style == .text)
        #expect(fraction.numerator.kind == .symbol(TeXSymbol("1", source: "1", kind: .number)))
        #expect(fraction.denominator.kind == .symbol(TeXSymbol("2", source: "2", kind: .number)))
    }

    @Test func numbersTakeOneDecimalPointFollowedByADigit() {
        #expect(Self.nodes("3.14").map(\.kind) == [.symbol(TeXSymbol("3.14", source: "3.14", kind: .number))])
        #expect(
            Self.nodes("2.").map(\.kind) == [
                .symbol(TeXSymbol("2", source: "2", kind: .number)),
                .symbol(TeXSymbol(".", source: ".", kind: .ordinary)),
            ])
    }

    @Test(arguments: [
        ("x", SymbolKind.letter), ("\\ell", .letter), ("\\alpha", .greek), ("λ", .greek), ("7", .number),
        ("+", .binary), ("\\circ", .binary), ("*", .binary), ("=", .relation), ("\\to", .relation),
        ("\\mid", .relation), ("\\sum", .largeOperator), ("\\int", .largeOperator), (",", .punctuation),
        ("(", .open), ("\\langle", .open), ("\\rVert", .close), ("|", .fence), ("\\|", .fence),
        ("\\partial", .ordinary), ("\\top", .ordinary), ("/", .ordinary),
    ])
    func symbolsAreClassified(tex: String, kind: SymbolKind) throws {
        let node = try #require(Self.only(tex))
        guard case .symbol(let symbol) = node.kind else { Issue.record("\(tex) is not a symbol"); return }
        #expect(symbol.kind == kind)
    }

    @Test func greekCommandsStandForTheirLetters() throws {
        let node = try #require(Self.only("\\lambda"))
        #expect(node.kind == .symbol(TeXSymbol("λ", source: "\\lambda", kind: .greek)))
    }

    @Test func rangesAreUTF8OffsetsIntoTheSource() {
        // λ is two bytes in UTF-8, so the subscript starts at byte 3.
        guard case .scripts(let scripts) = Self.only("λ_i")?.kind else { Issue.record("not scripts"); return }
        #expect(scripts.base?.range == SourceRange(0, 2))
        #expect(scripts.sub?.range == SourceRange(3, 4))
    }

    @Test func nodesFromAMacroCarryTheInvocationRange() {
        let tex = "\\newcommand{\\R}{\\mathbb{R}} \\R"
        let nodes = Self.nodes(tex)
        #expect(nodes.count == 1)
        #expect(nodes.first?.range == SourceRange(28, 30))
        guard case .font(.doubleStruck, let inner) = nodes.first?.kind else { Issue.record("not a font"); return }
        #expect(inner.range == SourceRange(28, 30))
    }

    @Test func macroArgumentsKeepTheirOwnRanges() {
        let tex = "\\newcommand{\\sq}[1]{#1^2} \\sq{y}"
        guard case .scripts(let scripts) = Self.nodes(tex).first?.kind else { Issue.record("not scripts"); return }
        #expect(scripts.base?.range == SourceRange(30, 31))  // the `y` in `\sq{y}`
        #expect(scripts.sup?.range == SourceRange(26, 32))  // the `2` came from the body
    }

    @Test func fencesKeepTheirDelimitersAndMiddles() throws {
        let node = try #require(Self.only("\\left( a \\middle| b \\right)"))
        guard case .fenced(let fenced) = node.kind, case .row(let body) = fenced.body.kind else {
            Issue.record("not fenced")
            return
        }
        #expect(fenced.open.symbol?.text == "(")
        #expect(fenced.close.symbol?.text == ")")
        #expect(body.count == 3)
        guard case .delimiter(let middle) = body[1].kind else { Issue.record("no middle"); return }
        #expect(middle.role == .middle)
        #expect(middle.symbol?.text == "|")
    }

    @Test func operatorNamesKeepTheirTextAndLimits() throws {
        let star = try #require(Self.nodes("\\operatorname*{arg\\,max}_\\theta").first)
        guard case .scripts(let scripts) = star.kind, case .operatorName(let name)? = scripts.base?.kind else {
            Issue.record("not an operator with scripts")
            return
        }
        #expect(name == OperatorName(name: "arg\u{2009}max", limits: true, source: "\\operatorname"))
        let plain = try #require(Self.only("\\operatorname{tr}"))
        #expect(plain.kind == .operatorName(OperatorName(name: "tr", limits: false, source: "\\operatorname")))
    }

    @Test func environmentsHaveRowsOfCells() throws {
        let node = try #require(Self.only("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}"))
        guard case .environment(let environment) = node.kind else { Issue.record("not an environment"); return }
        #expect(environment.kind == .pmatrix)
        #expect(environment.rows.count == 2)
        #expect(environment.rows.map(\.count) == [2, 2])
        guard case .row(let cell) = environment.rows[1][0].kind else { Issue.record("cell is not a row"); return }
        #expect(cell.map(\.kind) == [.symbol(TeXSymbol("c", source: "c", kind: .letter))])
    }

    @Test func labelAndTagAreRecordedOnTheResult() {
        let result = TeXParser.parse("E = mc^2 \\label{eq:e} \\tag{5.9}")
        #expect(result.label == "eq:e")
        #expect(result.tag?.text == "5.9")
        #expect(result.tag?.display == "(5.9)")
        #expect(result.isNumberingSuppressed == false)
        #expect(result.issues.isEmpty)
    }

    @Test func labelsInAnAlignmentKnowTheirRow() {
        let result = TeXParser.parse("\\begin{align} a &= b \\\\ c &= d \\label{second} \\end{align}")
        #expect(result.labels.map(\.name) == ["second"])
        #expect(result.labels.map(\.row) == [1])
    }

    @Test(arguments: [
        ("a = b \\notag", true), ("a = b \\nonumber", true), ("\\begin{align*} a &= b \\end{align*}", true),
        ("\\begin{align} a &= b \\notag \\\\ c &= d \\end{align}", false),
        ("\\begin{align} a &= b \\notag \\\\ c &= d \\notag \\end{align}", true), ("a = b", false),
    ])
    func numberingIsSuppressedByNotagOrAStar(tex: String, suppressed: Bool) {
        #expect(TeXParser.parse(tex).isNumberingSuppressed == suppressed)
    }

    @Test func lineBreaksAtTheTopMakeAnImplicitEnvironment() throws {
        let aligned = try #require(Self.only("a &= b \\\\ &= c"))
        guard case .environment(let environment) = aligned.kind else { Issue.record("not an environment"); return }
        #expect(environment.kind == .aligned)
        #expect(environment.rows.map(\.count) == [2, 2])
        guard case .environment(let gathered)? = Self.only("a \\\\ b")?.kind else {
            Issue.record("not gathered"); return
        }
        #expect(gathered.kind == .gathered)
    }

    @Test func textKeepsItsSpacesAndResolvesEscapes() throws {
        let node = try #require(Self.only("\\text{ if 50\\% }"))
        #expect(node.kind == .text(TextRun(" if 50% ")))
    }

    @Test func anUnknownCommandBecomesAnErrorNodeAndParsingGoesOn() {
        let result = TeXParser.parse("\\foo + x")
        guard case .row(let nodes) = result.root.kind else { Issue.record("root is not a row"); return }
        #expect(nodes.count == 3)
        #expect(nodes.first?.kind == .error("\\foo"))
        #expect(result.issues.map(\.code) == [.unknownCommand])
    }

    @Test func childrenListEveryDirectSubnode() throws {
        let node = try #require(Self.only("\\frac{a}{b}"))
        #expect(node.children.map(\.range) == [SourceRange(5, 8), SourceRange(8, 11)])
    }
}
