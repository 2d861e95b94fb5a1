import Foundation
import Numerics
import TestSupport
import Testing

@testable import Setup

/// A perturbed view costs what recomputing the dependents costs: it evaluates exactly the
/// definitions that depend on the perturbed name, and takes the rest from the base.
@Suite struct PerturbationCostTests {
    let scope = TestNotebook(seedSetup).scope()

    @Test func aViewEvaluatesOnlyTheDependentsItIsAskedFor() throws {
        let theta = try scope.value(of: "θ").matrix.elements
        let view = try scope.perturbedScope("θ", component: 1, to: Value(scalar: theta[0] + 1e-3))
        _ = try view.value(of: "ℓ")
        #expect(view.computed == ["λ", "K", "α", "ℓ"])
        _ = try view.value(of: "ℓ")
        _ = try view.value(of: "X")
        #expect(view.computed == ["λ", "K", "α", "ℓ"])
        let lambdaView = try scope.perturbedScope("λ", component: 2, to: Value(scalar: 1.6))
        _ = try lambdaView.value(of: "ℓ")
        #expect(lambdaView.computed == ["K", "α", "ℓ"])
    }

    @Test func aPerturbedLogLikelihoodOn25PointsTakesAFewHundredMicroseconds() throws {
        let theta = try scope.value(of: "θ").matrix.elements
        let count = 200
        let start = ContinuousClock.now
        for k in 0..<count {
            let view = try scope.perturbedScope(
                "θ", component: 1 + k % 3, to: Value(scalar: theta[k % 3] + 1e-4 * Double(k)))
            _ = try view.value(of: "ℓ")
        }
        let elapsed = ContinuousClock.now - start
        let perView = elapsed / count
        // Recomputing λ, K (25×25), α and ℓ; generous for a debug build on a loaded machine.
        print("perturbed ℓ (λ, K 25×25, α, ℓ recomputed): \(perView) per view")
        #expect(perView < .milliseconds(5))
    }
}

@Suite struct LongChainTests {
    @Test func aLongChainOfDefinitionsEvaluatesWithoutDeepRecursion() throws {
        let count = 3000
        let code = (["param a0 = 1"] + (1..<count).map { "let a\($0) = a\($0 - 1) + 1" }).joined(separator: "\n")
        let scope = TestNotebook(code).scope()
        #expect(try scope.value(of: "a\(count - 1)").matrix == Matrix(scalar: Double(count)))
        let view = try scope.perturbedScope("a0", component: nil, to: Value(scalar: 2))
        #expect(try view.value(of: "a\(count - 1)").matrix == Matrix(scalar: Double(count + 1)))
        #expect(view.computed.count == count - 1)
    }
}
