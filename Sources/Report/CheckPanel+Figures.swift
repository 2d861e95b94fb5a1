import Checks
import Foundation
import Numerics
import TeX

extension CheckPanel {
    func figures() -> String {
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
            html += "<figcaption>\(XMLText.escape(title)). \(XMLText.escape(Self.reading(rows, labels: labels)))"
            html += "</figcaption></figure>\n"
        }
        return html.isEmpty ? "" : "<div class=\"figures\">\(html)</div>\n"
    }

    /// What the sweep shows, in words a reader can check against the plot: the level a wrong
    /// claim's plateau sits at, or how far a right claim's V falls and where it turns.
    static func reading(_ rows: [RowJudgement], labels: [String]) -> String {
        func step(_ h: Double) -> String { "h ≈ " + StepSweepPlot.power(Int(log10(h).rounded())) }
        let swept = zip(rows, labels).filter { $0.0.sweep.map { !$0.points.isEmpty } ?? false }
        let general =
            "For a right claim it falls as h² until rounding takes over (a V); for a wrong one it stays flat at the "
            + "size of the mistake."
        if let (row, label) = swept.first(where: { $0.0.verdict == .fail }), let sweep = row.sweep {
            let errors = sweep.points.map(\.centralError).filter { $0 > 0 }.sorted()
            let steps = sweep.points.map(\.step)
            guard !errors.isEmpty, let low = steps.min(), let high = steps.max() else { return general }
            let level = errors[errors.count / 2]
            let which = label.isEmpty ? "" : " (\(label))"
            return "Flat\(which): at every step from \(StepSweepPlot.power(Int(log10(low).rounded()))) to "
                + "\(StepSweepPlot.power(Int(log10(high).rounded()))) the finite differences stay about "
                + "\(NumberText.noise(level)) away from the claim, instead of closing in on it as they would on a "
                + "right one: the claim is off by that much, and no step size changes it."
        }
        if swept.allSatisfy({ $0.0.verdict == .pass }), let (row, label) = swept.first, let sweep = row.sweep,
            let lowest = sweep.points.filter({ $0.centralError > 0 }).min(by: { $0.centralError < $1.centralError }),
            let first = sweep.points.max(by: { $0.step < $1.step }), first.centralError > 100 * lowest.centralError
        {
            let which = label.isEmpty ? "" : " for \(label)"
            return "A V\(which): the difference falls from \(NumberText.noise(first.centralError)) at "
                + "\(step(first.step)) to \(NumberText.noise(lowest.centralError)) at \(step(lowest.step)), then "
                + "rises as rounding takes over: the finite differences close in on the claim, as on a right one."
        }
        return general
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
