// The one file that calls OpenBLAS and LAPACKE. Every function takes and returns Swift
// values; no C pointer leaves this file. The `_work` variants of LAPACKE are used so that
// LAPACKE neither allocates nor scans the input for NaN on every call (small problems are
// the main load).
import CLapack

extension Matrix {
    /// The matrix product A·B through BLAS (`dgemm`, or `dgemv` when B is a column). A 1×1
    /// operand scales the other, as in MATLAB.
    ///
    /// - Precondition: `a.columns == b.rows` unless one side is 1×1.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        if a.isScalar { return a.elements[0] * b }
        if b.isScalar { return a * b.elements[0] }
        return a.multiplied(by: b)
    }

    /// op(A)·op(B), where op transposes when asked: (m×k)·(k×n) → m×n, without forming the
    /// transposes.
    public func multiplied(
        by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false
    ) -> Matrix {
        let m = transposingSelf ? columns : rows
        let k = transposingSelf ? rows : columns
        let otherK = transposingOther ? other.columns : other.rows
        let n = transposingOther ? other.rows : other.columns
        precondition(k == otherK, "product of \(m)×\(k) and \(otherK)×\(n)")
        var result = [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, elements: result) }
        let transA = transposingSelf ? CblasTrans : CblasNoTrans
        elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    if n == 1 && !transposingOther {
                        cblas_dgemv(
                            CblasColMajor, transA, Int32(rows), Int32(columns), 1, a.baseAddress,
                            Int32(rows), b.baseAddress, 1, 0, c.baseAddress, 1)
                    } else {
                        let transB = transposingOther ? CblasTrans : CblasNoTrans
                        cblas_dgemm(
                            CblasColMajor, transA, transB, Int32(m), Int32(n), Int32(k), 1,
                            a.baseAddress, Int32(rows), b.baseAddress, Int32(other.rows), 0,
                            c.baseAddress, Int32(m))
                    }
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: result)
    }
}

/// Thin wrappers over LAPACK routines on column-major n×n storage. `info` codes are
/// returned as Swift integers and interpreted by the callers (`Cholesky`, `LUDecomposition`).
enum LAPACK {
    private static let lower = CChar(UInt8(ascii: "L"))
    private static let oneNorm = CChar(UInt8(ascii: "1"))

