import Foundation

/// The Cholesky factorization A = L·Lᵀ of a symmetric positive-definite n×n matrix
/// (LAPACK `dpotrf`, reading A's lower triangle).
///
/// A failed factorization is an error naming the pivot and suggesting jitter, never a silent
/// `-inf` log-likelihood.
public struct Cholesky: Sendable {
    /// n, the order of A.
    public let order: Int
    /// The lower-triangular factor L (n×n, zeros above the diagonal).
    public let factor: Matrix
    /// ‖A‖₁, kept for the condition estimate.
    let oneNorm: Double

    /// Factors the symmetric positive-definite `a` (n×n; only its lower triangle is read).
    ///
    /// - Throws: `.notSquare`, `.nonFinite`, or `.notPositiveDefinite` with the failing pivot,
    ///   1-based, and its value Aₖₖ − Σⱼ<ₖ Lₖⱼ².
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        let n = a.rows
        for j in 0..<n {
            for i in j..<n where !a.elements[i + j * n].isFinite { throw .nonFinite }
        }
        var storage = a.elements
        let norm = LAPACK.symmetricOneNorm(storage, order: n)
        let info = LAPACK.choleskyFactor(&storage, order: n)
        if info > 0 {
            // Row k's first k entries are valid factor entries: recompute the failed pivot.
            let k = info - 1
            var pivot = a.elements[k + k * n]
            for j in 0..<k { pivot -= storage[k + j * n] * storage[k + j * n] }
            var largest = 0.0
            for i in 0..<n { largest = Swift.max(largest, abs(a.elements[i + i * n])) }
            throw .notPositiveDefinite(pivot: info, order: n, value: pivot, largestDiagonal: largest)
        }
        for j in 1..<Swift.max(n, 1) {
            for i in 0..<j { storage[i + j * n] = 0 }
        }
        self.order = n
        self.factor = Matrix(rows: n, columns: n, elements: storage)
        self.oneNorm = norm
    }

    /// A⁻¹B for B of shape n×k (LAPACK `dpotrs`: two triangular solves, 2n²k flops).
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "solving a \(order)×\(order) system with \(b.rows)×\(b.columns)")
        var x = b.elements
        LAPACK.choleskySolve(factor: factor.elements, order: order, &x, columns: b.columns)
        return Matrix(rows: b.rows, columns: b.columns, elements: x)
    }

    /// A⁻¹ (n×n, exactly symmetric) from the factor (LAPACK `dpotri`, 2n³/3 flops rather than
    /// the 2n³ of a solve against the identity).
    public func inverse() -> Matrix {
        var storage = lowerInverse().elements
        storage.withUnsafeMutableBufferPointer { mirrorLowerTriangle($0, order: order) }
        return Matrix(rows: order, columns: order, elements: storage)
    }

    /// The lower triangle of A⁻¹ (n×n, zeros above the diagonal), for contractions that read
    /// only that triangle.
    func lowerInverse() -> Matrix {
        var storage = factor.elements
        _ = LAPACK.choleskyInverse(&storage, order: order)  // info ≠ 0 only for a zero Lᵢᵢ
        return Matrix(rows: order, columns: order, elements: storage)
    }

    /// log det A = 2 Σᵢ log Lᵢᵢ, stable where det A itself under- or overflows.
    public var logDeterminant: Double {
        var sum = 0.0
        for i in 0..<order { sum += log(factor.elements[i + i * order]) }
        return 2 * sum
    }

    /// LAPACK `dpocon`'s estimate of 1/κ₁(A) = 1/(‖A‖₁‖A⁻¹‖₁), O(n²) from the factor.
    public var reciprocalCondition: Double {
        guard order > 0 else { return 1 }
        return LAPACK.choleskyReciprocalCondition(factor: factor.elements, order: order, norm: oneNorm)
    }

    /// The estimated 1-norm condition number κ₁(A) (∞ when the estimate is 0).
    public var conditionNumber: Double {
        let r = reciprocalCondition
        return r > 0 ? 1 / r : .infinity
    }
}
