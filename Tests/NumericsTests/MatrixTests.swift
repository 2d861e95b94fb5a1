import Foundation
import Testing

@testable import Numerics

@Suite("Matrix")
struct MatrixTests {
    @Test func rowArraysAreStoredColumnMajor() {
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.elements == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6)
        #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    }

    @Test func productsGoThroughBLASAndScalarsScale() {
        let a = Matrix([[1, 2], [3, 4]])
        #expect(a * a == Matrix([[7, 10], [15, 22]]))
        #expect(a * Matrix(column: [1, 1]) == Matrix(column: [3, 7]))
        #expect(Matrix(scalar: 2) * a == Matrix([[2, 4], [6, 8]]))
        #expect(a.multiplied(by: a, transposingSelf: true) == Matrix([[10, 14], [14, 20]]))
        #expect(a.multiplied(by: a, transposingOther: true) == Matrix([[5, 11], [11, 25]]))
    }

    @Test func elementwiseOperationsAndReductionsHaveTheirClosedForms() {
        let a = Matrix([[1, -2], [3, 4]])
        #expect(a.multipliedElementwise(by: a) == Matrix([[1, 4], [9, 16]]))
        #expect(a.dividedElementwise(by: a) == Matrix([[1, 1], [1, 1]]))
        #expect(a.raisedElementwise(to: 3) == Matrix([[1, -8], [27, 64]]))
        #expect(a.trace == 5)
        #expect(a.diagonal == Matrix(column: [1, 4]))
        #expect(a.maxAbs == 4)
        #expect(a.frobeniusNorm == 30.0.squareRoot())
        #expect(a.sum == 6)
        #expect(!Matrix(column: [1, .nan]).isFinite)
        #expect(Matrix.identity(2) - 0.5 * Matrix.identity(2) == Matrix([[0.5, 0], [0, 0.5]]))
    }

    @Test func frobeniusNormNeitherOverflowsNorUnderflows() {
        #expect(isApproximatelyEqual(Matrix(column: [3e200, 4e200]).frobeniusNorm, 5e200))
        #expect(isApproximatelyEqual(Matrix(column: [3e-200, 4e-200]).frobeniusNorm, 5e-200, absoluteTolerance: 0))
    }
}

@Suite("ApproximateEquality")
struct ApproximateEqualityTests {
    @Test func elementwiseComparisonUsesTheLargerOfAbsoluteAndRelativeTolerance() {
        #expect(isApproximatelyEqual(1, 1 + 1e-13))
        #expect(!isApproximatelyEqual(1, 1 + 1e-11))
        #expect(isApproximatelyEqual(0, 1e-15))
        #expect(!isApproximatelyEqual(0, 1e-13))
        #expect(!isApproximatelyEqual(.nan, .nan))
        #expect(isApproximatelyEqual(.infinity, .infinity))
    }

    @Test func normComparisonLetsNearZeroEntriesOfALargeMatrixDiffer() {
        let a = Matrix(column: [1, 1e-20])
        let b = Matrix(column: [1, 2e-20])
        #expect(!isApproximatelyEqual(a, b, absoluteTolerance: 0))
        #expect(isApproximatelyEqual(a, b, absoluteTolerance: 0, comparing: .norm))
        #expect(!isApproximatelyEqual(Matrix(column: [1, 0]), Matrix(column: [0, 1]), comparing: .norm))
        #expect(
            !isApproximatelyEqual(Matrix(column: [1]), Matrix([[1]]).transposed + Matrix([[0]]) * 0 + Matrix([[0.5]])))
        #expect(!isApproximatelyEqual(Matrix(column: [1, 2]), Matrix([[1, 2]])))
    }
}

@Suite("Factorizations")
struct FactorizationTests {
    // A = [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]; det A = 8; A⁻¹ = [[3, −2], [−2, 4]]/8.
    let a = Matrix([[4, 2], [2, 3]])

