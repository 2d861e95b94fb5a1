import Checks
import Diagnostics

/// What `derive check` found, as every summary format reads it: the runs of the notebooks it
/// could read, the notebooks it could not, and how strictly to judge them.
public struct CheckResults: Sendable {
    /// One run per notebook, in the order the notebooks were found.
    public var runs: [NotebookRun]
    /// Problems outside any notebook's text (a file that cannot be read), as errors without a
    /// position.
    public var unreadable: [Diagnostic]
    /// `--strict`: warnings count as errors and inconclusive checks as failures.
    public var strict: Bool

    /// Results of `runs`, and of the notebooks that could not be read.
    public init(runs: [NotebookRun], unreadable: [Diagnostic] = [], strict: Bool = false) {
        self.runs = runs
        self.unreadable = unreadable
        self.strict = strict
    }

    /// The worst result of any notebook: what the exit status says.
    public var result: RunResult {
        let worst = runs.map { $0.result(strict: strict) }.max() ?? .pass
        return unreadable.isEmpty ? worst : .error
    }

    /// The counts of every run added up.
    public var total: CheckOutcome { runs.map(\.outcome).reduce(.zero) { $0.adding($1) } }
}

/// The result of a run, from the worst thing that happened in it.
public enum RunResult: String, Sendable, Hashable, Comparable {
    /// Every check passed (or, in a lesson marked `expect: fail`, failed as expected).
    case pass
    /// A check failed, or a lesson no longer fails; with `--strict`, also an inconclusive check.
    case fail
    /// A notebook error, or a check that did not run; with `--strict`, also a warning.
    case error

    /// derive's exit status for it: 0, 1 or 3.
    public var exitStatus: Int32 {
        switch self {
        case .pass: 0
        case .fail: 1
        case .error: 3
        }
    }

    public static func < (a: RunResult, b: RunResult) -> Bool { a.exitStatus < b.exitStatus }
}

extension NotebookRun {
    /// The run's result: an error for a notebook error (with `strict`, also a warning), else a
    /// failure when the checks fail the run (`CheckOutcome.fails(strict:)`), else a pass.
    public func result(strict: Bool) -> RunResult {
        if outcome.notRun > 0
            || diagnostics.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) })
        {
            return .error
        }
        return outcome.fails(strict: strict) ? .fail : .pass
    }

    /// Whether `check` is a failure that the notebook (`expect: fail`) is kept to show.
    public func isExpectedFailure(_ check: CheckResult) -> Bool { expectsFailure && check.status == .fail }
}
