import Diagnostics
import Numerics
import TeX
import TestSupport
import Testing

@testable import Checks
@testable import Setup

/// The seed derivation's setup (`seedSetup`) with two points and the kernel as a function.
let checkSeedSetup =
    seedSetup + """

        let x = X[3, :]'
        let z = X[7, :]'
        let k(u, v) = exp(-0.5 * sum((u - v).^2 ./ λ.^2))
        """

/// Runs one check block against a setup block.
func check(_ tex: String, setup: String = checkSeedSetup) -> (results: [CheckResult], messages: [String]) {
    let text = "```gp\n\(setup)\n```\n\n```math check\n\(tex)\n```\n"
    let file = SourceFile(path: "t.md", text: text)
    let setupStart = 6
    let setupFragment = SourceFragment(text: setup, file: file, fileOffset: setupStart)
    let checkStart = text.utf8.count - tex.utf8.count - 5
    let checkFragment = SourceFragment(text: tex, file: file, fileOffset: checkStart)
    let evaluation = NotebookEvaluation(blocks: [setupFragment])
    let reading = CheckCellReading(
        cell: 1, fragment: checkFragment, parsed: TeXParser.parse(tex), names: evaluation.definitions)
    let (results, diagnostics) = CheckRunner(evaluation: evaluation).run(reading.checks)
    return (results, (evaluation.diagnostics + reading.diagnostics + diagnostics).map(\.message))
}

@Suite struct CheckRunnerTests {
    @Test func theSeedDerivationPassesEveryStepForEveryIndex() {
        // Each equation with the number of '='s it holds: every one is a check.
        let cases = [
            (#"\frac{\partial K}{\partial \lambda_i} = \frac{1}{\lambda_i^3}\, D_i \circ K"#, 1),
            (
                #"\frac{\partial K}{\partial \theta_i} = \lambda_i \frac{\partial K}{\partial \lambda_i} = \frac{\partial K}{\partial \ln \lambda_i} = \frac{1}{\lambda_i^2}\, D_i \circ K"#,
                3
            ),
            (
                #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right) = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{1}{\lambda_i^2} (D_i \circ K)\right)"#,
                2
            ),
            (#"\frac{\partial k(x, z)}{\partial \lambda_i} = \frac{1}{\lambda_i^3} (x_i - z_i)^2 \, k(x, z)"#, 1),
        ]
        for (tex, equalities) in cases {
            let (results, messages) = check(tex)
            #expect(messages == [], "\(tex)")
            #expect(results.count == equalities, "\(tex)")
            for result in results {
                #expect(
                    result.verdict == .pass,
                    "\(result.leftTeX) = \(result.rightTeX): \(result.judgement.rows.map(\.reason))")
                #expect(result.judgement.rows.count == 3)
                #expect(result.rowIndices == [IndexRange(name: "i", upper: 3)])
            }
        }
    }
}

@Suite struct CheckRunnerSlipTests {
    /// The verdict and hint kinds of the one check in `tex`.
    func outcome(_ tex: String) -> (Verdict?, [Hint.Kind], [String]) {
        let (results, messages) = check(tex)
        return (results.last?.verdict, results.last?.judgement.hints.map(\.kind) ?? [], messages)
    }

