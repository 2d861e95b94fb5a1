import Foundation
import Numerics
import Testing

@testable import Setup

@Suite struct ElementwiseBuiltinTests {
    @Test func elementwiseFunctionsActOnEveryEntry() throws {
        let xs = [0.3, 1.7, 4.0]
        let cases: [(String, (Double) -> Double)] = [
            ("exp", Foundation.exp), ("log", Foundation.log), ("sqrt", { $0.squareRoot() }),
            ("sin", Foundation.sin), ("cos", Foundation.cos), ("abs", { Swift.abs($0) }),
        ]
        for (name, f) in cases {
            let r = try matrix("let r = \(name)([0.3, 1.7, 4.0])")
            #expect(r == Matrix(column: xs.map(f)), "\(name)")
        }
        #expect(try matrix("let r = abs([-1, 2; -3, 4])") == Matrix([[1, 2], [3, 4]]))
    }

    @Test func sumAndMeanReduceVectorsToScalarsAndMatricesByColumn() throws {
        #expect(try matrix("let r = sum([1, 2, 3.5])") == Matrix(scalar: 6.5))
        #expect(try matrix("let r = mean([1, 2, 3, 6])") == Matrix(scalar: 3))
        #expect(try matrix("let r = sum([1, 2; 3, 4])") == Matrix([[4, 6]]))
        #expect(try matrix("let r = sum([1, 2; 3, 4], dim: 2)") == Matrix(column: [3, 7]))
        #expect(try matrix("let r = mean([1, 2; 3, 4], dim: 1)") == Matrix([[2, 3]]))
    }

    @Test func constructorsBuildTheirShapes() throws {
        #expect(try matrix("let r = zeros(2, 3)") == Matrix.zeros(2, 3))
        #expect(try matrix("let r = ones(2)") == Matrix(column: [1, 1]))
        #expect(try matrix("let r = eye(3)") == Matrix.identity(3))
        #expect(try matrix("let A = zeros(4, 2)\nlet r = [size(A, 1), size(A, 2)]") == Matrix(column: [4, 2]))
        #expect(try matrix("let r = 2π") == Matrix(scalar: 2 * Double.pi))
    }
}

@Suite struct LinearAlgebraBuiltinTests {
    // A = [4 2; 2 3]: det 8, A⁻¹ = [3 −2; −2 4]/8, eigenvalues (7 ± √17)/2.
    let a = "let A = [4, 2; 2, 3]\n"

    @Test func solveInverseAndDeterminantMatchTheClosedForm() throws {
        #expect(close(try matrix(a + "let r = solve(A, [1, 2])"), Matrix(column: [-1.0 / 8, 6.0 / 8])))
        #expect(close(try matrix(a + "let r = A \\ [1, 2]"), Matrix(column: [-1.0 / 8, 6.0 / 8])))
        #expect(close(try matrix(a + "let r = inv(A)"), Matrix([[3.0 / 8, -2.0 / 8], [-2.0 / 8, 4.0 / 8]])))
        #expect(close(try matrix(a + "let r = A^-1"), Matrix([[3.0 / 8, -2.0 / 8], [-2.0 / 8, 4.0 / 8]])))
        #expect(close(try matrix(a + "let r = det(A)"), Matrix(scalar: 8)))
        #expect(close(try matrix(a + "let r = logdet(A)"), Matrix(scalar: log(8))))
        #expect(close(try matrix("let r = det([0, 1; 1, 0])"), Matrix(scalar: -1)))
    }

    @Test func cholIsMATLABsUpperFactor() throws {
        #expect(close(try matrix(a + "let r = chol(A)"), Matrix([[2, 1], [0, 2.0.squareRoot()]])))
        #expect(close(try matrix(a + "let R = chol(A)\nlet r = R' * R"), Matrix([[4, 2], [2, 3]])))
    }

    @Test func traceDiagonalOuterDotAndCondition() throws {
        #expect(try matrix(a + "let r = tr(A)") == Matrix(scalar: 7))
        #expect(try matrix(a + "let r = diag(A)") == Matrix(column: [4, 3]))
        #expect(try matrix("let r = diag([1, 2])") == Matrix([[1, 0], [0, 2]]))
        #expect(try matrix("let r = outer([1, 2], [3, 4, 5])") == Matrix([[3, 4, 5], [6, 8, 10]]))
        #expect(try matrix("let r = dot([1, 2], [3, 4])") == Matrix(scalar: 11))
        let s = 17.0.squareRoot()
        #expect(close(try matrix(a + "let r = cond(A)"), Matrix(scalar: (7 + s) / (7 - s))))
    }

