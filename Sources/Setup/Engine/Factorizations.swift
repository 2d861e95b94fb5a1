import Numerics

/// The factorizations behind `\`, `inv`, `det`, `logdet`, `chol` and `^`, each returning
/// the condition number it saw so that values carry their conditioning, and failing with a
/// `LinearAlgebraError` (which pivot, and a hint of jitter) rather than a crash.
public enum Factorizations {
    /// A linear-algebra failure as an evaluation error (pivot and jitter help included).
    public static func failure(_ error: LinearAlgebraError) -> EvaluationError {
        EvaluationError(.linearAlgebra, error.message, help: error.help)
    }

    /// κ from a reciprocal condition estimate (∞ for 0).
    static func condition(reciprocal r: Double) -> Double { r > 0 ? 1 / r : .infinity }

    /// A⁻¹B (A n×n, B n×k): through Cholesky when A is exactly symmetric and positive
    /// definite, as MATLAB's backslash does, else through LU with partial pivoting.
    public static func solve(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> (Matrix, condition: Double) {
        guard a.isFinite else { throw .nonFinite }
        if a == a.transposed, let cholesky = try? Cholesky(a) {
            return (cholesky.solve(b), cholesky.conditionNumber)
        }
        let lu = try LUDecomposition(a)
        return (try lu.solve(b), condition(reciprocal: lu.reciprocalCondition))
    }

    /// A⁻¹ (n×n): from the Cholesky factor when A is symmetric positive definite, else LU.
    public static func inverse(_ a: Matrix) throws(LinearAlgebraError) -> (Matrix, condition: Double) {
        guard a.isFinite else { throw .nonFinite }
        if a == a.transposed, let cholesky = try? Cholesky(a) {
            return (cholesky.inverse(), cholesky.conditionNumber)
        }
        let lu = try LUDecomposition(a)
        return (try lu.inverse(), condition(reciprocal: lu.reciprocalCondition))
    }

    /// The Cholesky factorization of a symmetric positive-definite A, or the error naming
    /// the pivot and suggesting jitter.
    public static func cholesky(_ a: Matrix) throws(LinearAlgebraError) -> Cholesky {
        try Cholesky(a)
    }

    /// det A through LU, with κ₁(A).
    public static func determinant(_ a: Matrix) throws(LinearAlgebraError) -> (Double, condition: Double) {
        let lu = try LUDecomposition(a)
        return (lu.determinant, condition(reciprocal: lu.reciprocalCondition))
    }

    /// Aᵏ for integer k by repeated squaring; a negative k inverts first.
    public static func power(_ a: Matrix, _ k: Int) throws(LinearAlgebraError) -> (Matrix, condition: Double) {
        if k < 0 {
            let (inverse, condition) = try inverse(a)
            return (try power(inverse, -k).0, condition)
        }
        return (try a.power(k), 1)
    }
}
