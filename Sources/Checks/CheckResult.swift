import Diagnostics
import Numerics
import Setup

/// One `=` of a checked equation, judged or not run: what the report and `derive check`
/// show. Every `=` the parse found has one, whatever stopped it.
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
    /// Why the check did not run, when it did not: then `judgement` has no rows.
    public var notRun: NotRun?

    /// The judge's verdict (inconclusive for a check that did not run: see `status`).
    public var verdict: Verdict { judgement.verdict }

    /// What became of the check: its verdict, or not run.
    public var status: CheckStatus { notRun != nil ? .notRun : CheckStatus(verdict) }

    /// Whether every row has both sides ≈ 0.
    public var isVacuous: Bool { !judgement.rows.isEmpty && judgement.rows.allSatisfy(\.vacuous) }
}

extension CheckResult {
    /// A check that did not run, for `reason`.
    public init(notRun planned: PlannedCheck, reason: String, cause: NotRun.Cause, limit: EvaluationLimit? = nil) {
        cell = planned.cell
        equation = planned.equation
        step = planned.step
        range = planned.range
        relation = planned.relation
        leftTeX = planned.leftTeX
        rightTeX = planned.rightTeX
        claimIsLeft = false
        leftIsDerivative = false
        rightIsDerivative = false
        rowIndices = []
        entryIndices = []
        assignments = []
        judgement = CheckJudgement(rows: [], verdict: .inconclusive, hints: [], warnings: [])
        parameterName = nil
        label = planned.label
        notRun = NotRun(reason: reason, cause: cause, limit: limit)
    }
}

/// Why a check did not run: the reason in words, and the sandbox's limit when one stopped it
/// (which a larger limit on the command line would let it pass).
public struct NotRun: Sendable, Codable, Hashable {
    /// What stopped a check.
    public enum Cause: String, Sendable, Codable, Hashable {
        /// An error of its own (a shape, a factorisation), reported at the check.
        case error
        /// A definition it uses could not be evaluated; reported at the definition.
        case dependency
        /// A limit of the sandbox (`limit` says which); reported for all the checks it stopped.
        case limit
    }

    /// Why, in words, lower case: "the time budget of 20 s was spent".
    public var reason: String
    /// What stopped it.
    public var cause: Cause
    /// The limit that stopped it, if one did.
    public var limit: EvaluationLimit?

    /// A reason.
    public init(reason: String, cause: Cause, limit: EvaluationLimit? = nil) {
        self.reason = reason
        self.cause = limit == nil ? cause : .limit
        self.limit = limit
    }
}

/// What became of a check: the judge's verdict, or not run.
public enum CheckStatus: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// Both sides agree within their error bounds.
    case pass
    /// They disagree far beyond, confirmed.
    case fail
    /// Neither could be decided.
    case inconclusive
    /// The check could not be evaluated (a limit, a failed factorisation, an error): it is
    /// never a pass, and the notebook exits 3.
    case notRun = "not-run"

    private var rank: Int {
        switch self {
        case .pass: 0
        case .inconclusive: 1
        case .fail: 2
        case .notRun: 3
        }
    }

    public static func < (a: CheckStatus, b: CheckStatus) -> Bool { a.rank < b.rank }

    /// A judged check's verdict.
    public init(_ verdict: Verdict) {
        switch verdict {
        case .pass: self = .pass
        case .fail: self = .fail
        case .inconclusive: self = .inconclusive
        }
    }

    /// "PASS", "FAIL", "INCONCLUSIVE", "NOT RUN", as the text format and badges show it.
    public var title: String { self == .notRun ? "NOT RUN" : rawValue.uppercased() }
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
