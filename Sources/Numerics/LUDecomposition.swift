/// The LU factorization P·A = L·U of a square n×n matrix with partial pivoting (LAPACK
/// `dgetrf`), for general solves, determinants, inverses and condition estimates.
public struct LUDecomposition: Sendable {
    /// n, the order of A.
    public let order: Int
    /// L (unit lower, below the diagonal) and U (on and above it), packed n×n.
    let factors: [Double]
    /// LAPACK's 1-based row interchanges.
    let pivots: [Int32]
    /// ‖A‖₁, kept for the condition estimate.
    let oneNorm: Double
    /// The first exactly-zero pivot (1-based), if A is singular.
    public let singularPivot: Int?

    /// Factors `a` (n×n). A singular matrix factors (its determinant is 0); solving with it throws.
    ///
    /// - Throws: `.notSquare` or `.nonFinite`.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isSquare else { throw .notSquare(rows: a.rows, columns: a.columns) }
        guard a.isFinite else { throw .nonFinite }
        let n = a.rows
        var storage = a.elements
        var pivots = [Int32](repeating: 0, count: n)
        let norm = LAPACK.generalOneNorm(storage, order: n)
        let info = LAPACK.luFactor(&storage, order: n, pivots: &pivots)
        self.order = n
        self.factors = storage
        self.pivots = pivots
        self.oneNorm = norm
        self.singularPivot = info > 0 ? info : nil
    }

    /// A⁻¹B for B of shape n×k (LAPACK `dgetrs`).
    ///
    /// - Throws: `.singular` when A has an exactly-zero pivot.
    public func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        precondition(b.rows == order, "solving a \(order)×\(order) system with \(b.rows)×\(b.columns)")
        if let singularPivot { throw .singular(pivot: singularPivot, order: order) }
        var x = b.elements
        LAPACK.luSolve(factors: factors, pivots: pivots, order: order, &x, columns: b.columns)
        return Matrix(rows: b.rows, columns: b.columns, elements: x)
    }

    /// A⁻¹ (n×n, LAPACK `dgetri`).
    ///
    /// - Throws: `.singular` when A has an exactly-zero pivot.
    public func inverse() throws(LinearAlgebraError) -> Matrix {
        if let singularPivot { throw .singular(pivot: singularPivot, order: order) }
        var storage = factors
        _ = LAPACK.luInverse(&storage, pivots: pivots, order: order)
        return Matrix(rows: order, columns: order, elements: storage)
    }

    /// det A = (−1)^(number of interchanges) · Πᵢ Uᵢᵢ (0 for a singular matrix).
    public var determinant: Double {
        var product = 1.0
        for i in 0..<order {
            product *= factors[i + i * order]
            if Int(pivots[i]) != i + 1 { product = -product }
        }
        return product
    }

    /// LAPACK `dgecon`'s estimate of 1/κ₁(A) (0 for a singular matrix).
    public var reciprocalCondition: Double {
        guard order > 0 else { return 1 }
        guard singularPivot == nil else { return 0 }
        return LAPACK.luReciprocalCondition(factors: factors, order: order, norm: oneNorm)
    }
}
