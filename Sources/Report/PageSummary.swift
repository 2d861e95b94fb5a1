import Checks
import Numerics
import Pipeline
import Setup
import TeX

/// The top of a report: what a reviewer wants first — did it pass, what failed and why,
/// and where each check is — and the parameters the notebook was checked at.
enum PageSummary {
    static func html(_ run: NotebookRun, typesetter: MathTypesetter) -> String {
        let outcome = run.outcome
        let total = run.checks.count
        var html = "<section class=\"summary\" aria-labelledby=\"derive.summary\">\n"
        html += "<h2 id=\"derive.summary\">\(XMLText.escape(headline(outcome, total: total)))</h2>\n"
        html += "<p class=\"counts\">"
        html += chip("pass", outcome.passed, "pass")
        html += chip("fail", outcome.failed, outcome.expectsFailure ? "fail (expected)" : "fail")
        html += chip("inconclusive", outcome.inconclusive, "inconclusive")
        if outcome.notRun > 0 { html += chip("not-run", outcome.notRun, "not run") }
        let vacuous = run.checks.filter(\.isVacuous).count
        if vacuous > 0 { html += chip("vacuous", vacuous, "vacuous") }
        let errors = run.diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { html += chip("error", errors, errors == 1 ? "error" : "errors") }
        html += "</p>\n"
        if !run.checks.isEmpty {
            html += "<ol class=\"check-list\">\n"
            for check in run.checks {
                let expected = run.isExpectedFailure(check)
                let number = typesetter.number(forCell: check.cell).map { "(\($0.number)) " } ?? ""
                html += "<li><a href=\"#\(run.panelID(check))\">"
                html += Badge.html(check.status, vacuous: check.isVacuous, expected: expected, small: true)
                html += " <span class=\"eqref\">\(XMLText.escape(number))</span>"
                let formulas = run.formulas(of: check)
                html += typesetter.inline(formulas?.left, source: check.leftTeX) + CheckPanel.equals
                html += typesetter.inline(formulas?.right, source: check.rightTeX) + "</a>"
                let indices = check.rowIndices + check.entryIndices
                if !indices.isEmpty { html += " <span class=\"muted\">\(CheckPanel.ranges(indices))</span>" }
                if let notRun = check.notRun {
                    html += "<br><span class=\"hint-line\">did not run: \(XMLText.escape(notRun.reason))</span>"
                } else if let hint = check.judgement.hints.first, check.verdict != .pass {
                    html += "<br><span class=\"hint-line\">\(XMLText.escape(hint.message))</span>"
                }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        html += VerdictGrid.html(run, typesetter: typesetter)
        html += parameters(run)
        return html + "</section>\n"
    }

    /// "All 8 checks pass", "2 of 11 checks fail", …
    static func headline(_ outcome: CheckOutcome, total: Int) -> String {
        if outcome.notRun > 0 { return "\(outcome.notRun) of \(total) checks did not run" }
        if outcome.hasErrors { return "The notebook has errors" }
        if total == 0 { return "No checked equations" }
        if outcome.expectsFailure {
            return outcome.failed > 0
                ? "A lesson: \(outcome.failed) of \(total) checks fail, as expected"
                : "Marked as a lesson, but no check fails"
        }
        if outcome.failed > 0 { return "\(outcome.failed) of \(total) checks fail" }
        if outcome.inconclusive > 0 {
            return "\(outcome.passed) of \(total) checks pass, \(outcome.inconclusive) inconclusive"
        }
        return total == 1 ? "The check passes" : "All \(total) checks pass"
    }

    private static func chip(_ kind: String, _ count: Int, _ label: String) -> String {
        "<span class=\"chip \(kind)\(count == 0 ? " zero" : "")\">\(count) \(XMLText.escape(label))</span> "
    }

    /// The `param`s of the notebook and their values: the point every check was made at.
    private static func parameters(_ run: NotebookRun) -> String {
        let entries = run.evaluation.blocks.flatMap(\.entries).filter { $0.kind == .parameter }
        guard !entries.isEmpty else { return "" }
        var html = "<dl class=\"parameters\"><dt class=\"caption\">Checked at</dt>"
        for entry in entries {
            let (_, detail, _) = SetupResults.describe(entry)
            html += "<div><dt><code>\(XMLText.escape(entry.name))</code></dt><dd>\(detail)</dd></div>"
        }
        return html + "</dl>\n"
    }
}
