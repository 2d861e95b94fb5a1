import Diagnostics
import TeX
import Testing

@testable import Checks
@testable import Setup

/// Definitions for the reader: the seed notebook's names.
struct FixedNames: CheckNames {
    var kinds: [String: CheckNameKind] = [
        "X": .value, "y": .value, "θ": .value, "λ": .value, "K": .value, "α": .value, "ℓ": .value,
        "D": .family(arity: 1), "k": .function, "x": .value, "M": .value, "A": .value, "ℓℓ": .value,
        "K_y": .value, "σ_f": .value, "f̂": .value, "Ψ": .value, "W": .value,
    ]

    func checkKind(of name: String) -> CheckNameKind? { kinds[name] }
    var checkNames: [String] { kinds.keys.sorted() }
}

/// The sides of each equation as the reader reads them, and the messages of its diagnostics.
func read(_ tex: String, names: FixedNames = FixedNames()) -> (sides: [[String]], messages: [String], groupings: Int) {
    var reader = EquationReader(names: names)
    let equations = reader.read(TeXParser.parse(tex))
    return (equations.map { $0.sides.map(\.description) }, reader.diagnostics.map(\.message), reader.groupings.count)
}

@Suite struct EquationReaderTests {
    @Test func theMatrixFormOfTheLengthScaleDerivativeReadsAsWritten() {
        let result = read(#"\frac{\partial K}{\partial \lambda_i} = \frac{1}{\lambda_i^3}\, D_i \circ K"#)
        #expect(result.sides == [["∂K/∂λ_i", "(1 / (λ_{i} ^ 3)) · (D[i] ∘ K)"]])
        #expect(result.messages == [])
    }

    @Test func everyEqualsOfAChainIsASide() {
        let result = read(
            #"\frac{\partial K}{\partial \theta_i} = \lambda_i \frac{\partial K}{\partial \lambda_i} = \frac{\partial K}{\partial \ln \lambda_i} = \frac{1}{\lambda_i^2}\, D_i \circ K"#
        )
        #expect(result.sides == [["∂K/∂θ_i", "λ_{i} · ∂K/∂λ_i", "∂K/∂ln λ_i", "(1 / (λ_{i} ^ 2)) · (D[i] ∘ K)"]])
    }

    @Test func anOperatorTakesItsParenthesisedGroup() {
        let right = read(
            #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right)"#
        )
        #expect(right.sides == [["∂ℓ/∂θ_i", "(1 / 2) · tr(((α · αᵀ) − K⁻¹) · ∂K/∂θ_i)"]])
        // The misplaced parenthesis of the original comment: tr takes only its group.
        let misplaced = read(
            #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}(\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}"#
        )
        #expect(misplaced.sides == [["∂ℓ/∂θ_i", "((1 / 2) · tr((α · αᵀ) − K⁻¹)) · ∂K/∂θ_i"]])
    }

    @Test func anOperatorWithoutParenthesesTakesTheNextFactor() {
        #expect(
            read(#"\log|K| = \log\det K = \operatorname{tr} K \lambda_1"#).sides == [
                ["log det(K)", "log det(K)", "tr(K) · λ_{1}"]
            ])
    }

