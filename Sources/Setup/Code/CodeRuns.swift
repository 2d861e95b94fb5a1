import Diagnostics
import Foundation
import Numerics

/// The runs of a notebook's code cells, shared by every scope of the notebook: each run is
/// remembered by its cell and the bits of its inputs, so a perturbed view that needs a cell
/// at inputs already seen does not run it again.
///
/// The first run of a cell at the base point is made twice, and the two must agree bit for
/// bit: derivatives of code that answers differently at one point are meaningless.
final class CodeRuns: @unchecked Sendable {
    /// The executor, or nil when code is not allowed.
    let executor: CodeExecutor?
    private let lock = NSLock()
    private var runs: [Key: Result<CodeRun, EvaluationError>] = [:]
    private let clockLock = NSLock()
    private var spent: Double = 0

    /// Seconds spent in code so far, which the gp time budget does not count.
    var seconds: Double { clockLock.withLock { spent } }

    struct Key: Hashable {
        let cell: Int
        let inputs: [String: [UInt64]]
    }

    init(executor: CodeExecutor?) {
        self.executor = executor
    }

    /// The run of `cell` at `inputs`; `base` asks for the determinism check.
    func run(_ cell: CodeCell, inputs: [String: Matrix], base: Bool) throws(EvaluationError) -> CodeRun {
        guard let executor else {
            throw EvaluationError(
                .codeNotRun, "not run: code cells need --allow-code",
                help: "run derive with --allow-code (or DERIVE_ALLOW_CODE=1) if you trust this notebook's code",
                range: cell.range)
        }
        let key = Key(
            cell: cell.index,
            inputs: inputs.mapValues { [UInt64($0.rows), UInt64($0.columns)] + $0.elements.map(\.bitPattern) })
        // One cell at a time: the process behind the executor answers one request at a time.
        lock.lock()
        defer { lock.unlock() }
        if let known = runs[key] { return try known.get() }
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let taken = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            clockLock.withLock { spent += taken }
        }
        let result = Result { () throws(EvaluationError) -> CodeRun in
            let first = try executor.run(cell, inputs: inputs)
            guard base else { return first }
            let second = try executor.run(cell, inputs: inputs)
            if let difference = Self.difference(first, second) {
                throw EvaluationError(
                    .invalid, "the cell is not deterministic: \(difference) between two runs at the same inputs",
                    help:
                        "seed its random numbers or remove what varies from run to run; derivatives of code that gives different answers at one point are meaningless",
                    range: cell.range)
            }
            return first
        }
        runs[key] = result
        return try result.get()
    }

    /// Where two runs differ, in words, or nil when every value is bit for bit the same.
    static func difference(_ a: CodeRun, _ b: CodeRun) -> String? {
        for name in a.values.keys.sorted() {
            guard let x = a.values[name], let y = b.values[name] else { return "'\(name)' is missing" }
            let (left, right): ([Matrix], [Matrix]) =
                switch (x, y) {
                case (.value(let p), .value(let q)): ([p], [q])
                case (.family(let p), .family(let q)): (p, q)
                default: ([], [Matrix(scalar: 0)])
                }
            guard left.count == right.count else { return "'\(name)' changes its shape" }
            for (p, q) in zip(left, right) {
                guard p.rows == q.rows, p.columns == q.columns else { return "'\(name)' changes its shape" }
                var worst = -1.0
                var at = 0
                for k in p.elements.indices where p.elements[k].bitPattern != q.elements[k].bitPattern {
                    let gap = abs(p.elements[k] - q.elements[k])
                    if !(gap <= worst) {
                        worst = gap.isNaN ? .infinity : gap
                        at = k
                    }
                }
                if worst >= 0 {
                    let position = p.isScalar ? "" : " at [\(at % p.rows + 1), \(at / p.rows + 1)]"
                    return "'\(name)' differs by \(worst)\(position)"
                }
            }
        }
        return nil
    }
}
