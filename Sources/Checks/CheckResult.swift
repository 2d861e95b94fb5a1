import Diagnostics
import Numerics
import Setup

/// One `=` of a checked equation, judged: what the report and `derive check` show.
public struct CheckResult: Sendable, Codable, Hashable {
    /// The check cell, as an index into the notebook's cells.
    public var cell: Int
    /// The equation within the cell (0-based), and the `=` within its chain (0-based).
    public var equation: Int
    public var step: Int
    /// The two sides in the notebook, `=` included.
    public var range: SourceRange
    /// The `=` itself in the notebook: what identifies the check (`path:line:col` in every
    /// output format).
    public var relation: SourceRange
    /// The TeX of each side, as written.
    public var leftTeX: String
    public var rightTeX: String
    /// Whether the left side is the claim (the hand-derived formula) and the right the
    /// reference; otherwise the reverse. An analytic side is the claim when the other is a
    /// derivative; between two of a kind, the right side is the claim.
    public var claimIsLeft: Bool
    /// Whether each side holds a derivative (and so is a finite difference).
    public var leftIsDerivative: Bool
    public var rightIsDerivative: Bool
    /// The free indices the rows run over, in order, with their ranges.
    public var rowIndices: [IndexRange]
    /// The indices that make the equation elementwise (`K_{ab}`), with their lengths.
    public var entryIndices: [IndexRange]
    /// For each row, the value of each row index, in the order of `rowIndices`.
    public var assignments: [[Int]]
    /// The judge's verdict, rows, hints and warnings.
    public var judgement: CheckJudgement
    /// The parameter the hints speak of (`λ`), when the rows differentiate one.
    public var parameterName: String?
    /// The equation's `\label`, if any.
    public var label: String?

    /// The check's verdict.
    public var verdict: Verdict { judgement.verdict }

    /// Whether every row has both sides ≈ 0.
    public var isVacuous: Bool { !judgement.rows.isEmpty && judgement.rows.allSatisfy(\.vacuous) }
}

/// A free index and the values it takes, 1…upper.
public struct IndexRange: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The letter.
    public var name: String
    /// The last value (the first is 1).
    public var upper: Int

    public var description: String { "\(name) = 1…\(upper)" }
}

extension NotebookDefinitions: CheckNames {
    /// How a checked equation may use a name: values and parameters as values, families
    /// with their arity, and notebook functions and builtins as functions.
    public func checkKind(of name: String) -> CheckNameKind? {
        switch kind(of: name) {
        case .value?, .parameter?: return .value
        case .family(let count)?: return .family(arity: count)
        case .function?: return .function
        case nil: return Builtins.isFunction(name) ? .function : nil
        }
    }

    /// Every definition and builtin function.
    public var checkNames: [String] { names + Builtins.functionNames }
}
