import Diagnostics
import Evaluation
import Notebook

/// The HTML of the notebook's cells: setup code with what it defined, and checked
/// equations.
struct CellRenderer {
    let notebook: ParsedNotebook
    /// The evaluated gp blocks, one per setup cell in document order.
    let evaluation: NotebookEvaluation

    init(notebook: ParsedNotebook, evaluation: NotebookEvaluation) {
        self.notebook = notebook
        self.evaluation = evaluation
    }

    /// Syntax, name and evaluation errors of the gp blocks, and warnings for values that
    /// are NaN or infinite.
    var diagnostics: [Diagnostic] { evaluation.diagnostics }

    func html(forCell index: Int, typesetter: inout MathTypesetter) -> String {
        let cell = notebook.cells[index]
        switch cell.kind {
        case .setup:
            let block = notebook.cells[..<index].filter { $0.kind == .setup }.count
            let results = evaluation.blocks.indices.contains(block) ? evaluation.blocks[block] : nil
            var html = "<section class=\"cell setup\"><span class=\"cell-label\">setup</span>"
            if results?.echo ?? true {
                html += "<pre><code class=\"language-gp\">\(HTMLText.escape(cell.code.text))\n</code></pre>"
            }
            if let results, results.showsResults {
                html += SetupResults.html(results)
            }
            return html + "</section>\n"
        case .check:
            let equation = typesetter.html(forCell: index)
            return "<section class=\"cell check\"><span class=\"cell-label\">checked equation</span>\n\(equation)</section>\n"
        }
    }
}
