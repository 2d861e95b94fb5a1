import Diagnostics
import Evaluation
import Notebook

/// The HTML of the notebook's cells: setup code with what it defined, and checked
/// equations.
struct CellRenderer {
    let run: NotebookRun
    var notebook: ParsedNotebook { run.notebook }
    var evaluation: NotebookEvaluation { run.evaluation }

    func html(forCell index: Int) -> String {
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
            let equation = run.typesetter.html(forCell: index)
            let panels = run.checks.filter { $0.cell == index }.map { CheckPanel(result: $0, run: run).html() }.joined()
            return "<section class=\"cell check\"><span class=\"cell-label\">checked equation</span>\n\(equation)\(panels)</section>\n"
        }
    }
}