    @Test func distancesAreBetweenRows() throws {
        #expect(try matrix("let r = sqdist([0, 0; 3, 4])") == Matrix([[0, 25], [25, 0]]))
        #expect(try matrix("let r = cdist([0, 0; 3, 4])") == Matrix([[0, 5], [5, 0]]))
        #expect(try matrix("let r = sqdist([0; 1], [3; 1; 2])") == Matrix([[9, 1, 4], [4, 0, 1]]))
    }

    @Test func factorizationsCarryTheirConditionNumber() throws {
        let value = try evaluated(a + "let r = A \\ [1, 2]", "r")
        // κ₁(A) = ‖A‖₁ ‖A⁻¹‖₁ = 6 · 6/8.
        #expect(close(value.conditioning, 4.5))
        #expect(try evaluated(a + "let r = 2 * A", "r").conditioning == 1)
        #expect(close(try evaluated(a + "let B = inv(A)\nlet r = B + 1", "r").conditioning, 4.5))
    }

    @Test func lmlIsRasmussenAndWilliamsAlgorithm21() throws {
        let r = try matrix("let r = lml(diag([2, 3]), [1, 1])")
        let quadratic: Double = -0.5 * (1.0 / 2 + 1.0 / 3)
        let expected: Double = quadratic - 0.5 * log(6.0) - log(2 * Double.pi)
        #expect(close(r, Matrix(scalar: expected)))
    }
}

@Suite struct KernelBuiltinTests {
    // Two points one apart on a line, and the squared distance d² = 1.
    let x = "let X = [0; 1]\n"

    func offDiagonal(_ call: String) throws -> Double {
        try matrix(x + "let r = \(call)")[0, 1]
    }

    @Test func everyKernelMatchesItsFormula() throws {
        let d = 1.0
        #expect(close(try offDiagonal("rbf(X, lengthScale: 2)"), exp(-0.5 * d * d / 4)))
        #expect(close(try offDiagonal("matern(X, lengthScale: 2, nu: 0.5)"), exp(-d / 2)))
        let t3 = 3.0.squareRoot() * d / 2
        #expect(close(try offDiagonal("matern(X, lengthScale: 2, nu: 1.5)"), (1 + t3) * exp(-t3)))
        let t5 = 5.0.squareRoot() * d / 2
        #expect(close(try offDiagonal("matern(X, lengthScale: 2)"), (1 + t3) * exp(-t3)))
        #expect(close(try offDiagonal("matern(X, lengthScale: 2, nu: 2.5)"), (1 + t5 + t5 * t5 / 3) * exp(-t5)))
        #expect(
            close(
                try offDiagonal("rationalQuadratic(X, lengthScale: 2, alpha: 0.5)"),
                pow(1 + d * d / (2 * 0.5 * 4), -0.5)))
        let s = sin(Double.pi * d / 3)
        #expect(close(try offDiagonal("expSineSquared(X, lengthScale: 2, periodicity: 3)"), exp(-2 * s * s / 4)))
        #expect(close(try offDiagonal("dotProduct(X, sigma0: 0.5)"), 0.25 + 0 * 1))
        #expect(close(try matrix(x + "let r = dotProduct(X, sigma0: 0.5)")[1, 1], 0.25 + 1))
        #expect(try matrix(x + "let r = constant(X, value: 3)") == Matrix(rows: 2, columns: 2, repeating: 3))
        #expect(try matrix(x + "let r = white(X, noiseLevel: 0.1)") == Matrix([[0.1, 0], [0, 0.1]]))
    }

    @Test func anisotropicLengthScalesScaleEachColumn() throws {
        let r = try matrix("let r = rbf([0, 0; 1, 2], lengthScale: [2, 4])")
        #expect(close(r[0, 1], exp(-0.5 * (1.0 / 4 + 4.0 / 16))))
    }

    @Test func aSecondDataArgumentGivesTheCrossCovariance() throws {
        let r = try matrix(x + "let r = rbf(X, [0.5; 1; 3], lengthScale: 2)")
        #expect(r.rows == 2 && r.columns == 3)
        #expect(close(r[1, 2], exp(-0.5 * 4.0 / 4)))
        #expect(try matrix(x + "let r = white(X, X, noiseLevel: 0.1)") == Matrix.zeros(2, 2))
    }

    @Test func kernelGradientIsTheLibrarysWithRespectToLogHyperparameters() throws {
        // ∂K/∂ln λ = K ∘ D/λ² for the isotropic RBF.
        let code = x + "let K = rbf(X, lengthScale: 2)\nlet r = kernelGradient(K, 1)\nlet e = K .* sqdist(X) ./ 4"
        let scope = TestNotebook(code).scope()
        #expect(close(try scope.value(of: "r").matrix, try scope.value(of: "e").matrix))
        // A product with a constant puts ln c first, as scikit-learn does: ∂(cK)/∂ln c = cK.
        #expect(
            close(
                try matrix(x + "let r = kernelGradient(3 * rbf(X, lengthScale: 2), 1)"),
                3 * RBF(lengthScale: 2).matrix(Matrix(column: [0, 1]))))
        #expect(
            try matrix(x + "let r = kernelTheta(rbf(X, lengthScale: 2) + white(X, noiseLevel: 0.5))")
                == Matrix(column: [log(2), log(0.5)]))
    }

    @Test func lmlGradientIsTheNumericsCores() throws {
        let code = """
            let X = [0.1, 1.2; 0.7, -0.3; 1.9, 0.4; -0.5, 0.8]
            let y = [0.3, -0.2, 0.9, 0.1]
            let r = lmlGradient(1.5 * rbf(X, lengthScale: [0.8, 3.0]) + white(X, noiseLevel: 0.1), y)
            """
        let kernel = 1.5 * RBF(lengthScale: [0.8, 3.0]) + WhiteKernel(noiseLevel: 0.1)
        let expected = try LogMarginalLikelihood(
            kernel: kernel, x: Matrix([[0.1, 1.2], [0.7, -0.3], [1.9, 0.4], [-0.5, 0.8]]),
            y: Matrix(column: [0.3, -0.2, 0.9, 0.1]))
        #expect(try matrix(code) == Matrix(column: expected.gradient))
    }
}

