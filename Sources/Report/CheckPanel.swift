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
    /// "step 2 of 3" when the equation is a chain of more than one `=`.
    let step: String?

    var expectedFailure: Bool { run.expectsFailure && result.verdict == .fail }

    func html() -> String {
        let verdict = result.verdict.rawValue
        var html = "<article class=\"check-panel \(verdict)\" id=\"\(id)\">\n<header>"
        html += Badge.html(result.verdict, vacuous: result.isVacuous, expected: expectedFailure)
        if let equation {
            html +=
                " <a class=\"eqref\" href=\"#\(equation.anchor)\" title=\"back to the equation\">(\(XMLText.escape(equation.number)))</a>"
        }
        if let step {
            // In a chain, say which '=' this is; a single '=' stands right beside its equation.
            html += " <span class=\"muted\">\(step)</span>"
            let formulas = run.formulas(of: result)
            html += "<div class=\"compared\">\(typesetter.inline(formulas?.left, source: result.leftTeX))\(Self.equals)"
            html += "\(typesetter.inline(formulas?.right, source: result.rightTeX))</div>"
        }
        html += "</header>\n"
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
        html += figures()
        return html + "</article>\n"
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
            "Claim: the \(claim) side, \(how(claimDerivative)). Reference: the \(reference) side, \(how(referenceDerivative)).")
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

    private func rowsTable() -> String {
        var html = "<div class=\"table-scroll\"><table class=\"rows\">\n<thead><tr><th scope=\"col\">row</th>"
        html += "<th scope=\"col\">verdict</th>"
        html += "<th scope=\"col\">claim</th><th scope=\"col\">reference</th><th scope=\"col\">abs. error</th>"
        html +=
            "<th scope=\"col\">rel. error</th><th scope=\"col\" title=\"claim / reference, fitted over the entries\">ratio</th>"
        html += "<th scope=\"col\" title=\"error estimate of the finite differences\">ê</th>"
        html += "<th scope=\"col\" title=\"the step of the finite difference\">step</th></tr></thead>\n<tbody>\n"
        for (row, assignment) in zip(result.judgement.rows, result.assignments) {
            let label = zip(result.rowIndices, assignment).map { "\($0.name) = \($1)" }.joined(separator: ", ")
            html += "<tr><th scope=\"row\">\(XMLText.escape(label.isEmpty ? "—" : label))</th>"
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
            if row.verdict != .pass || row.vacuous {
                html += "<tr class=\"reason\"><td colspan=\"9\">\(XMLText.escape(row.reason))</td></tr>\n"
            }
        }
        return html + "</tbody></table></div>\n"
    }

    /// A scalar to five digits; a vector or matrix as its norm, its shape in the tooltip.
    static func value(_ matrix: Matrix) -> String {
        if let scalar = matrix.scalarValue { return NumberText.format(scalar) }
        let shape = matrix.columns == 1 ? "\(matrix.rows)-vector" : "\(matrix.rows)×\(matrix.columns) matrix"
        return
            "<span title=\"the norm of a \(shape)\">‖\(NumberText.format(matrix.frobeniusNorm, significant: 5))‖</span>"
    }

    // MARK: - Figures

    private func figures() -> String {
        var html = ""
        let rows = result.judgement.rows
        let labels = result.assignments.map {
            zip(result.rowIndices, $0).map { "\($0.name) = \($1)" }.joined(separator: ", ")
        }
        // Heatmaps of the row with the largest relative error, for matrix-valued sides.
        if let worst = rows.indices.max(by: { (rows[$0].relativeError ?? 0) < (rows[$1].relativeError ?? 0) }),
            let claimed = rows[worst].claimed, let reference = rows[worst].reference, claimed.rows > 1,
            claimed.columns > 1
        {
            let which = rows.count > 1 ? " for \(labels[worst]), the row with the largest relative error" : ""
            let title = "Heatmaps of the claim, the reference and their difference\(which)"
            html += "<figure class=\"figure heatmap-figure\">"
            html += HeatmapFigure.svg(
                claim: Self.grid(claimed), reference: Self.grid(reference), title: title, id: "\(id).maps")
            html +=
                "<figcaption>\(XMLText.escape(title)); claim and reference share a colour scale.</figcaption></figure>\n"
        }
        var series = zip(rows, labels).compactMap { row, label -> (Verdict, StepSweepPlot.Series)? in
            guard let sweep = row.sweep, !sweep.points.isEmpty else { return nil }
            return (
                row.verdict,
                StepSweepPlot.Series(
                    label: label, points: sweep.points.map { ($0.step, $0.centralError) }, judgeStep: row.step)
            )
        }
        let swept = series.count
        if swept > Self.sweepLimit { series = Self.representative(series, limit: Self.sweepLimit) }
        if !series.isEmpty {
            var title = "Step sweep: |FD(h) − claim| against the step h"
            if swept > series.count { title += " (\(series.count) of \(swept) rows: every verdict, first and last)" }
            html += "<figure class=\"figure sweep-figure\">"
            html += StepSweepPlot.svg(series: series.map(\.1), title: title, id: "\(id).sweep")
            html +=
                "<figcaption>\(XMLText.escape(title)). For a right claim it falls as h² until rounding takes over (a V); "
            html +=
                "for a wrong one it levels off at the size of the mistake. Dashed: the step the judge used.</figcaption></figure>\n"
        }
        return html.isEmpty ? "" : "<div class=\"figures\">\(html)</div>\n"
    }

    /// At most this many rows share one sweep plot; more would be a tangle of lines.
    static let sweepLimit = 6

    /// Up to `limit` rows that show every verdict present, the first and the last row, then
    /// rows spread evenly between — in their original order.
    static func representative<T>(_ rows: [(Verdict, T)], limit: Int) -> [(Verdict, T)] {
        var chosen = Set<Int>()
        for verdict in [Verdict.fail, .inconclusive, .pass] {
            if let index = rows.firstIndex(where: { $0.0 == verdict }) { chosen.insert(index) }
        }
        chosen.insert(0)
        chosen.insert(rows.count - 1)
        let spacing = Double(rows.count - 1) / Double(max(limit - 1, 1))
        for k in 0..<limit where chosen.count < limit { chosen.insert(Int((Double(k) * spacing).rounded())) }
        return chosen.sorted().prefix(limit).map { rows[$0] }
    }

    static func grid(_ matrix: Matrix) -> HeatmapGrid {
        HeatmapGrid(
            rows: matrix.rows, columns: matrix.columns,
            values: (0..<matrix.rows).flatMap { i in (0..<matrix.columns).map { j in matrix[i, j] } })
    }
}

/// Verdict badges, the same in panels, tables and the summary.
enum Badge {
    /// A row's badge: its verdict, or "vacuous" for a pass that proves nothing.
    static func row(_ row: RowJudgement, expected: Bool) -> String {
        guard row.vacuous, row.verdict == .pass else { return html(row.verdict, expected: expected, small: true) }
        return "<span class=\"badge vacuous small\" title=\"both sides ≈ 0: the row proves nothing\">VACUOUS</span>"
    }

    static func html(_ verdict: Verdict, vacuous: Bool = false, expected: Bool = false, small: Bool = false) -> String {
        var text = verdict.rawValue.uppercased()
        if expected { text += " · expected" }
        if vacuous { text += " · vacuous" }
        let classes =
            ["badge", verdict.rawValue] + (vacuous ? ["vacuous"] : []) + (expected ? ["expected"] : [])
            + (small ? ["small"] : [])
        return "<span class=\"\(classes.joined(separator: " "))\">\(text)</span>"
    }
}
