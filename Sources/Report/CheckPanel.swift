import Checks
import Numerics
import Pipeline
import Setup
import TeX

/// The panel of one `=` of a checked equation: the verdict, which side is the claim, the
/// hint, the rows, and the figures that make the verdict visible — heatmaps of both sides
/// and their difference for matrices, and the step sweep of the finite differences.
struct CheckPanel {
    let result: CheckResult
    let run: NotebookRun
    let typesetter: MathTypesetter
    /// The panel's anchor, `check.<equation>.<k>`.
    let id: String
    /// The anchor of the equation it belongs to, for the way back.
    let equation: (anchor: String, number: String)?
    /// Which `=` of the cell this is — "line 3 of 11", "step 2 of 3", "line 2 of 4, step 1
    /// of 2" — when the cell has more than one; nil for a cell's only `=`.
    let position: String?

    var expectedFailure: Bool { run.isExpectedFailure(result) }

    func html() -> String {
        let verdict = result.status.rawValue
        var html = "<article class=\"check-panel \(verdict)\" id=\"\(id)\">\n<header>"
        html += Badge.html(result.status, vacuous: result.isVacuous, expected: expectedFailure)
        if let equation {
            html +=
                " <a class=\"eqref\" href=\"#\(equation.anchor)\" title=\"back to the equation\">(\(XMLText.escape(equation.number)))</a>"
        }
        if let position {
            // Say which '=' of the cell this is, and show it; a cell's only '=' stands right
            // beside its equation.
            html += " <span class=\"muted\">\(position)</span>"
            let formulas = run.formulas(of: result)
            html += "<div class=\"compared\">\(typesetter.inline(formulas?.left, source: result.leftTeX))\(Self.equals)"
            html += "\(typesetter.inline(formulas?.right, source: result.rightTeX))</div>"
        }
        html += "</header>\n"
        if let notRun = result.notRun {
            html += "<p class=\"not-run\"><strong>Not run:</strong> \(XMLText.escape(notRun.reason)). "
            html += "It is not a pass; the notebook fails until every check runs.</p>\n"
            return html + "</article>\n"
        }
        html += "<p class=\"roles\">\(roles())</p>\n"
        if expectedFailure {
            html +=
                "<p class=\"expected\">This notebook is kept as a lesson (<code>expect: fail</code>): this failure is the point.</p>\n"
        }
        for hint in result.judgement.hints {
            html += "<p class=\"hint\"><strong>Hint.</strong> \(XMLText.escape(hint.message))</p>\n"
        }
        if !result.judgement.warnings.isEmpty {
            html += "<ul class=\"warnings\">"
            for warning in result.judgement.warnings { html += "<li>\(XMLText.escape(warning))</li>" }
            html += "</ul>\n"
        }
        html += rowsTable()
        html += notes()
        html += figures()
        return html + "</article>\n"
    }

    /// Which `=` of its cell `result` is — "line 3 of 11", "step 2 of 3", "line 2 of 4, step
    /// 1 of 2" — or nil when it is the cell's only one; `results` are the cell's checks.
    static func position(of result: CheckResult, among results: [CheckResult]) -> String? {
        let lines = Set(results.map(\.equation)).count
        let chain = results.filter { $0.equation == result.equation }.count
        let line = lines > 1 ? "line \(result.equation + 1) of \(lines)" : nil
        let step = chain > 1 ? "step \(result.step + 1) of \(chain)" : nil
        let position = [line, step].compactMap { $0 }.joined(separator: ", ")
        return position.isEmpty ? nil : position
    }

    /// The `=` between two sides set apart, in the math font.
    static let equals = "<math><mo>=</mo></math>"

    /// Which side is the claim and which the reference, and how each was computed.
    private func roles() -> String {
        let (claim, reference) = result.claimIsLeft ? ("left", "right") : ("right", "left")
        func how(_ derivative: Bool) -> String { derivative ? "by finite differences (Ridders)" : "computed directly" }
        let claimDerivative = result.claimIsLeft ? result.leftIsDerivative : result.rightIsDerivative
        let referenceDerivative = result.claimIsLeft ? result.rightIsDerivative : result.leftIsDerivative
        var text = XMLText.escape(
            "Claim: the \(claim) side, \(how(claimDerivative)). Reference: the \(reference) side, \(how(referenceDerivative))."
        )
        if !result.rowIndices.isEmpty {
            text += " One row for each " + Self.ranges(result.rowIndices) + "."
        }
        if !result.entryIndices.isEmpty {
            text += " Entry by entry over " + Self.ranges(result.entryIndices) + "."
        }
        return text
    }

    /// "i = 1…3, j = 1…2", each range kept on one line.
    static func ranges(_ indices: [IndexRange]) -> String {
        indices.map { "<span class=\"nowrap\">\(XMLText.escape($0.description))</span>" }.joined(separator: ", ")
    }

    // MARK: - Rows

    /// Each row's label, "i = 2, j = 1", or "one row" when there are no row indices.
    var labels: [String] {
        result.assignments.map { assignment in
            let label = zip(result.rowIndices, assignment).map { "\($0.name) = \($1)" }.joined(separator: ", ")
            return label.isEmpty ? "one row" : label
        }
    }

