import Foundation
import Testing

@testable import Numerics

@Suite("Kernels against scikit-learn")
struct KernelTests {
    let fixture: KernelFixture
    init() throws { fixture = try Fixtures.load("sklearn_kernels.json") }

    @Test func everyAnalyticKernelOfScikitLearnsTestListIsCovered() {
        #expect(fixture.cases.count == 20)
    }

    @Test func kernelMatricesMatchScikitLearnToTwelveDigits() {
        let x = Matrix(fixture.X)
        for c in fixture.cases {
            let k = c.kernel.kernel.matrix(x)
            #expect(
                isApproximatelyEqual(k, Matrix(c.K), relativeTolerance: 1e-12, absoluteTolerance: 1e-14), "\(c.name)")
        }
    }

    @Test func crossMatricesMatchScikitLearnIncludingWhiteNoiseBeingZero() {
        let x = Matrix(fixture.X)
        let y = Matrix(fixture.Y)
        for c in fixture.cases {
            let k = c.kernel.kernel.matrix(x, y)
            #expect(
                isApproximatelyEqual(k, Matrix(c.K_XY), relativeTolerance: 1e-12, absoluteTolerance: 1e-14), "\(c.name)"
            )
        }
    }

    @Test func thetaIsTheLogOfTheHyperparametersInScikitLearnsOrder() {
        for c in fixture.cases {
            let theta = c.kernel.kernel.theta
            #expect(theta.count == c.free.count, "\(c.name)")
            #expect(theta.selecting(c.free) == c.theta, "\(c.name)")
        }
    }

    @Test func gradientsMatchScikitLearnToTwelveDigits() {
        let x = Matrix(fixture.X)
        for c in fixture.cases {
            let kernel = c.kernel.kernel
            let gradients = kernel.gradients(x).selecting(c.free)
            #expect(gradients.count == c.gradient.count, "\(c.name)")
            for (ours, theirs) in zip(gradients, c.gradient) {
                #expect(
                    isApproximatelyEqual(ours, Matrix(theirs), relativeTolerance: 1e-12, absoluteTolerance: 1e-14),
                    "\(c.name): largest difference \((ours - Matrix(theirs)).maxAbs)")
            }
        }
    }

    @Test func contractionEqualsTheElementwiseSumOverEachGradient() {
        let x = Matrix(fixture.X)
        // Contractions take a symmetric W (the W = ααᵀ − K⁻¹ of eq. 5.9 is).
        let w = Matrix(rows: 5, columns: 5) { i, j in sin(Double(3 * i + 7 * j + 1)) }.symmetrized
        for c in fixture.cases {
            let kernel = c.kernel.kernel
            let contraction = kernel.contraction(x, weights: w)
            let expectedValue = kernel.matrix(x).multipliedElementwise(by: w).sum
            #expect(isApproximatelyEqual(contraction.value, expectedValue), "\(c.name)")
            for (j, g) in kernel.gradients(x).enumerated() {
                #expect(
                    isApproximatelyEqual(contraction.gradient[j], g.multipliedElementwise(by: w).sum),
                    "\(c.name) component \(j)")
            }
        }
    }
}
