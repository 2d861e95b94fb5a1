import Checks
import Diagnostics
import Notebook
import Pipeline
import Setup
import TeX

/// The HTML of the notebook's cells: setup code with what it defined, and checked
/// equations.
struct CellRenderer {
    let run: NotebookRun
    let typesetter: MathTypesetter
    var notebook: ParsedNotebook { run.notebook }

    func html(forCell index: Int) -> String {
        let cell = notebook.cells[index]
        switch cell.kind {
        case .setup:
            let results = run.setupResults(forCell: index)
            var html = "<section class=\"cell setup\"><span class=\"cell-label\">setup</span>"
            if results?.echo ?? true {
                html += "<pre><code class=\"language-gp\">\(XMLText.escape(cell.code.text))\n</code></pre>"
            }
            if let results, results.showsResults {
                html += SetupResults.html(results)
            }
            return html + "</section>\n"
        case .code(let language):
            return codeHTML(index, language: language)
        case .check:
            let results = run.checks.filter { $0.cell == index }
            let number = typesetter.number(forCell: index)
            let panels = results.map { result in
                CheckPanel(
                    result: result, run: run, typesetter: typesetter, id: run.panelID(result),
                    equation: number.map { ($0.anchor, $0.number) },
                    position: CheckPanel.position(of: result, among: results)
                ).html()
            }.joined()
            let equation = typesetter.html(forCell: index, link: results.first.map(run.panelID))
            let problems = run.diagnostics.filter { diagnostic in
                diagnostic.severity == .error && diagnostic.range.map { cell.range.union($0) == cell.range } ?? false
            }
            let verdict = results.map(\.status).max()?.rawValue ?? "unchecked"
            var html = "<section class=\"cell check \(verdict)\"><div class=\"check-equation\">"
            html += "<span class=\"cell-label\">checked equation</span>\n\(equation)</div>\n"
            html += "<div class=\"check-panels\">"
            if !problems.isEmpty {
                // The equation's errors; its checks, when it has any, are shown as not run.
                if results.isEmpty { html += "<p class=\"not-checked\">Not checked: this equation has an error.</p>" }
                html += DiagnosticsBox.html(problems, kind: "errors")
            }
            return html + "\(panels)</div></section>\n"
        }
    }
}

extension CellRenderer {
    /// A code cell: its code (unless `echo: false`), what it defined, what it printed, and
    /// why it did not run when it did not.
    func codeHTML(_ index: Int, language: String) -> String {
        let cell = notebook.cells[index]
        let results = run.codeResults(forCell: index)
        var html = "<section class=\"cell code\"><span class=\"cell-label\">\(XMLText.escape(language)) cell</span>"
        if results?.cell.echo ?? true {
            html +=
                "<pre><code class=\"language-\(XMLText.escape(language))\">\(XMLText.escape(cell.code.text))\n</code></pre>"
        }
        guard let results else { return html + "</section>\n" }
        switch results.outcome {
        case .notRun:
            html += "<p class=\"not-checked\">Not run: code cells need <code>--allow-code</code>.</p>"
        case .shownOnly:
            html += "<p class=\"not-checked\">Shown only (<code>eval: false</code>).</p>"
        case .failed(let error) where !error.isReported:
            html += "<p class=\"not-checked\">The cell failed: \(XMLText.escape(error.message)).</p>"
        case .ran(let code) where !code.printed.isEmpty:
            html += "<details class=\"printed\" open><summary>printed</summary><pre>"
            html += XMLText.escape(code.printed) + "</pre></details>"
        default: break
        }
        if results.cell.showsResults { html += SetupResults.html(results.results) }
        return html + "</section>\n"
    }
}

extension NotebookRun {
    /// The anchor of a check's panel: `check.<equation>.<k>`, with the equation's anchor
    /// (its label or number) and k counting the `=`s of its cell from 1.
    func panelID(_ result: CheckResult) -> String {
        let base = math.cells[result.cell]?.number.map { String($0.anchor.dropFirst(3)) } ?? "cell\(result.cell)"
        let position = checks.filter { $0.cell == result.cell }.firstIndex(of: result) ?? 0
        return "check.\(base).\(position + 1)"
    }
}
