/// General linear algebra on `Matrix`: the operations a derivation writes as `A \ b`, `A^-1`,
/// `det`, `cond` and `A^k`, each through one LAPACK factorization.
extension Matrix {
    /// A⁻¹B through LU with partial pivoting; A is n×n, B is n×k (MATLAB's `A \ B`).
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try LUDecomposition(self).solve(b)
    }

    /// A⁻¹ for a square matrix through LU.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        try LUDecomposition(self).inverse()
    }

    /// det A for a square matrix through LU. For log-determinants of covariance matrices use
    /// `Cholesky.logDeterminant`, which neither under- nor overflows.
    public func determinant() throws(LinearAlgebraError) -> Double {
        try LUDecomposition(self).determinant
    }

    /// The singular values of an m×n matrix, largest first (LAPACK `dgesdd`).
    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        guard isFinite else { throw .nonFinite }
        guard let values = LAPACK.singularValues(elements, rows: rows, columns: columns) else {
            throw .didNotConverge
        }
        return values
    }

    /// The 2-norm condition number κ₂(A) = σ_max / σ_min (∞ when σ_min = 0), MATLAB's `cond`.
    public func conditionNumber() throws(LinearAlgebraError) -> Double {
        let values = try singularValues()
        guard let largest = values.first, let smallest = values.last else { return 0 }
        return smallest > 0 ? largest / smallest : .infinity
    }

    /// Aᵏ for a square matrix and integer k by repeated squaring (⌈log₂|k|⌉ products); A⁰ = I
    /// and a negative k inverts first (`K^-1`).
    public func power(_ k: Int) throws(LinearAlgebraError) -> Matrix {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        var base = k < 0 ? try inverse() : self
        var exponent = k.magnitude
        var result: Matrix? = nil
        while exponent > 0 {
            if exponent & 1 == 1 { result = result.map { $0 * base } ?? base }
            exponent >>= 1
            if exponent > 0 { base = base * base }
        }
        return result ?? .identity(rows)
    }
}
