import Foundation
import Numerics

extension Builtins {
    /// `exp log sqrt sin cos abs` entry by entry; `sum` and `mean` as in MATLAB (a vector to
    /// a scalar, a matrix to the row of its column sums, `dim: 2` to the column of row sums);
    /// `zeros`, `ones`, `size`.
    static let elementwise: [String: Builtin] = [
        "exp": map(.exp),
        "log": map(.log),
        "sqrt": map(.sqrt),
        "sin": map(.sin),
        "cos": map(.cos),
        "abs": map(.abs),
        "sum": Builtin(arity: 1...1, labels: ["dim"]) { call throws(EvaluationError) in
            try reduce(call) { $0.reduce(0, +) }
        },
        "mean": Builtin(arity: 1...1, labels: ["dim"]) { call throws(EvaluationError) in
            try reduce(call) { $0.reduce(0, +) / Double($0.count) }
        },
        "zeros": filled(0),
        "ones": filled(1),
        "size": Builtin(arity: 2...2) { call throws(EvaluationError) in
            let m = try call.value(0).matrix
            switch try call.scalar(1, "1 or 2") {
            case 1: return .value(Value(scalar: Double(m.rows)))
            case 2: return .value(Value(scalar: Double(m.columns)))
            default: throw call.fail(.invalid, "'size' takes dimension 1 (rows) or 2 (columns)", argument: 1)
            }
        },
    ]

    /// A function applied to every entry.
    static func map(_ f: Arithmetic.Function) -> Builtin {
        Builtin(arity: 1...1) { call throws(EvaluationError) in
            let v = try call.value(0)
            return try call.arithmetic { () throws(ArithmeticError) in
                try Arithmetic.elementwise(f, v, policy: .setupLanguage)
            }
        }
    }

    /// `zeros(n[, m])`, `ones(n[, m])`: an n×m matrix (n×1 with one argument).
    static func filled(_ entry: Double) -> Builtin {
        Builtin(arity: 1...2) { call throws(EvaluationError) in
            let rows = try call.size(0)
            let columns = call.arguments.count > 1 ? try call.size(1) : 1
            try call.checkSize(rows: rows, columns: columns)
            return .value(Value(Matrix(rows: rows, columns: columns, repeating: entry)))
        }
    }

    /// A reduction over a vector, or over the columns (`dim: 1`, the default for a matrix) or
    /// rows (`dim: 2`) of a matrix.
    static func reduce(_ call: BuiltinCall, _ f: ([Double]) -> Double) throws(EvaluationError) -> Runtime {
        let v = try call.value(0)
        let m = v.matrix
        let dim = try call.labelledScalar("dim", default: m.columns == 1 || m.rows == 1 ? 0 : 1)
        switch dim {
        case 0: return .value(v.with(Matrix(scalar: f(m.elements))))
        case 1:
            return .value(
                v.with(Matrix(rows: 1, columns: m.columns, elements: (0..<m.columns).map { f(m.column($0).elements) })))
        case 2: return .value(v.with(Matrix(column: (0..<m.rows).map { f(m.row($0).elements) })))
        default: throw call.fail(.invalid, "'dim:' of '\(call.name)' is 1 (columns) or 2 (rows)", label: "dim")
        }
    }
}