    @Test func thePullRequestsPowerFailsAsADerivativeWithRespectToLambda() {
        let (verdict, hints, messages) = outcome(
            #"\frac{\partial K}{\partial \theta_i} = \frac{1}{\lambda_i^3}\, D_i \circ K"#)
        #expect(messages == [])
        #expect(verdict == .fail)
        #expect(hints == [.parameterInsteadOfLogarithm])
    }

    @Test func aLostHalfAndAFlippedSignFailWithTheirHints() {
        let half = outcome(
            #"\frac{\partial \ell}{\partial \theta_i} = \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right)"#
        )
        #expect(half.0 == .fail)
        #expect(half.1 == [.constantFactor(2)])
        let sign = outcome(#"\frac{\partial K}{\partial \theta_i} = -\frac{1}{\lambda_i^2}\, D_i \circ K"#)
        #expect(sign.0 == .fail)
        #expect(sign.1 == [.signFlip])
    }

    @Test func theMisplacedParenthesisIsAShapeMismatch() {
        let (results, messages) = check(
            #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}(\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}"#
        )
        #expect(results.map(\.status) == [.notRun])
        #expect(results.first?.notRun?.reason == "left side is a scalar, right side is a 25×25 matrix")
        #expect(messages == ["left side is a scalar, right side is a 25×25 matrix"])
    }

    @Test func aDerivativeOfSomethingIndependentIsAnError() {
        let (_, messages) = check(#"\frac{\partial X}{\partial \lambda_1} = 0"#)
        #expect(messages == ["'X' does not depend on 'λ': λ is not used in its definition"])
    }
}

@Suite struct HandWrittenKernelSlipTests {
    @Test func aLengthScaleUsedAsAPrecisionFailsWithThePowerHint() {
        // M = diag(λ²) where diag(λ)⁻² was meant: the kernel is exp(−½ Σ λᵢ² (uᵢ − vᵢ)²).
        let setup =
            checkSeedSetup + """

                let M = diag(λ.^2)
                let kw(p, q) = exp(-0.5 * (p - q)' * M * (p - q))
                """
        let (results, messages) = check(
            #"\frac{\partial kw(x, z)}{\partial \lambda_i} = \frac{1}{\lambda_i^3} (x_i - z_i)^2 \, kw(x, z)"#,
            setup: setup)
        #expect(messages == [])
        #expect(results.first?.verdict == .fail)
        #expect(results.first?.judgement.hints.map(\.kind) == [.powerOfParameter(power: -4, factor: -1)])
    }
}

@Suite struct IdentityInChecksTests {
    @Test func anUndefinedIIsTheIdentitySizedByWhatItMeets() {
        let setup = checkSeedSetup + "\nlet σ = 0.3\nlet K_y = K + σ^2 * I\n"
        let (results, messages) = check(#"K_y = K + \sigma^2 I = (K^{-1})^{-1} + \sigma^2 I"#, setup: setup)
        #expect(messages == [])
        #expect(results.map(\.verdict) == [.pass, .pass])
        #expect(read(#"A = (K + \lambda_1^2 I)^{-1}"#).sides == [["A", "(K + ((λ_{1} ^ 2) · I))⁻¹"]])
    }
}

@Suite struct ShapePolicyInChecksTests {
    @Test func aScalarAddedToAMatrixIsAShapeErrorWhoseHelpSaysTimesTheIdentity() throws {
        let setup = checkSeedSetup + "\nlet s = 0.3\nlet K_s = K + s\n"
        let text = "```gp\n\(setup)\n```\n\n```math check\nK_s = K + s\n```\n"
        let file = SourceFile(path: "t.md", text: text)
        let tex = "K_s = K + s"
        let evaluation = NotebookEvaluation(blocks: [SourceFragment(text: setup, file: file, fileOffset: 6)])
        // In the gp block, MATLAB's rule: the scalar is added to every entry.
        let k = try evaluation.scope.value(of: "K").matrix
        #expect(try evaluation.scope.value(of: "K_s").matrix == k.map { $0 + 0.3 })
        // In a checked equation, no implicit broadcast.
        let fragment = SourceFragment(text: tex, file: file, fileOffset: text.utf8.count - tex.utf8.count - 5)
        let reading = CheckCellReading(
            cell: 1, fragment: fragment, parsed: TeXParser.parse(tex), names: evaluation.definitions)
        let (results, diagnostics) = CheckRunner(evaluation: evaluation).run(reading.checks)
        #expect(results.map(\.status) == [.notRun])
        #expect(reading.diagnostics.isEmpty)
        #expect(diagnostics.map(\.message) == ["'+' needs two values of one shape; got a 25×25 matrix and a scalar"])
        let help = try #require(diagnostics.first?.help)
        #expect(help.hasSuffix("write s I"))
    }
}