    private func rowsTable() -> String {
        var html = "<div class=\"table-scroll\"><table class=\"rows\">\n<thead><tr><th scope=\"col\">row</th>"
        html += "<th scope=\"col\">verdict</th>"
        html += "<th scope=\"col\">claim</th><th scope=\"col\">reference</th><th scope=\"col\">abs. error</th>"
        html +=
            "<th scope=\"col\">rel. error</th><th scope=\"col\" title=\"claim / reference, fitted over the entries\">ratio</th>"
        html += "<th scope=\"col\" title=\"error estimate of the finite differences\">ê</th>"
        html += "<th scope=\"col\" title=\"the step of the finite difference\">step</th></tr></thead>\n<tbody>\n"
        // Many vacuous rows share one sentence, said once under the table instead of on each.
        let vacuous = zip(result.judgement.rows, labels).filter { $0.0.vacuous && $0.0.verdict == .pass }.map(\.1)
        let groupVacuous = vacuous.count >= 3
        for (row, label) in zip(result.judgement.rows, labels) {
            html += "<tr><th scope=\"row\">\(XMLText.escape(label))</th>"
            html += "<td class=\"verdict\">\(Badge.row(row, expected: expectedFailure && row.verdict == .fail))</td>"
            // Each value names its column too, for phones, where the rows are laid out as cards.
            func cell(_ label: String, _ value: String?) -> String {
                "<td data-label=\"\(label)\">\(value ?? "—")</td>"
            }
            html += cell("claim", row.claimed.map(Self.value)) + cell("reference", row.reference.map(Self.value))
            html += cell("abs. error", row.absoluteError.map(NumberText.noise))
            html += cell("rel. error", row.relativeError.map(NumberText.noise))
            html += cell("ratio", row.ratio.map { NumberText.format($0, significant: 4) })
            html += cell("ê", row.errorEstimate.map(NumberText.noise))
            html += cell("step", row.step.map(NumberText.noise)) + "</tr>\n"
            if row.verdict != .pass || (row.vacuous && !groupVacuous) {
                html += "<tr class=\"reason\"><td colspan=\"9\">\(XMLText.escape(row.reason))</td></tr>\n"
            }
        }
        html += "</tbody></table></div>\n"
        if groupVacuous {
            html +=
                "<p class=\"vacuous-rows\">Vacuous: \(vacuous.map { "<span class=\"nowrap\">\(XMLText.escape($0))</span>" }.joined(separator: ", ")). "
            html += "In these rows both sides lie within their error bounds of zero, so they prove nothing.</p>\n"
        }
        return html
    }

    /// A scalar to five digits; a vector or matrix as its norm, its shape in the tooltip.
    static func value(_ matrix: Matrix) -> String {
        if let scalar = matrix.scalarValue { return NumberText.format(scalar) }
        let shape = matrix.columns == 1 ? "\(matrix.rows)-vector" : "\(matrix.rows)×\(matrix.columns) matrix"
        return
            "<span title=\"the norm of a \(shape)\">‖\(NumberText.format(matrix.frobeniusNorm, significant: 5))‖</span>"
    }

    /// What the table's terse columns mean, said under it rather than in tooltips (which
    /// touch screens and print do not show): ê and step when finite differences were taken,
    /// and the Taylor slope when a row's reason cites it.
    private func notes() -> String {
        let rows = result.judgement.rows
        var notes: [String] = []
        if rows.contains(where: { $0.ratio != nil }) {
            notes.append("<b>ratio</b>: claim ÷ reference, fitted over the entries by least squares")
        }
        if rows.contains(where: { $0.errorEstimate != nil }) {
            notes.append(
                "<b>ê</b>: how far the finite differences may be from the true derivative, their own error "
                    + "estimate (from Ridders' extrapolation); <b>step</b>: the step h they started from")
        }
        if let slope = rows.compactMap(\.taylorSlope).first,
            rows.contains(where: { $0.reason.contains("Taylor slope") })
        {
            notes.append(
                "<b>Taylor slope</b>: how fast g(s + h) − g(s) − h · claim shrinks as the step h does, on log-log "
                    + "axes: 2 when the claim is the derivative, 1 when it is off by a fixed amount"
                    + (rows.count == 1 ? " (here \(NumberText.format(slope, significant: 2)))" : ""))
        }
        guard !notes.isEmpty else { return "" }
        return "<p class=\"table-notes\">" + notes.joined(separator: ". ") + ".</p>\n"
    }
}

/// Verdict badges, the same in panels, tables and the summary.
enum Badge {
    /// A row's badge: its verdict, or "vacuous" for a pass that proves nothing.
    static func row(_ row: RowJudgement, expected: Bool) -> String {
        guard row.vacuous, row.verdict == .pass else {
            return html(CheckStatus(row.verdict), expected: expected, small: true)
        }
        return "<span class=\"badge vacuous small\" title=\"both sides ≈ 0: the row proves nothing\">VACUOUS</span>"
    }

    static func html(_ status: CheckStatus, vacuous: Bool = false, expected: Bool = false, small: Bool = false)
        -> String
    {
        var text = status.title
        if expected { text += " · expected" }
        if vacuous { text += " · vacuous" }
        let classes =
            ["badge", status.rawValue] + (vacuous ? ["vacuous"] : []) + (expected ? ["expected"] : [])
            + (small ? ["small"] : [])
        return "<span class=\"\(classes.joined(separator: " "))\">\(text)</span>"
    }
}
