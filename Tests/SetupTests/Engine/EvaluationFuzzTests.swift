import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Setup

/// Thousands of randomly mutated notebooks, from a fixed seed, evaluated with small limits:
/// evaluation never crashes, every diagnostic has a position inside the notebook, and
/// perturbed views of every `param` evaluate every name without crashing either.
/// `DERIVE_FUZZ_CASES=50000` runs a longer campaign, `DERIVE_FUZZ_SEED=n` another one.
@Suite struct EvaluationFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["DERIVE_FUZZ_CASES"].flatMap(Int.init) ?? 2000
    static let seed = environment["DERIVE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_E4A1

    /// Pieces of setup code the mutations insert: names, builtins, shapes that clash.
    static let snippets = [
        "X", "K", "θ", "λ", "I", "y", "D[1]", "D[0]", "θ[4]", "[1, 2]", "[1; 2]", "[1, 2; 3, 4]", "0", "-1", "1e308",
        "end", ":", "'", " \\ ", " * ", " .* ", " ^ ", " .^ ", "-1", "inv(", "logdet(", "chol(", "det(", "sqrt(",
        "log(", "fixpoint(1, x -> x / 2)", "fixpoint(", "x -> ", "k(", "rbf(X, lengthScale: ", "matern(X, nu: ",
        "randn(3, seed: 1)", "rand(2, 2, seed: ", "csv(\"data.csv\")", "eye(2)", "zeros(", "sum(", "dim: 2",
        "kernelGradient(", "lmlGradient(K, y)", "\nlet ", "\nparam ", "\n//---\n", ")", "]", ",", "(", "[", "=",
    ]

    static let base = """
        let X = randn(6, 2, seed: 7)
        let y = sin(3 * X[:, 1])
        param θ = log([0.8, 1.5])
        let λ = exp(θ)
        let D[i] = sqdist(X[:, i])
        let K = rbf(X, lengthScale: λ) + 1e-10 * I
        let α = K \\ y
        let ℓ = -0.5 * y' * α - 0.5 * logdet(K) - 3 * log(2π)
        let k(x, z) = exp(-0.5 * sum((x - z).^2 ./ λ.^2))
        let G[j] = kernelGradient(rbf(X, lengthScale: λ), j)
        let f̂ = fixpoint(zeros(6), f -> 0.5 * f + y)
        let A = [1, 2; 3, 4]^-1 * [K[1:2, 1:2], [1, 2]; [3, 4]', 5][1:2, 1:2]
        """

    @Test func mutatedNotebooksEvaluateWithoutCrashing() throws {
        let options = EvaluationOptions(maxElements: 20_000, timeBudget: 2, fixpointLimit: 200)
        var random = SplitMix64(seed: Self.seed)
        for _ in 0..<Self.cases {
            var text = Array(Self.base.unicodeScalars)
            for _ in 0...random.below(5) { mutate(&text, &random) }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text)
            let blocks = String(view).components(separatedBy: "\n//---\n")
            let notebook = TestNotebook(blocks, path: "fuzz.md")
            let evaluation = notebook.evaluate(options)
            let length = notebook.file.text.utf8.count
            for diagnostic in evaluation.diagnostics {
                let inside = diagnostic.range.map { $0.lowerBound >= 0 && $0.upperBound <= length } ?? false
                #expect(inside, "\(diagnostic.message) in \(blocks)")
                #expect(!diagnostic.message.isEmpty)
            }
            let scope = evaluation.scope
            for name in evaluation.definitions.names where evaluation.definitions.kind(of: name) == .parameter {
                guard let value = try? scope.value(of: name), value.isVector else { continue }
                let view = try? scope.perturbing(name, component: 1, to: Value(scalar: value.matrix.elements[0] + 1e-3))
                for other in evaluation.definitions.names { _ = try? view?.value(of: other) }
            }
        }
    }

    /// Deletes, duplicates or inserts a piece of text.
    func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SplitMix64) {
        let position = random.below(scalars.count + 1)
        switch random.below(3) {
        case 0 where !scalars.isEmpty:
            let end = min(scalars.count, position + 1 + random.below(6))
            scalars.removeSubrange(min(position, end)..<end)
        case 1 where !scalars.isEmpty:
            let start = random.below(scalars.count)
            let end = min(scalars.count, start + 1 + random.below(12))
            scalars.insert(contentsOf: scalars[start..<end], at: position)
        default:
            scalars.insert(contentsOf: Self.snippets[random.below(Self.snippets.count)].unicodeScalars, at: position)
        }
    }
}
