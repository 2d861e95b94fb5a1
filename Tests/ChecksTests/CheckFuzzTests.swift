import Diagnostics
import Foundation
import TeX
import TestSupport
import Testing

@testable import Checks
@testable import Setup

/// Randomly mutated checked equations, read and judged without a crash: every problem is a
/// diagnostic with a range inside the equation. Seeded, so a failure repeats;
/// `DERIVE_FUZZ_CASES` runs more.
@Suite struct CheckFuzzTests {
    static let setup = """
        let X = randn(6, 2, seed: 5)
        let y = sin(X[:, 1])
        param θ = log([0.8, 1.5])
        let λ = exp(θ)
        let D[i] = sqdist(X[:, i])
        let K = rbf(X, lengthScale: λ) + 1e-8 * I
        let α = K \\ y
        let ℓ = -0.5 * y' * α - 0.5 * logdet(K)
        let k(u, v) = exp(-0.5 * sum((u - v).^2 ./ λ.^2))
        let x = X[1, :]'
        let z = X[2, :]'
        """

    static let equations = [
        #"\frac{\partial K}{\partial \theta_i} = \lambda_i \frac{\partial K}{\partial \lambda_i} = \frac{1}{\lambda_i^2}\, D_i \circ K"#,
        #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right)"#,
        #"\frac{\partial k(x, z)}{\partial \lambda_i} = \frac{1}{\lambda_i^3} (x_i - z_i)^2 \, k(x, z)"#,
        #"\frac{\partial K_{ab}}{\partial \lambda_i} = \frac{1}{\lambda_i^3} (X_{ai} - X_{bi})^2 K_{ab} + \sum_{j=1}^{2} 0 \cdot \lambda_j"#,
        #"\log|K| = \log\det K, \quad \left.\frac{\partial \ell}{\partial \theta_1}\right|_{\alpha} = \partial \ell / \partial \ln \lambda_1"#,
    ]

    @Test func mutatedEquationsNeverCrashTheReaderOrTheJudge() {
        let cases = Int(ProcessInfo.processInfo.environment["DERIVE_FUZZ_CASES"] ?? "") ?? 400
        let file = SourceFile(path: "f.md", text: Self.setup)
        let evaluation = NotebookEvaluation(blocks: [SourceFragment(text: Self.setup, file: file, fileOffset: 0)])
        #expect(evaluation.diagnostics.isEmpty)
        let runner = CheckRunner(evaluation: evaluation)
        var random = SplitMix64(seed: 2026)
        let alphabet = Array(#"\{}()[]^_=+-*/|&.,0123456789abiKλθαIDXyx \"#)
        for number in 0..<cases {
            var tex = Array(Self.equations[random.below(Self.equations.count)])
            for _ in 0..<(1 + random.below(6)) {
                let at = random.below(tex.count)
                switch random.below(3) {
                case 0 where !tex.isEmpty: tex.remove(at: at)
                case 1: tex.insert(alphabet[random.below(alphabet.count)], at: at)
                default: if !tex.isEmpty { tex[at] = alphabet[random.below(alphabet.count)] }
                }
            }
            let text = String(tex)
            let fragment = SourceFragment(text: text, file: SourceFile(path: "c.md", text: text), fileOffset: 0)
            let reading = CheckCellReading(
                cell: 0, fragment: fragment, parsed: TeXParser.parse(text), names: evaluation.definitions)
            let (_, diagnostics) = runner.run(reading.checks)
            for diagnostic in reading.diagnostics + diagnostics {
                let range = diagnostic.range ?? SourceRange(0, 0)
                #expect(range.lowerBound >= 0 && range.upperBound <= text.utf8.count, "case \(number): \(text)")
            }
        }
    }
}
