import Checks
import Diagnostics
import Foundation
import Notebook
import Numerics
import Setup
import TeX

/// The HTML of what each gp block defined: scalars with their value, vectors and matrices with their shape and
/// a preview of a few entries, families with their index ranges, functions with their
/// parameters, and a mark on values that are NaN or infinite.
enum SetupResults {
    /// The results table of one block (empty when it defines nothing).
    static func html(_ block: BlockResults) -> String {
        guard !block.entries.isEmpty else { return "" }
        var html = "<table class=\"setup-results\"><tbody>\n"
        for entry in block.entries {
            let (what, detail, flagged) = describe(entry)
            let mark = flagged ? " <strong class=\"not-finite\">not finite</strong>" : ""
            html += "<tr><th scope=\"row\"><code>\(XMLText.escape(signature(entry)))</code></th>"
            html += "<td class=\"what\">\(XMLText.escape(what))\(mark)</td>"
            html += "<td class=\"detail\">\(detail)</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// `K`, `D[i]`, `k(x, z)`.
    static func signature(_ entry: DefinitionResult) -> String {
        switch entry.outcome {
        case .family(let indices, _, _): "\(entry.name)[\(indices.joined(separator: ", "))]"
        case .function(let parameters): "\(entry.name)(\(parameters.joined(separator: ", ")))"
        default: entry.name
        }
    }

    /// What the entry is, its value or preview (HTML), and whether it is not finite.
    static func describe(_ entry: DefinitionResult) -> (String, String, Bool) {
        switch entry.outcome {
        case .value(let value):
            let kind = entry.kind == .parameter ? "param, " : ""
            return (
                kind + shape(value), "<code>\(XMLText.escape(preview(value.matrix)))</code>", !value.matrix.isFinite
            )
        case .family(let indices, let ranges, let first):
            let domain = zip(indices, ranges).map { "\($0) = \($1.lowerBound)…\($1.upperBound)" }.joined(
                separator: ", ")
            let firstName = "\(entry.name)[\(ranges.map { String($0.lowerBound) }.joined(separator: ", "))]"
            return (
                "family, \(domain)",
                "<code>\(XMLText.escape(firstName + " = " + preview(first.matrix)))</code>", !first.matrix.isFinite
            )
        case .function(let parameters):
            return ("function of \(parameters.count)", "", false)
        case .failed(let error):
            let reason =
                switch error.kind {
                case .dependency: "uses a definition that could not be evaluated"
                case .codeNotRun: "not run: code cells need --allow-code"
                default: error.message
                }
            return ("not evaluated", XMLText.escape(reason), false)
        }
    }

    /// "scalar", "3-vector", "25×25".
    static func shape(_ value: Value) -> String {
        if value.isScalar { return "scalar" }
        if value.isVector { return "\(value.matrix.rows)-vector" }
        return "\(value.matrix.rows)×\(value.matrix.columns)"
    }

    /// A few entries: a scalar's value; a vector's first entries; a matrix's top-left 3×3
    /// corner, with "…" where entries are left out.
    static func preview(_ m: Matrix) -> String {
        func number(_ x: Double) -> String { NumberText.format(x) }
        if m.isScalar { return number(m.elements[0]) }
        if m.columns == 1 { return "[" + list(m.elements.map(number), limit: 6) + "]'" }
        let shownRows = min(m.rows, 3)
        var rows: [String] = []
        for i in 0..<shownRows {
            rows.append(list((0..<m.columns).map { number(m[i, $0]) }, limit: 3))
        }
        if m.rows > shownRows { rows.append("…") }
        return "[" + rows.joined(separator: "; ") + "]"
    }

    private static func list(_ items: [String], limit: Int) -> String {
        items.count <= limit ? items.joined(separator: ", ") : (items.prefix(limit - 1) + ["…"]).joined(separator: ", ")
    }
}
