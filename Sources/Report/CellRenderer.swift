import Diagnostics
import Notebook

/// The HTML of the notebook's cells: setup code and checked equations.
struct CellRenderer {
    let notebook: ParsedNotebook

    func html(forCell index: Int, typesetter: inout MathTypesetter) -> String {
        let cell = notebook.cells[index]
        switch cell.kind {
        case .setup:
            return """
                <section class="cell setup"><span class="cell-label">setup</span><pre><code class="language-gp">\
                \(HTMLText.escape(cell.code.text))
                </code></pre></section>

                """
        case .check:
            let equation = typesetter.html(forCell: index)
            return "<section class=\"cell check\"><span class=\"cell-label\">checked equation</span>\n\(equation)</section>\n"
        }
    }
}