    /// dpotrf: A = L·Lᵀ in the lower triangle of `a` (n×n). Returns LAPACK's info.
    static func choleskyFactor(_ a: inout [Double], order n: Int) -> Int {
        Int(LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, lower, Int32(n), &a, Int32(Swift.max(n, 1))))
    }

    /// dpotrs: overwrites `b` (n×nrhs) with A⁻¹b given A's lower factor (n×n).
    static func choleskySolve(factor: [Double], order n: Int, _ b: inout [Double], columns nrhs: Int) {
        _ = LAPACKE_dpotrs_work(
            LAPACK_COL_MAJOR, lower, Int32(n), Int32(nrhs), factor, Int32(Swift.max(n, 1)), &b,
            Int32(Swift.max(n, 1)))
    }

    /// dpotri: overwrites the lower factor (n×n) with the lower triangle of A⁻¹.
    static func choleskyInverse(_ factor: inout [Double], order n: Int) -> Int {
        Int(LAPACKE_dpotri_work(LAPACK_COL_MAJOR, lower, Int32(n), &factor, Int32(Swift.max(n, 1))))
    }

    /// dlansy: the 1-norm of a symmetric matrix stored in its lower triangle (n×n).
    static func symmetricOneNorm(_ a: [Double], order n: Int) -> Double {
        var work = [Double](repeating: 0, count: Swift.max(n, 1))
        return LAPACKE_dlansy_work(LAPACK_COL_MAJOR, oneNorm, lower, Int32(n), a, Int32(Swift.max(n, 1)), &work)
    }

    /// dpocon: the reciprocal 1-norm condition estimate from the lower factor (n×n).
    static func choleskyReciprocalCondition(factor: [Double], order n: Int, norm: Double) -> Double {
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 3 * Swift.max(n, 1))
        var iwork = [Int32](repeating: 0, count: Swift.max(n, 1))
        _ = LAPACKE_dpocon_work(
            LAPACK_COL_MAJOR, lower, Int32(n), factor, Int32(Swift.max(n, 1)), norm, &rcond, &work, &iwork)
        return rcond
    }

    /// dgetrf: P·A = L·U in place (n×n), 1-based pivots. Returns LAPACK's info.
    static func luFactor(_ a: inout [Double], order n: Int, pivots: inout [Int32]) -> Int {
        Int(LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, Int32(n), Int32(n), &a, Int32(Swift.max(n, 1)), &pivots))
    }

    /// dgetrs: overwrites `b` (n×nrhs) with A⁻¹b from the LU factors.
    static func luSolve(factors: [Double], pivots: [Int32], order n: Int, _ b: inout [Double], columns nrhs: Int) {
        _ = LAPACKE_dgetrs_work(
            LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")), Int32(n), Int32(nrhs), factors,
            Int32(Swift.max(n, 1)), pivots, &b, Int32(Swift.max(n, 1)))
    }

    /// dgetri: overwrites the LU factors (n×n) with A⁻¹.
    static func luInverse(_ factors: inout [Double], pivots: [Int32], order n: Int) -> Int {
        var work = [Double](repeating: 0, count: Swift.max(64 * n, 1))
        return Int(
            LAPACKE_dgetri_work(
                LAPACK_COL_MAJOR, Int32(n), &factors, Int32(Swift.max(n, 1)), pivots, &work, Int32(work.count)))
    }

    /// dlange: the 1-norm of a general n×n matrix.
    static func generalOneNorm(_ a: [Double], order n: Int) -> Double {
        var work = [Double](repeating: 0, count: Swift.max(n, 1))
        return LAPACKE_dlange_work(LAPACK_COL_MAJOR, oneNorm, Int32(n), Int32(n), a, Int32(Swift.max(n, 1)), &work)
    }

    /// dgecon: the reciprocal 1-norm condition estimate from the LU factors (n×n).
    static func luReciprocalCondition(factors: [Double], order n: Int, norm: Double) -> Double {
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 4 * Swift.max(n, 1))
        var iwork = [Int32](repeating: 0, count: Swift.max(n, 1))
        _ = LAPACKE_dgecon_work(
            LAPACK_COL_MAJOR, oneNorm, Int32(n), factors, Int32(Swift.max(n, 1)), norm, &rcond, &work, &iwork)
        return rcond
    }

    /// dgesdd without vectors: the singular values of an m×n matrix, largest first, or nil
    /// when the iteration does not converge.
    static func singularValues(_ a: [Double], rows m: Int, columns n: Int) -> [Double]? {
        var copy = a
        var values = [Double](repeating: 0, count: Swift.min(m, n))
        var iwork = [Int32](repeating: 0, count: 8 * Swift.max(Swift.min(m, n), 1))
        var u = [0.0]
        var vt = [0.0]
        var query = 0.0
        let lda = Int32(Swift.max(m, 1))
        let jobz = CChar(UInt8(ascii: "N"))
        _ = LAPACKE_dgesdd_work(
            LAPACK_COL_MAJOR, jobz, Int32(m), Int32(n), &copy, lda, &values, &u, 1, &vt, 1, &query, -1,
            &iwork)
        var work = [Double](repeating: 0, count: Swift.max(Int(query), 1))
        let info = LAPACKE_dgesdd_work(
            LAPACK_COL_MAJOR, jobz, Int32(m), Int32(n), &copy, lda, &values, &u, 1, &vt, 1, &work,
            Int32(work.count), &iwork)
        return info == 0 ? values : nil
    }

    /// The number of threads OpenBLAS uses.
    static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of threads OpenBLAS uses (and the kernels' pair loops with it).
    static func setThreadCount(_ count: Int) { openblas_set_num_threads(Int32(Swift.max(count, 1))) }

    /// The CPU kernels OpenBLAS chose (`Haswell`, `SkylakeX`, …).
    static var coreName: String { openblas_get_corename().map { String(cString: $0) } ?? "unknown" }
}

/// The threads of the linear algebra, for programs that choose them.
public enum BLASThreads {
    /// One thread unless `OPENBLAS_NUM_THREADS` asks for more: a derivation's matrices are
    /// small, where threads cost more than they save, and one thread makes results the same
    /// on machines with different numbers of cores.
    public static func useOneUnlessAsked(environment: [String: String]) {
        if environment["OPENBLAS_NUM_THREADS"] == nil { LAPACK.setThreadCount(1) }
    }

    /// Uses `count` threads from now on.
    public static func set(_ count: Int) { LAPACK.setThreadCount(count) }

    /// The number of threads now in use.
    public static var count: Int { LAPACK.threadCount }

    /// The CPU kernels OpenBLAS runs (`Haswell`, `SkylakeX`, …), which `OPENBLAS_CORETYPE`
    /// can choose: for benchmarks, which must say what they measured.
    public static var kernels: String { LAPACK.coreName }
}
