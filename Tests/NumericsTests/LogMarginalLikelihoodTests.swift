import Foundation
import Testing

@testable import Numerics

@Suite("Log marginal likelihood against scikit-learn")
struct LogMarginalLikelihoodTests {
    let fixture: GPRFixture
    init() throws { fixture = try Fixtures.load("sklearn_gpr.json") }

    /// Compares one case: value and free gradient components to 1e-10 relative, or, when
    /// `conditioned`, to the rounding that two stable solvers may differ by on an
    /// ill-conditioned K: max(1e-10, 100 ε κ₁(K)).
    func check(_ c: GPRFixture.Case, x: Matrix, y: Matrix, conditioned: Bool = false) {
        let kernel = c.kernel.kernel
        guard let expected = c.lml, let expectedGradient = c.gradient else {
            #expect(throws: LinearAlgebraError.self, "\(c.label) \(c.name)") {
                try LogMarginalLikelihood(kernel: kernel, x: x, y: y, estimatingCondition: true)
            }
            return
        }
        do {
            let lml = try LogMarginalLikelihood(kernel: kernel, x: x, y: y, estimatingCondition: true)
            let tolerance = conditioned ? max(1e-10, 100 * Double.ulpOfOne * (lml.conditionNumber ?? .infinity)) : 1e-10
            #expect(
                isApproximatelyEqual(lml.value, expected, relativeTolerance: tolerance, absoluteTolerance: 0),
                "\(c.label) \(c.name): \(lml.value) vs \(expected), κ = \((lml.conditionNumber ?? .infinity))")
            let gradient = lml.gradient.selecting(c.free)
            #expect(gradient.count == expectedGradient.count)
            if conditioned {
                // Components cancel on an ill-conditioned K, so the rounding bound holds for the
                // gradient as a vector (its norm), not for a small component on its own.
                #expect(
                    isApproximatelyEqual(
                        Matrix(column: gradient), Matrix(column: expectedGradient), relativeTolerance: tolerance,
                        absoluteTolerance: 1e-14, comparing: .norm),
                    "\(c.label) \(c.name): \(gradient) vs \(expectedGradient), κ = \((lml.conditionNumber ?? .infinity))"
                )
            } else {
                for (ours, theirs) in zip(gradient, expectedGradient) {
                    #expect(
                        isApproximatelyEqual(ours, theirs, relativeTolerance: tolerance, absoluteTolerance: 1e-14),
                        "\(c.label) \(c.name): \(ours) vs \(theirs)")
                }
            }
            let valueAlone = try LogMarginalLikelihood.value(kernel: kernel, x: x, y: y)
            #expect(valueAlone == lml.value)
        } catch {
            Issue.record("\(c.label) \(c.name): \(error)")
        }
    }

    @Test func gprCasesOfScikitLearnsTestsAgreeToTenDigits() {
        let x = Matrix(fixture.X)
        let y = Matrix(column: fixture.y)
        #expect(fixture.cases.count == 6)
        for c in fixture.cases { check(c, x: x, y: y) }
    }

    @Test func lengthScaleGridAgreesToTheRoundingItsConditionAllows() {
        let x = Matrix(fixture.X)
        let y = Matrix(column: fixture.y)
        #expect(fixture.grid.count == 65)
        for c in fixture.grid { check(c, x: x, y: y, conditioned: true) }
    }

    @Test func anisotropicKernelWithWhiteNoiseAgreesToTenDigits() {
        let a = fixture.anisotropic
        check(a.case, x: Matrix(a.X), y: Matrix(column: a.y))
    }

    @Test func valueFromAGivenCovarianceIsTheClosedFormForTheIdentity() throws {
        // K = I, y = (1, 2): log p = −½ (1 + 4) − 0 − log 2π.
        let value = try LogMarginalLikelihood.value(covariance: .identity(2), y: Matrix(column: [1, 2]))
        #expect(isApproximatelyEqual(value, -2.5 - log(2 * Double.pi)))
    }

    @Test func aSingularCovarianceIsAnErrorNamingThePivot() {
        let k = Matrix([[1, 1], [1, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 2, order: 2, value: 0, largestDiagonal: 1)) {
            try LogMarginalLikelihood.value(covariance: k, y: Matrix(column: [1, 2]))
        }
    }
}
