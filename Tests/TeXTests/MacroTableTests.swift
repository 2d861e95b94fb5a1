import Diagnostics
import Testing

@testable import TeX

@Suite("MacroTable")
struct MacroTableTests {
    /// Parses the spans of one notebook in order, threading one table through them.
    static func parseNotebook(_ spans: [String]) -> (results: [TeXParseResult], macros: MacroTable) {
        var macros = MacroTable()
        let results = spans.map { TeXParser.parse($0, macros: &macros) }
        return (results, macros)
    }

    @Test func aDefinitionHoldsForTheSpansAfterIt() {
        let (results, macros) = Self.parseNotebook(["x \\in \\R", "\\newcommand{\\R}{\\mathbb{R}}", "x \\in \\R"])
        #expect(results[0].issues.map(\.code) == [.unknownCommand])
        #expect(results[2].issues.isEmpty)
        #expect(macros.names == ["R"])
        #expect(macros.contains("R"))
        #expect(!macros.contains("S"))
    }

    @Test func parametersAndDefaultsAreRecorded() {
        let (_, macros) = Self.parseNotebook([
            "\\newcommand{\\pair}[2]{(#1,#2)} \\newcommand{\\E}[2][X]{\\mathbb{E}_{#1}#2} \\def\\sq#1{#1^2}"
        ])
        #expect(macros.parameterCount(of: "pair") == 2)
        #expect(macros.parameterCount(of: "E") == 2)
        #expect(macros.parameterCount(of: "sq") == 1)
        #expect(macros.parameterCount(of: "nope") == nil)
    }

    @Test func anOptionalArgumentReplacesTheDefault() {
        let (results, _) = Self.parseNotebook(["\\newcommand{\\E}[2][X]{#1#2}", "\\E{f}", "\\E[Y]{g}"])
        #expect(results[1].root.children.map(\.kind) == [.symbol(letter("X")), .symbol(letter("f"))])
        #expect(results[2].root.children.map(\.kind) == [.symbol(letter("Y")), .symbol(letter("g"))])
    }

    @Test func declaredOperatorsBecomeNamedOperators() {
        let (results, _) = Self.parseNotebook([
            "\\DeclareMathOperator{\\Var}{Var} \\DeclareMathOperator*{\\argmin}{arg\\,min}", "\\Var X", "\\argmin",
        ])
        #expect(
            results[1].root.children.first?.kind
                == .operatorName(OperatorName(name: "Var", limits: false, source: "\\operatorname")))
        #expect(
            results[2].root.children.first?.kind
                == .operatorName(OperatorName(name: "arg\u{2009}min", limits: true, source: "\\operatorname")))
    }

    @Test func renewcommandOverridesABuiltInAndProvidecommandDoesNot() {
        let (results, _) = Self.parseNotebook([
            "\\renewcommand{\\vec}[1]{\\mathbf{#1}} \\providecommand{\\alpha}{a} \\providecommand{\\half}{\\tfrac12}",
            "\\vec{x} \\alpha \\half",
        ])
        let kinds = results[1].root.children.map(\.kind)
        guard kinds.count == 3 else { Issue.record("expected three nodes, got \(kinds)"); return }
        if case .font(.bold, _) = kinds[0] {} else { Issue.record("\\vec is not bold: \(kinds[0])") }
        #expect(kinds[1] == .symbol(TeXSymbol("α", source: "\\alpha", kind: .greek)))
        if case .fraction = kinds[2] {} else { Issue.record("\\half is not a fraction: \(kinds[2])") }
    }

    @Test func aMacroDefinedInsideAMacroIsDefinedToo() {
        let (results, macros) = Self.parseNotebook(["\\newcommand{\\mk}{\\newcommand{\\inner}{y}}", "\\mk", "\\inner"])
        #expect(macros.contains("inner"))
        #expect(results[2].root.children.map(\.kind) == [.symbol(letter("y"))])
    }

    @Test func aBrokenDefinitionIsReportedOnce() {
        let (results, macros) = Self.parseNotebook(["\\newcommand{\\f}[1]{#2}", "\\f{a} + \\f{b}"])
        #expect(results[0].issues.map(\.code) == [.invalidMacroDefinition])
        #expect(results[1].issues.isEmpty)
        #expect(results[1].root.children.first?.kind == .error("\\f"))
        #expect(macros.contains("f"))
    }

    @Test func theExpansionLimitHoldsPerSpan() {
        let (results, _) = Self.parseNotebook(["\\def\\a{\\a}", "\\a", "\\a"])
        #expect(results[1].issues.map(\.code) == [.expansionLimit])
        #expect(results[2].issues.map(\.code) == [.expansionLimit])
    }

    private func letter(_ text: String) -> TeXSymbol { TeXSymbol(text, source: text, kind: .letter) }
}
