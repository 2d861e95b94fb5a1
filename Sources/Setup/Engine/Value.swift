import Numerics

/// What a name of the setup language evaluates to: a matrix (1×1 is a scalar, n×1 a
/// vector) and the conditioning of the computation that produced it.
///
/// Every operation on values goes through `Arithmetic`, so a derivative carried beside the
/// matrix (a forward-mode tangent) has one place per operation to be propagated.
///
/// `conditioning` (≥ 1) is the largest condition number of any factorization used to
/// compute the value — Cholesky and LU solves, inverses, determinants, log-determinants —
/// propagated as the maximum over everything the value was computed from. A check turns it
/// into a rounding bound (16 ε κ ‖value‖).
public struct Value: Sendable, Hashable {
    /// The entries.
    public var matrix: Matrix
    /// The largest condition number of the factorizations used (1 when none was).
    public var conditioning: Double

    /// A value computed with factorizations whose largest condition number is `conditioning`.
    public init(_ matrix: Matrix, conditioning: Double = 1) {
        self.matrix = matrix
        self.conditioning = conditioning.isNaN ? .infinity : Swift.max(conditioning, 1)
    }

    /// A scalar (1×1).
    public init(scalar: Double) {
        self.init(Matrix(scalar: scalar))
    }

    /// The value of a scalar, nil otherwise.
    public var scalar: Double? { matrix.scalarValue }
    /// Whether the value is 1×1.
    public var isScalar: Bool { matrix.isScalar }
    /// Whether the value is a column vector (n×1) or a scalar.
    public var isVector: Bool { matrix.columns == 1 }
    /// `rows×columns`, as diagnostics write shapes: "25×3".
    public var shape: String { "\(matrix.rows)×\(matrix.columns)" }

    /// What the value is in words: "a scalar", "a 3-vector", "a 25×25 matrix".
    public var shapeDescription: String {
        if isScalar { return "a scalar" }
        if isVector { return "a \(matrix.rows)-vector" }
        return "a \(shape) matrix"
    }

    /// The same conditioning applied to a new matrix computed from this value.
    func with(_ matrix: Matrix, conditioning extra: Double = 1) -> Value {
        Value(matrix, conditioning: Swift.max(conditioning, extra))
    }
}

/// The largest conditioning of several values (1 for none).
func conditioning(_ values: Value...) -> Double {
    values.reduce(1) { Swift.max($0, $1.conditioning) }
}
