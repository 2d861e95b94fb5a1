import Checks
import Diagnostics
import Numerics
import Pipeline
import Setup
import TeX

extension CheckSummary {
    /// A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a heading
    /// with the overall result and the counts, then per notebook a table of its checks with
    /// each equation in GitHub math. A notebook where everything passed folds its table away;
    /// one with a failure, an inconclusive check or a diagnostic shows it, followed by its
    /// diagnostics and, for each check that did not pass or has a warning, a `<details>` block
    /// with its rows, hints and warnings.
    public static func gfm(_ results: CheckResults) -> String {
        var out = GFMReport.heading(results)
        if !results.unreadable.isEmpty {
            out += "\n" + GFMText.fenced(DiagnosticRenderer().render(results.unreadable))
        }
        for run in results.runs { out += "\n" + GFMReport.notebook(run, strict: results.strict) }
        return out
    }
}

/// The walker behind `CheckSummary.gfm`.
enum GFMReport {
    static func heading(_ results: CheckResults) -> String {
        let total = results.total
        let title =
            switch results.result {
            case .pass where total.inconclusive == 1: "⚠️ derive check passed; 1 check is inconclusive"
            case .pass where total.inconclusive > 1:
                "⚠️ derive check passed; \(total.inconclusive) checks are inconclusive"
            case .pass: "✅ derive check passed"
            case .fail: "❌ derive check failed"
            case .error where total.notRun > 0:
                "🛑 derive check failed: \(total.notRun) check\(total.notRun == 1 ? " did" : "s did") not run"
            case .error: "🛑 derive check failed: notebook errors"
            }
        let notebooks = results.runs.count
        let checks = total.total
        var counts = "**\(checks) check\(checks == 1 ? "" : "s")** in \(notebooks) notebook"
        counts += notebooks == 1 ? "" : "s"
        let expected = results.runs.map { run in run.checks.filter(run.isExpectedFailure).count }.reduce(0, +)
        counts += ": \(total.passed) pass · \(total.failed) fail" + (expected > 0 ? " (\(expected) expected)" : "")
        counts += " · \(total.inconclusive) inconclusive"
        if total.notRun > 0 { counts += " · \(total.notRun) not run" }
        let diagnostics = results.runs.flatMap(\.diagnostics) + results.unreadable
        for severity in [Severity.error, .warning] {
            let n = diagnostics.filter { $0.severity == severity }.count
            if n > 0 { counts += " · \(n) \(severity.rawValue)\(n == 1 ? "" : "s")" }
        }
        if results.strict { counts += " (strict: warnings are errors, inconclusive checks fail)" }
        return "## \(title)\n\n\(counts)\n"
    }

    static func notebook(_ run: NotebookRun, strict: Bool) -> String {
        let result = run.result(strict: strict)
        let troubled = run.checks.filter {
            ($0.status != .pass && !run.isExpectedFailure($0)) || !$0.judgement.warnings.isEmpty
        }
        let clean = result == .pass && troubled.isEmpty && run.diagnostics.isEmpty
        let mark = result == .error ? "🛑" : result == .fail ? "❌" : clean ? "✅" : "⚠️"
        let path = run.notebook.file.path
        var out = "### \(mark) \(GFMText.escape(run.notebook.title ?? path))\n\n"
        out += "\(GFMText.code(path)) · \(GFMText.escape(CheckSummary.counts(run.outcome)))\n"
        if run.checks.isEmpty && clean { return out }
        let table = checksTable(run)
        if clean {
            return out + "\n<details><summary>Checks</summary>\n\n" + table + "\n</details>\n"
        }
        if !run.diagnostics.isEmpty { out += "\n" + GFMText.fenced(DiagnosticRenderer().render(run.diagnostics)) }
        if !run.checks.isEmpty { out += "\n" + table }
        for check in troubled { out += "\n" + details(check, in: run) }
        return out
    }

    static func checksTable(_ run: NotebookRun) -> String {
        let macros = run.math.macroNames
        var out = "| Verdict | Line | Equation | Indices |\n| :-- | --: | :-- | :-- |\n"
        for check in run.checks {
            let indices = SummaryText.indices(check)
            out += "| \(badge(check, in: run)) | \(lineCell(check, in: run)) "
            out += "| \(GFMText.math(SummaryText.equation(check), macros: macros)) "
            out += "| \(indices.isEmpty ? "—" : GFMText.escape(indices)) |\n"
        }
        return out
    }

    /// The rows of a check that did not pass (or that has warnings), its hints and warnings,
    /// folded under one line.
    static func details(_ check: CheckResult, in run: NotebookRun) -> String {
        let line = run.notebook.file.location(of: check.range.lowerBound).line
        var summary = "\(check.status.title) at line \(line)"
        if let notRun = check.notRun {
            summary += ": " + notRun.reason
        } else if let hint = check.judgement.hints.first {
            summary += ": " + hint.message
        } else if let reason = check.judgement.rows.first(where: { $0.verdict != .pass })?.reason {
            summary += ": " + reason
        } else if let warning = check.judgement.warnings.first {
            summary += ", with a warning: " + warning
        }
        var out = "<details><summary>\(XMLText.escape(summary))</summary>\n\n"
        if let notRun = check.notRun {
            return out + "**Did not run:** \(GFMText.escape(notRun.reason))\n\n</details>\n"
        }
        out += "| Row | Verdict | Claimed | Reference | Rel. error | Ratio | Why |\n"
        out += "| :-- | :-- | --: | --: | --: | --: | :-- |\n"
        for (row, values) in zip(check.judgement.rows, check.assignments) {
            let name = SummaryText.assignment(values, of: check)
            out += "| \(name.isEmpty ? "—" : GFMText.escape(name)) | \(rowBadge(row)) "
            out += "| \(row.claimed.map { GFMText.escape(SummaryText.value($0)) } ?? "—") "
            out += "| \(row.reference.map { GFMText.escape(SummaryText.value($0)) } ?? "—") "
            out += "| \(row.relativeError.map(NumberText.noise) ?? "—") "
            out += "| \(row.ratio.map { NumberText.format($0, significant: 4) } ?? "—") "
            out += "| \(GFMText.escape(row.reason)) |\n"
        }
        for hint in check.judgement.hints { out += "\n**Hint:** \(GFMText.escape(hint.message))\n" }
        for warning in check.judgement.warnings { out += "\n**Warning:** \(GFMText.escape(warning))\n" }
        return out + "\n</details>\n"
    }

    static func badge(_ check: CheckResult, in run: NotebookRun) -> String {
        let vacuous = check.isVacuous ? " (vacuous)" : ""
        switch check.status {
        case .pass: return "✅ pass" + vacuous
        case .fail: return run.isExpectedFailure(check) ? "☑️ fail (expected)" : "❌ **fail**"
        case .inconclusive: return "⚠️ inconclusive" + vacuous
        case .notRun: return "⛔ **not run**"
        }
    }

    static func rowBadge(_ row: RowJudgement) -> String {
        let vacuous = row.vacuous ? " (vacuous)" : ""
        switch row.verdict {
        case .pass: return "✅ pass" + vacuous
        case .fail: return "❌ fail" + vacuous
        case .inconclusive: return "⚠️ inconclusive" + vacuous
        }
    }

    /// The line of a check, with its label when it has one.
    static func lineCell(_ check: CheckResult, in run: NotebookRun) -> String {
        let line = String(run.notebook.file.location(of: check.range.lowerBound).line)
        return check.label.map { "\(line) (\(GFMText.code($0)))" } ?? line
    }
}
