import Checks
import Pipeline
import TeX

/// Writes a notebook's math, parsed and numbered by the pipeline, as MathML: the spans, the
/// checked equations with their numbers, and the sides of each check.
struct MathTypesetter {
    let math: NotebookMath
    let writer: MathMLWriter

    init(math: NotebookMath) {
        self.math = math
        writer = math.writer
    }

    /// The HTML of math span `index` of the notebook.
    func html(forSpan index: Int, alone: Bool) -> String {
        guard math.spans.indices.contains(index) else { return "" }
        return html(math.spans[index], alone: alone)
    }

    /// The typeset equation of check cell `index`, its number linking to `link` (the
    /// equation's check panel).
    func html(forCell index: Int, link: String? = nil) -> String {
        guard let formula = math.cells[index] else { return "" }
        return html(formula, alone: true, link: link)
    }

    /// The number and anchor of check cell `index`'s equation, if it is numbered.
    func number(forCell index: Int) -> EquationReference? { math.cells[index]?.number }

    /// A side of a check as inline MathML: its tree, cut from the cell's parse, and its TeX.
    func inline(_ formula: TeXNode?, source: String) -> String {
        guard let formula else { return "" }
        return writer.render(formula, source: source, display: false).markup
    }

    private func html(_ formula: NotebookMath.Formula, alone: Bool, link: String? = nil) -> String {
        let markup = writer.render(formula.parsed, display: formula.display).markup
        guard formula.display else { return markup }
        var html = markup
        if let number = formula.number {
            let shown = formula.parsed.tag?.isStarred == true ? number.number : "(\(number.number))"
            let target = link ?? number.anchor
            html += "<span class=\"eqno\"><a href=\"#\(target)\">\(XMLText.escape(shown))</a></span>"
        }
        let id = formula.number.map { " id=\"\($0.anchor)\"" } ?? ""
        return alone ? "<div class=\"equation\"\(id)>\(html)</div>\n" : "<span class=\"equation\"\(id)>\(html)</span>"
    }
}