    @Test func theThreeSpellingsOfADerivativeAgree() {
        let result = read(
            #"\frac{\partial K}{\partial \lambda_i} = \frac{\partial}{\partial \lambda_i} K = \partial K / \partial \lambda_i"#
        )
        #expect(result.sides == [["∂K/∂λ_i", "∂K/∂λ_i", "∂K/∂λ_i"]])
        #expect(
            read(
                #"\frac{\partial}{\partial \theta_i}\left(\tfrac12 \ell\right) = \partial \ell/\partial \ln \lambda_i"#
            ).sides == [["∂((1 / 2) · ℓ)/∂θ_i", "∂ℓ/∂ln λ_i"]])
    }

    @Test func functionsOfTheNotebookAreCalled() {
        let result = read(
            #"\frac{\partial k(x, y)}{\partial \lambda_i} = \frac{1}{\lambda_i^3} (x_i - y_i)^2 \, k(x, y)"#)
        #expect(result.sides == [["∂k(x, y)/∂λ_i", "((1 / (λ_{i} ^ 3)) · ((x_{i} − y_{i}) ^ 2)) · k(x, y)"]])
    }

    @Test func elementwiseProductsBindTighterThanJuxtaposition() {
        let result = read(#"A = (\alpha\alpha^\top - K^{-1}) \lambda_i^{-2} D_i * K"#)
        #expect(result.sides == [["A", "(((α · αᵀ) − K⁻¹) · (λ_{i} ^ (−2))) · (D[i] ∘ K)"]])
        #expect(result.groupings == 1)
        #expect(read("A = K \\circ K").groupings == 0)
    }

    @Test func definedMultiLetterNamesWinOverProducts() {
        #expect(
            read(#"\ell\ell = K_y = \sigma_f = \hat{f} = \mathbf{y}^\top \boldsymbol\alpha"#).sides == [
                ["ℓℓ", "K_y", "σ_f", "f̂", "yᵀ · α"]
            ])
    }

    @Test func aRunOfTypedLettersReadAsAProductIsAWarning() {
        let result = read("A = yK")
        #expect(result.sides == [["A", "y · K"]])
        #expect(result.messages == ["letters 'yK' read as a product y·K"])
        #expect(read(#"A = \alpha\alpha^\top"#).messages == [])
    }

    @Test func subscriptsAreEntriesFamiliesAndFreeIndices() {
        #expect(
            read("K_{ab} = X_{a,2} = D_{i,ab} = M_{ii}").sides == [["K_{a,b}", "X_{a,2}", "D[i]_{a,b}", "M_{i,i}"]])
    }

    @Test func superscriptsAreTransposesInversesAndPowers() {
        #expect(
            read(#"A = (x - y)^\top M (x - y) = \operatorname{diag}(\lambda)^{-2} = K^T = e^{\lambda_1}"#).sides == [
                ["A", "((x − y)ᵀ · M) · (x − y)", "diag(λ) ^ (−2)", "Kᵀ", "2.718281828459045 ^ λ_{1}"]
            ])
    }

    @Test func sumsTakeTheRestOfTheTerm() {
        #expect(
            read(#"A = \sum_{j=1}^{3} \lambda_j^2 D_j + 1"#).sides == [["A", "(Σ_{j=1}^{3} ((λ_{j} ^ 2) · D[j])) + 1"]])
    }

    @Test func alignedRowsContinueAChain() {
        let tex = "\\begin{aligned} A &= K \\\\ &= \\lambda_1 K \\\\ M &= K \\end{aligned}"
        #expect(read(tex).sides == [["A", "K", "λ_{1} · K"], ["M", "K"]])
    }

    @Test func evaluatedAtHoldsTheNamedValuesFixed() {
        #expect(
            read(
                #"A = \left.\frac{\partial \Psi}{\partial \theta_1}\right|_{\hat f} = \frac{\partial \Psi}{\partial \theta_1}\Big|_{f = \hat f}"#
            ).sides == [["A", "∂Ψ/∂θ_1 |f̂", "∂Ψ/∂θ_1 |f̂"]])
    }

    @Test func anEvaluatedAtSideSpansItsBar() {
        let bar = #"\frac{\partial \Psi}{\partial \theta_1}\Big|_{\hat f} = A"#
        let fence = #"\left.\frac{\partial \Psi}{\partial \theta_1}\right|_{\hat f} = A"#
        for tex in [bar, fence] {
            var reader = EquationReader(names: FixedNames())
            let range = reader.read(TeXParser.parse(tex)).first?.sides.first?.range
            let text = range.map { String(decoding: Array(tex.utf8)[$0.lowerBound..<$0.upperBound], as: UTF8.self) }
            #expect(text == String(tex.dropLast(4)))
        }
    }

    @Test func mistakesGetOneDiagnosticEach() {
        #expect(read("A = lamda").messages == ["unknown name 'lamda'"])
        #expect(read(#"A = \lambda_0"#).messages == ["index 0 is out of range: indices start at 1"])
        #expect(read(#"A \le K"#).messages == ["only '=' can be checked, not '≤'"])
        #expect(
            read(#"A = \frac{\partial^2 K}{\partial \lambda_1^2}"#).messages == [
                "second derivatives cannot be checked yet"
            ])
        #expect(
            read(#"A = \frac{\partial K}{\partial D_1}"#).messages == [
                "'D' is not a value, so nothing can be differentiated with respect to it"
            ])
        #expect(read("A = (K").messages == ["unmatched '('"])
        #expect(read("A").messages == ["a checked equation needs an '='"])
        #expect(read(#"A = \text{hello}"#).messages == ["text 'hello' cannot be computed"])
        #expect(read("A = D").messages == ["'D' is an indexed family and needs its index"])
        #expect(
            read(#"A = \frac{\partial K}{\partial \lambda_{ab}}"#).messages == [
                "derivatives are taken with respect to scalars and vector components, not matrix entries"
            ])
    }

    @Test func anUnknownNameSuggestsTheNearestDefinition() {
        var reader = EquationReader(names: FixedNames())
        _ = reader.read(TeXParser.parse("A = K_{yx} + 1"))
        _ = reader.read(TeXParser.parse("A = lamda"))
        _ = reader.read(TeXParser.parse(#"A = \Psl"#))
        #expect(
            reader.diagnostics.map(\.help) == [
                "use a letter the notebook does not define for an index", "did you mean '\\lambda'?", nil,
            ])
    }
}
