import Foundation
import Numerics

extension Builtins {
    /// `solve inv chol logdet det tr diag outer dot cond eye`, `sqdist cdist`, `lml`.
    static let linearAlgebra: [String: Builtin] = [
        "solve": Builtin(arity: 2...2) { call throws(EvaluationError) in
            let a = try square(call, 0)
            let b = try call.value(1).matrix
            guard b.rows == a.rows else {
                throw call.fail(
                    .shape, "'solve' needs a right-hand side with \(a.rows) rows; got \(b.rows)×\(b.columns)",
                    argument: 1)
            }
            do throws(LinearAlgebraError) {
                let (x, condition) = try Factorizations.solve(a, b)
                return call.result(x, conditioning: condition)
            } catch { throw call.locate(Factorizations.failure(error)) }
        },
        "inv": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try call.value(0)
            return try call.arithmetic { () throws(ArithmeticError) in try Arithmetic.inverse(a) }
        },
        // MATLAB's chol: the upper factor R with A = Rᵀ R.
        "chol": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try square(call, 0)
            do throws(LinearAlgebraError) {
                let cholesky = try Factorizations.cholesky(a)
                return call.result(cholesky.factor.transposed, conditioning: cholesky.conditionNumber)
            } catch { throw call.locate(Factorizations.failure(error)) }
        },
        // log det A = 2 Σᵢ log Lᵢᵢ from the Cholesky factor: stable where det under- or overflows.
        "logdet": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try call.value(0)
            return try call.arithmetic { () throws(ArithmeticError) in try Arithmetic.logDeterminant(a) }
        },
        "det": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try call.value(0)
            return try call.arithmetic { () throws(ArithmeticError) in try Arithmetic.determinant(a) }
        },
        "tr": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try call.value(0)
            return try call.arithmetic { () throws(ArithmeticError) in try Arithmetic.trace(a) }
        },
        // diag(v) is the square matrix with v on its diagonal; diag(A) the diagonal of A.
        "diag": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let a = try call.value(0)
            let maximum = call.context.options.maxElements
            return try call.arithmetic(argument: nil) { () throws(ArithmeticError) in
                try Arithmetic.diag(a, maxElements: maximum)
            }
        },
        // outer(a, b) = a bᵀ for vectors a (n) and b (m): n×m.
        "outer": Builtin(arity: 2...2) { call throws(EvaluationError) in
            let a = try vector(call, 0)
            let b = try vector(call, 1)
            try call.checkSize(rows: a.count, columns: b.count)
            return call.result(a.multiplied(by: b, transposingOther: true))
        },
        // dot(a, b) = Σᵢ aᵢ bᵢ for vectors of one length.
        "dot": Builtin(arity: 2...2) { call throws(EvaluationError) in
            let a = try vector(call, 0)
            let b = try vector(call, 1)
            guard a.count == b.count else {
                throw call.fail(.shape, "'dot' needs vectors of one length; got \(a.count) and \(b.count)")
            }
            return call.result(Matrix(scalar: zip(a.elements, b.elements).reduce(0) { $0 + $1.0 * $1.1 }))
        },
        // κ₂(A) = σ_max / σ_min.
        "cond": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let m = try call.value(0).matrix
            do throws(LinearAlgebraError) {
                return call.result(Matrix(scalar: try m.conditionNumber()))
            } catch {
                throw call.locate(Factorizations.failure(error))
            }
        },
        "eye": Builtin(arity: 1...1) { call throws(EvaluationError) in
            let n = try call.size(0)
            try call.checkSize(rows: n, columns: n)
            return .value(Value(Matrix.identity(n)))
        },
        // sqdist(X, Y)ₐᵦ = ‖xₐ − yᵦ‖² over the rows of X (n×d) and Y (m×d, default X).
        "sqdist": Builtin(arity: 1...2) { call throws(EvaluationError) in
            let (x, y) = try pair(call)
            return call.result(distances(x, y, squared: true))
        },
        // cdist(X, Y)ₐᵦ = ‖xₐ − yᵦ‖ (scipy's cdist, Euclidean).
        "cdist": Builtin(arity: 1...2) { call throws(EvaluationError) in
            let (x, y) = try pair(call)
            return call.result(distances(x, y, squared: false))
        },
        // R&W Alg. 2.1: log p(y) = −½ yᵀK⁻¹y − ½ log det K − n/2 log 2π (the numerics core's).
        "lml": Builtin(arity: 2...2) { call throws(EvaluationError) in
            let k = try square(call, 0)
            let y = try call.value(1).matrix
            guard y.rows == k.rows else {
                throw call.fail(
                    .shape, "'lml' needs targets with \(k.rows) rows; got \(y.rows)×\(y.columns)", argument: 1)
            }
            let cholesky: Cholesky
            do throws(LinearAlgebraError) {
                cholesky = try Factorizations.cholesky(k)
            } catch {
                throw call.locate(Factorizations.failure(error))
            }
            do throws(LinearAlgebraError) {
                let value = try LogMarginalLikelihood.value(covariance: k, y: y)
                return call.result(Matrix(scalar: value), conditioning: cholesky.conditionNumber)
            } catch {
                throw call.locate(Factorizations.failure(error))
            }
        },
    ]

    /// Argument `i` as a square matrix.
    static func square(_ call: BuiltinCall, _ i: Int) throws(EvaluationError) -> Matrix {
        let v = try call.value(i)
        guard v.matrix.isSquare else {
            throw call.fail(.shape, "'\(call.name)' needs a square matrix; got \(v.shape)", argument: i)
        }
        return v.matrix
    }

    /// Argument `i` as a vector (a column, a row or a scalar), returned as a column.
    static func vector(_ call: BuiltinCall, _ i: Int) throws(EvaluationError) -> Matrix {
        let m = try call.value(i).matrix
        guard m.columns == 1 || m.rows == 1 else {
            throw call.fail(.shape, "'\(call.name)' needs a vector; got \(m.rows)×\(m.columns)", argument: i)
        }
        return Matrix(column: m.elements)
    }

    /// X and Y (default X) with one number of columns, and the n×m result within the limit.
    static func pair(_ call: BuiltinCall) throws(EvaluationError) -> (Matrix, Matrix) {
        let x = try call.value(0).matrix
        let y = call.arguments.count > 1 ? try call.value(1).matrix : x
        guard x.columns == y.columns else {
            throw call.fail(
                .shape,
                "'\(call.name)' needs points with one number of coordinates; got \(x.columns) and \(y.columns) columns",
                argument: 1)
        }
        try call.checkSize(rows: x.rows, columns: y.rows)
        return (x, y)
    }

    /// Dₐᵦ = Σₖ (xₐₖ − yᵦₖ)², or its square root.
    static func distances(_ x: Matrix, _ y: Matrix, squared: Bool) -> Matrix {
        Matrix(rows: x.rows, columns: y.rows) { a, b in
            var sum = 0.0
            for k in 0..<x.columns {
                let d = x[a, k] - y[b, k]
                sum += d * d
            }
            return squared ? sum : sum.squareRoot()
        }
    }
}
