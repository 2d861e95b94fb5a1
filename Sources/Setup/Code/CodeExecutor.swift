import Diagnostics
import Numerics

/// What a name defined by a code cell holds after one run.
public enum CodeValue: Sendable, Hashable, Codable {
    /// A scalar (1×1), a vector (n×1) or a matrix.
    case value(Matrix)
    /// A family from a 3-D array n×m×p: member k (1-based) is the n×m slice `[:, :, k]`.
    case family([Matrix])

    /// What it is, in words: "a 25×25 matrix", "a family of 3 25×25 matrices".
    public var description: String {
        switch self {
        case .value(let matrix): Value(matrix).shapeDescription
        case .family(let members):
            "a family of \(members.count) \(members.first.map { "\($0.rows)×\($0.columns)" } ?? "") matrices"
        }
    }
}

/// A remark about one defined value of a run, shown as a warning at the name: a float32 result.
public struct CodeNote: Sendable, Hashable, Codable {
    /// The gp name.
    public var name: String
    /// What is remarkable, lower case.
    public var message: String
    /// How to avoid it.
    public var help: String?

    /// A note.
    public init(name: String, message: String, help: String? = nil) {
        self.name = name
        self.message = message
        self.help = help
    }
}

/// What a code cell produced at one set of inputs.
public struct CodeRun: Sendable, Hashable, Codable {
    /// Each defined name's value, by gp name.
    public var values: [String: CodeValue]
    /// What the cell printed on stdout and stderr during the run (capped).
    public var printed: String
    /// Remarks about the values.
    public var notes: [CodeNote]

    /// A run's results.
    public init(values: [String: CodeValue], printed: String = "", notes: [CodeNote] = []) {
        self.values = values
        self.printed = printed
        self.notes = notes
    }
}

/// Runs code cells: a long-lived process per notebook and language behind it. Only a
/// notebook evaluated with code allowed has one; without it, every value a code cell defines
/// is "not run".
///
/// Errors are `EvaluationError`s placed in the notebook (the cell, or the line of the cell
/// where the code failed).
public protocol CodeExecutor: AnyObject, Sendable {
    /// Runs `cell` with the values of its reads (by gp name) and returns what it defined.
    func run(_ cell: CodeCell, inputs: [String: Matrix]) throws(EvaluationError) -> CodeRun
}
