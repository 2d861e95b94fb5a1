import Diagnostics
import Notebook

/// Typesets the notebook's math and numbers its display equations.
struct MathTypesetter {
    let notebook: ParsedNotebook
    private(set) var diagnostics: [Diagnostic] = []

    init(notebook: ParsedNotebook) {
        self.notebook = notebook
    }

    /// The HTML of math span `index`.
    mutating func html(forSpan index: Int, alone: Bool) -> String {
        let span = notebook.math[index]
        return html(tex: span.tex, display: span.isDisplay, alone: alone)
    }

    /// The HTML of a piece of TeX.
    mutating func html(tex: SourceFragment, display: Bool, alone: Bool) -> String {
        let code = "<code class=\"tex\">\(HTMLText.escape(tex.text))</code>"
        return alone ? "<div class=\"equation\">\(code)</div>\n" : code
    }
}
