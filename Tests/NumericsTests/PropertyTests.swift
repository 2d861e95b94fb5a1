import Foundation
import Testing

@testable import Numerics

/// Properties that hold for any data: checked on seeded random inputs.
@Suite("Kernel and likelihood properties")
struct PropertyTests {
    /// A handful of kernels on 3-D inputs, every positive-definite family represented
    /// (ExpSineSquared of the Euclidean distance is positive definite only in one dimension).
    static let kernels: [any Kernel] = [
        RBF(lengthScale: [0.8, 1.5, 3.0]),
        2.0 * Matern(lengthScale: 1.3, nu: .half),
        Matern(lengthScale: [0.7, 1.1, 2.0], nu: .threeHalves) + WhiteKernel(noiseLevel: 0.3),
        Matern(lengthScale: 0.9, nu: .fiveHalves) * RationalQuadratic(lengthScale: 1.7, alpha: 0.6),
        RBF(lengthScale: 2.0) + DotProduct(sigma0: 0.4),
        Exponentiation(DotProduct(sigma0: 1.5), exponent: 2) * ConstantKernel(0.7) + WhiteKernel(noiseLevel: 0.5),
    ]

    @Test(arguments: 1...5)
    func kernelMatricesAreSymmetricAndPositiveSemiDefinite(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed))
        let x = random.normalMatrix(20, 3)
        let periodic: [(any Kernel, Matrix)] = [(ExpSineSquared(lengthScale: 1.2, periodicity: 2.5), x.column(0))]
        for (kernel, x) in Self.kernels.map({ ($0, x) }) + periodic {
            let k = kernel.matrix(x)
            #expect(isApproximatelyEqual(k, k.transposed), "\(kernel)")
            // PSD: K + δI factors for a δ at rounding level of the diagonal.
            var shifted = k
            for i in 0..<20 { shifted[i, i] += 1e-10 * k.trace }
            #expect(throws: Never.self, "\(kernel)") { try Cholesky(shifted) }
        }
    }

    @Test(arguments: 1...5)
    func theGradientOfASumIsTheConcatenationOfThePartsGradients(seed: Int) {
        var random = SeededGenerator(seed: UInt64(100 + seed))
        let x = random.normalMatrix(12, 3)
        let parts: [any Kernel] = [
            Matern(lengthScale: [0.7, 1.1, 2.0]), RationalQuadratic(lengthScale: 1.7, alpha: 0.6),
        ]
        let sum = Sum(parts[0], parts[1])
        #expect(sum.gradients(x) == parts[0].gradients(x) + parts[1].gradients(x))
        #expect(sum.theta == parts[0].theta + parts[1].theta)
        #expect(
            sum.hyperparameterNames == [
                "k1__length_scale[1]", "k1__length_scale[2]", "k1__length_scale[3]", "k2__alpha", "k2__length_scale",
            ])
    }

    @Test(arguments: 1...5)
    func logMarginalLikelihoodIsInvariantUnderPermutingTheData(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(200 + seed))
        let x = random.normalMatrix(15, 3)
        let y = random.normalMatrix(15, 1)
        var order = Array(0..<15)
        order.shuffle(using: &random)
        let px = Matrix(rows: 15, columns: 3) { i, j in x[order[i], j] }
        let py = Matrix(rows: 15, columns: 1) { i, _ in y[order[i], 0] }
        for kernel in Self.kernels {
            let a = try LogMarginalLikelihood(kernel: kernel, x: x, y: y, jitter: 1e-6, estimatingCondition: true)
            let b = try LogMarginalLikelihood(kernel: kernel, x: px, y: py, jitter: 1e-6, estimatingCondition: true)
            // Reordering changes the rounding only, which grows with κ(K) (the squared dot
            // product alone has rank 10 in 3-D, nearly singular on 15 points without the noise).
            let tolerance = max(1e-10, 100 * Double.ulpOfOne * (a.conditionNumber ?? .infinity))
            #expect(isApproximatelyEqual(a.value, b.value, relativeTolerance: tolerance), "\(kernel)")
            #expect(
                isApproximatelyEqual(
                    Matrix(column: a.gradient), Matrix(column: b.gradient), relativeTolerance: tolerance,
                    comparing: .norm),
                "\(kernel)")
        }
    }

    @Test(arguments: 1...3)
    func withThetaRoundTripsAndGradientsMatchRidders(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(300 + seed))
        let x = random.normalMatrix(10, 3)
        for kernel in Self.kernels {
            #expect(
                isApproximatelyEqual(Matrix(column: kernel.withTheta(kernel.theta).theta), Matrix(column: kernel.theta))
            )
            for j in 0..<kernel.hyperparameterCount {
                let side = DerivativeSide(point: kernel.theta[j]) { h in
                    var theta = kernel.theta
                    theta[j] += h
                    return kernel.withTheta(theta).matrix(x)
                }
                let estimate = try side.ridders().get()
                #expect(
                    isApproximatelyEqual(
                        estimate.value, kernel.gradient(x, component: j), relativeTolerance: 1e-9, comparing: .norm),
                    "\(kernel) θ\(j)")
            }
        }
    }
}