    @Test func choleskyHasItsClosedFormFactorInverseAndLogDeterminant() throws {
        let c = try Cholesky(a)
        #expect(isApproximatelyEqual(c.factor, Matrix([[2, 0], [1, 2.0.squareRoot()]])))
        #expect(isApproximatelyEqual(c.logDeterminant, log(8)))
        #expect(isApproximatelyEqual(c.inverse(), Matrix([[3, -2], [-2, 4]]) / 8))
        #expect(isApproximatelyEqual(c.solve(Matrix(column: [2, 1])), Matrix(column: [0.5, 0])))
        // κ₁(A) = ‖A‖₁ ‖A⁻¹‖₁ = 6 · 6/8 = 4.5; dpocon's estimate is exact for 2×2.
        #expect(isApproximatelyEqual(c.conditionNumber, 4.5))
    }

    @Test func aFailedCholeskyNamesThePivotAndSuggestsJitter() {
        // [[1, 1, 0], [1, 1 − 1e-13, 0], [0, 0, 1]]: pivot 2 is −1e-13 (to rounding).
        let k = Matrix([[1, 1, 0], [1, 1 - 1e-13, 0], [0, 0, 1]])
        do {
            _ = try Cholesky(k)
            Issue.record("factored a matrix that is not positive definite")
        } catch {
            #expect(error.message.hasPrefix("matrix is not positive definite: pivot 2 of 3 is -1e-13"))
            #expect(error.help == "add jitter: K + 1e-10 * I")
        }
        let indefinite = Matrix([[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(pivot: 2, order: 2, value: -3, largestDiagonal: 1)) {
            try Cholesky(indefinite)
        }
        let help = LinearAlgebraError.notPositiveDefinite(pivot: 2, order: 2, value: -3, largestDiagonal: 1).help
        #expect(help == "the matrix is indefinite, not merely ill-conditioned; check its definition")
    }

    @Test func luSolvesInvertsAndTakesDeterminants() throws {
        let b = Matrix([[1, 2], [3, 4]])
        #expect(isApproximatelyEqual(try b.determinant(), -2))
        #expect(isApproximatelyEqual(try b.inverse(), Matrix([[-2, 1], [1.5, -0.5]])))
        #expect(isApproximatelyEqual(try b.solve(Matrix(column: [5, 11])), Matrix(column: [1, 2])))
        let singular = Matrix([[1, 2], [2, 4]])
        #expect(try singular.determinant() == 0)
        #expect(throws: LinearAlgebraError.singular(pivot: 2, order: 2)) { try singular.inverse() }
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) { try Matrix([[1, 2]]).determinant() }
    }

    @Test func conditionNumberIsTheRatioOfExtremeSingularValues() throws {
        #expect(isApproximatelyEqual(try Matrix([[1, 0], [0, 1e-3]]).conditionNumber(), 1e3))
        #expect(try Matrix([[1, 0], [0, 0]]).conditionNumber() == .infinity)
        #expect(isApproximatelyEqual(try Matrix([[3, 0], [4, 0]]).singularValues()[0], 5))
    }

    @Test func integerPowersSquareRepeatedlyAndNegativeOnesInvert() throws {
        let b = Matrix([[1, 1], [0, 1]])
        #expect(try b.power(5) == Matrix([[1, 5], [0, 1]]))
        #expect(try b.power(0) == .identity(2))
        #expect(isApproximatelyEqual(try b.power(-2), Matrix([[1, -2], [0, 1]])))
    }
}

@Suite("PairChunks")
struct PairChunksTests {
    @Test func chunksCoverEveryColumnOnceWithAboutEqualPairCounts() {
        let chunks = PairChunks(count: 1000, threads: 4)
        #expect(chunks.ranges.first?.lowerBound == 0)
        #expect(chunks.ranges.last?.upperBound == 1000)
        #expect(zip(chunks.ranges, chunks.ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        let pairs = chunks.ranges.map { r in r.reduce(0) { $0 + (1000 - 1 - $1) } }
        #expect(pairs.reduce(0, +) == 1000 * 999 / 2)
        #expect(pairs.allSatisfy { abs($0 - 1000 * 999 / 8) < 1000 })
    }

    @Test func concurrentChunksReturnTheirResultsInOrder() {
        let chunks = PairChunks(count: 600, threads: 3)
        #expect(chunks.map { $0.lowerBound } == chunks.ranges.map(\.lowerBound))
        #expect(PairChunks(count: 10, threads: 1).ranges == [0..<10])
    }
}