@Suite struct IterationBuiltinTests {
    @Test func fixpointRunsNewtonsIterationToAFloatingPointFixedPoint() throws {
        let r = try #require(try matrix("let r = fixpoint(1, x -> (x + 2 / x) / 2)").scalarValue)
        #expect((r + 2 / r) / 2 == r)  // a fixed point in floating point, not merely close to one
        #expect(close(r, 2.0.squareRoot()))
    }

    @Test func fixpointTakesUserFunctionsAndVectors() throws {
        let r = try matrix("let step(v) = 0.5 * v + [1, 2]\nlet r = fixpoint([0, 0], step)")
        #expect(r == Matrix(column: [2, 4]))
    }

    @Test func fixpointSettlesOnACycleInTheLastBits() throws {
        // A rotation of three numbers one unit in the last place apart: period 3, spread 2 ulps.
        let r = try matrix("let r = fixpoint([1, 1 + 2^-52, 1 + 2^-51], v -> [v[2]; v[3]; v[1]])")
        #expect(r == Matrix(column: [1, 1 + 0x1p-52, 1 + 0x1p-51]))
    }

    @Test func fixpointSettlesOnAWanderInTheLastBits() throws {
        // The second entry grows by one ulp a step and never repeats: settled after 32 steps.
        let r = try matrix("let r = fixpoint([1, 1], v -> [v[1]; v[2] + 2^-52])")
        #expect(r == Matrix(column: [1, 1 + 32 * 0x1p-52]))
    }

    @Test func fixpointThatCyclesBeyondRoundingIsAnError() {
        let error = failure("let r = fixpoint([1, 2, 3], v -> [v[2]; v[3]; v[1]])")
        #expect(error?.message == "'fixpoint' is cycling through 3 iterates that differ by 2.0, more than rounding")
    }

    @Test func fixpointThatNeverSettlesIsAnError() {
        let error = failure("let r = fixpoint(1, x -> x + 1)")
        #expect(error?.message.hasPrefix("'fixpoint' did not settle in 1000 steps") == true)
    }
}
