import Evaluation
import Numerics

/// The panel beside a checked equation: what was compared, the verdict, the rows, the hint.
struct CheckPanel {
    let result: CheckResult
    let run: NotebookRun

    func html() -> String {
        let verdict = result.verdict.rawValue
        var html = "<div class=\"check-panel \(verdict)\">"
        html += "<p class=\"check-head\"><span class=\"badge \(verdict)\">\(verdict.uppercased())</span> "
        html += "<code>\(HTMLText.escape(result.leftTeX))</code> = <code>\(HTMLText.escape(result.rightTeX))</code></p>\n"
        for hint in result.judgement.hints {
            html += "<p class=\"hint\">\(HTMLText.escape(hint.message))</p>\n"
        }
        html += "<table class=\"rows\"><thead><tr><th>row</th><th>claim</th><th>reference</th><th>rel. error</th><th>ratio</th><th>verdict</th></tr></thead><tbody>\n"
        for (row, assignment) in zip(result.judgement.rows, result.assignments) {
            let label = zip(result.rowIndices, assignment).map { "\($0.name) = \($1)" }.joined(separator: ", ")
            html += "<tr><td>\(HTMLText.escape(label.isEmpty ? "—" : label))</td>"
            html += "<td>\(row.claimed.map(Self.preview) ?? "—")</td><td>\(row.reference.map(Self.preview) ?? "—")</td>"
            html += "<td>\(row.relativeError.map(NumberText.noise) ?? "—")</td>"
            html += "<td>\(row.ratio.map { NumberText.format($0, significant: 4) } ?? "—")</td>"
            html += "<td><span class=\"badge \(row.verdict.rawValue)\">\(row.vacuous ? "vacuous" : row.verdict.rawValue)</span></td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        return html
    }

    static func preview(_ matrix: Matrix) -> String {
        if let scalar = matrix.scalarValue { return NumberText.format(scalar) }
        return "\(matrix.rows)×\(matrix.columns), ‖·‖ = \(NumberText.format(matrix.frobeniusNorm, significant: 4))"
    }
}
