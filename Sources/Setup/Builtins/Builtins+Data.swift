import Foundation
import Numerics

extension Builtins {
    /// `randn(n[, m], seed: s)`, `rand(n[, m], seed: s)` (see `SeededRandom`) and `csv(path)`.
    static let data: [String: Builtin] = [
        "randn": random { $0.normal() },
        "rand": random { $0.uniform() },
        "csv": Builtin(arity: 1...1) { call throws(EvaluationError) in
            guard case .string(let path) = call.arguments[0] else {
                throw call.fail(
                    .invalid, "'csv' takes a file name in double quotes", help: "write csv(\"data/file.csv\")",
                    argument: 0)
            }
            do throws(EvaluationError) {
                let matrix = try call.context.data.table(path)
                try call.context.checkSize(rows: matrix.rows, columns: matrix.columns)
                return .value(Value(matrix))
            } catch {
                throw error.located(at: call.argumentRanges.first ?? call.range)
            }
        },
    ]

    /// An n×m (n×1) matrix of seeded numbers, filled column by column.
    static func random(_ draw: @escaping @Sendable (inout SeededRandom) -> Double) -> Builtin {
        Builtin(arity: 1...2, labels: ["seed"]) { call throws(EvaluationError) in
            let rows = try call.size(0)
            let columns = call.arguments.count > 1 ? try call.size(1) : 1
            guard call.labelled.contains(where: { $0.0 == "seed" }) else {
                throw call.fail(
                    .invalid, "'\(call.name)' needs a seed, so that every run draws the same numbers",
                    help: "write \(call.name)(\(rows)\(call.arguments.count > 1 ? ", \(columns)" : ""), seed: 1)")
            }
            let seed = try call.labelledScalar("seed", default: nil)
            guard seed >= 0, seed == seed.rounded(), seed < 0x1p63 else {
                throw call.fail(.invalid, "'seed:' is an integer ≥ 0; got \(seed)", label: "seed")
            }
            try call.checkSize(rows: rows, columns: columns)
            var generator = SeededRandom(seed: UInt64(seed))
            var elements = [Double]()
            elements.reserveCapacity(rows * columns)
            for _ in 0..<(rows * columns) { elements.append(draw(&generator)) }
            return .value(Value(Matrix(rows: rows, columns: columns, elements: elements)))
        }
    }
}
