import Checks
import Numerics
import Pipeline
import TeX

/// A compact grid of verdicts for a notebook whose checks run over a long index (the
/// thirteen length-scales λⱼ of a test grid): one line per check (and per value of its
/// other indices), one column per value of the long index, each cell the row's verdict
/// linking to its panel. It goes at the top of the page; the panels below keep the details.
enum VerdictGrid {
    /// Indices with at least this many values get a grid.
    static let minimumLength = 8

    /// The grid, or "" when no check runs over a long index.
    static func html(_ run: NotebookRun, typesetter: MathTypesetter) -> String {
        // The long index: the row index over which the most rows run.
        var rowsByIndex: [IndexRange: Int] = [:]
        for check in run.checks {
            for index in check.rowIndices where index.upper >= minimumLength {
                rowsByIndex[index, default: 0] += check.judgement.rows.count
            }
        }
        guard let index = rowsByIndex.max(by: { ($0.value, $1.key.name) < ($1.value, $0.key.name) })?.key else {
            return ""
        }
        let checks = run.checks.filter { $0.rowIndices.contains(index) }
        var html =
            "<figure class=\"verdict-grid\"><figcaption>Every row at a glance: one line per check, one column per "
        html += "<span class=\"nowrap\">\(XMLText.escape(index.description))</span>; "
        html +=
            "P pass, F fail, I inconclusive, 0 vacuous (both sides ≈ 0). Each line links to its check.</figcaption>\n"
        html += "<div class=\"table-scroll\"><table>\n"
        html += "<thead><tr><th scope=\"col\">check \\ \(XMLText.escape(index.name))</th>"
        for value in 1...index.upper { html += "<th scope=\"col\">\(value)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for check in checks {
            let number = typesetter.number(forCell: check.cell).map { "(\($0.number))" } ?? ""
            let position = CheckPanel.position(of: check, among: run.checks.filter { $0.cell == check.cell })
            let column = check.rowIndices.firstIndex(of: index) ?? 0
            var otherIndices = check.rowIndices
            otherIndices.remove(at: column)
            // One line per value of the other indices (k in Σ_kj).
            var lines: [[Int]: [Int: RowJudgement]] = [:]
            var order: [[Int]] = []
            for (row, assignment) in zip(check.judgement.rows, check.assignments) {
                var rest = assignment
                let value = rest.remove(at: column)
                if lines[rest] == nil { order.append(rest) }
                lines[rest, default: [:]][value] = row
            }
            for rest in order {
                let others = zip(otherIndices, rest).map { "\($0.name) = \($1)" }.joined(separator: ", ")
                let label = [[number, position ?? ""].filter { !$0.isEmpty }.joined(separator: " "), others]
                    .filter { !$0.isEmpty }.joined(separator: ", ")
                html += "<tr><th scope=\"row\"><a href=\"#\(run.panelID(check))\">\(XMLText.escape(label))</a></th>"
                for value in 1...index.upper {
                    guard let row = lines[rest]?[value] else {
                        html += "<td></td>"
                        continue
                    }
                    let (kind, letter) =
                        row.vacuous && row.verdict == .pass
                        ? ("vacuous", "0")
                        : (row.verdict.rawValue, String(row.verdict.rawValue.prefix(1)).uppercased())
                    html += "<td class=\"\(kind)\">\(letter)</td>"
                }
                html += "</tr>\n"
            }
        }
        return html + "</tbody></table></div></figure>\n"
    }
}
