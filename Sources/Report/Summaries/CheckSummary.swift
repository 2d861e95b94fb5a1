import Checks
import Diagnostics
import Numerics
import Pipeline
import Setup

/// The formats of `derive check`'s output.
public enum CheckFormat: String, Sendable, CaseIterable {
    /// One line per check and a count per notebook, for a terminal or a CI log.
    case text
    /// The whole result as JSON (docs/check-json.md).
    case json
    /// A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
    case gfm
    /// JUnit XML, one test case per check row, for CI test reporters.
    case junit
}

/// Summaries of check runs for the terminal, CI logs and pull requests. Each format lives in
/// its own file as one entry point that walks the runs; this one holds the text format.
public enum CheckSummary {
    /// `results` in `format`.
    public static func render(_ results: CheckResults, format: CheckFormat) -> String {
        switch format {
        case .text: text(results.runs)
        case .json: json(results)
        case .gfm: gfm(results)
        case .junit: junit(results)
        }
    }

    /// One line per check, at the position of its `=`, and a summary line per notebook and
    /// for the whole run:
    ///
    /// ```
    /// notebooks/seed.md:58:34: PASS ∂K/∂λ_i = … [i = 1…3]
    /// notebooks/seed.md: 7 checks: 7 pass
    /// ```
    public static func text(_ runs: [NotebookRun]) -> String {
        var out = ""
        for run in runs {
            let file = run.notebook.file
            for check in run.checks {
                let location = file.location(of: check.relation.lowerBound)
                let verdict = check.status.title
                let expected = run.isExpectedFailure(check) ? " (expected)" : ""
                let vacuous = check.isVacuous ? " (vacuous)" : ""
                let indices = SummaryText.indices(check)
                out += "\(file.path):\(location.line):\(location.column): \(verdict)\(expected)\(vacuous) "
                out += SummaryText.equation(check)
                out += indices.isEmpty ? "" : " [\(indices)]"
                if let hint = check.judgement.hints.first { out += " — \(hint.message)" }
                if let notRun = check.notRun { out += " — did not run: \(notRun.reason)" }
                if check.status == .inconclusive,
                    let reason = check.judgement.rows.first(where: { $0.verdict == .inconclusive })?.reason
                {
                    out += " — \(reason)"
                }
                out += "\n"
            }
            out += "\(file.path): \(counts(run.outcome))\n"
        }
        if runs.count > 1 {
            let outcomes = runs.map(\.outcome)
            let total = outcomes.reduce(CheckOutcome.zero) { $0.adding($1) }
            let expected = outcomes.filter(\.expectsFailure).map(\.failed).reduce(0, +)
            out += "\(runs.count) notebooks: \(counts(total, expectedFailures: expected))\n"
        }
        return out
    }

    /// `7 checks: 5 pass, 1 fail, 1 inconclusive`, with expected failures and a lesson that no
    /// longer fails called out.
    static func counts(_ outcome: CheckOutcome, expectedFailures: Int? = nil) -> String {
        let total = outcome.total
        var parts = ["\(outcome.passed) pass"]
        if outcome.failed > 0 || outcome.expectsFailure {
            var fail = "\(outcome.failed) fail"
            if outcome.expectsFailure {
                fail += " (expected)"
            } else if let expectedFailures, expectedFailures > 0 {
                fail += " (\(expectedFailures) expected)"
            }
            parts.append(fail)
        }
        if outcome.inconclusive > 0 { parts.append("\(outcome.inconclusive) inconclusive") }
        if outcome.notRun > 0 { parts.append("\(outcome.notRun) not run") }
        var text = "\(total) check\(total == 1 ? "" : "s"): " + parts.joined(separator: ", ")
        if outcome.isSurprisePass { text += "; marked 'expect: fail' but nothing failed" }
        return text
    }
}
