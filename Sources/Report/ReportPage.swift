import Diagnostics
import Notebook
import Pipeline
import TeX

/// Options that change how a report is rendered.
public struct ReportOptions: Sendable {
    /// Let raw HTML in the notebook through (off: it is shown escaped).
    public var unsafeHTML = false

    /// The defaults: safe HTML.
    public init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}

/// Builds the self-contained HTML page of one notebook from its run; it renders and
/// computes nothing else.
public struct ReportPage {
    let run: NotebookRun
    let options: ReportOptions

    var notebook: ParsedNotebook { run.notebook }
    var inputs: InputsHash { run.inputs }

    /// A page for `run`.
    public init(run: NotebookRun, options: ReportOptions = ReportOptions()) {
        self.run = run
        self.options = options
    }

    /// The whole HTML document.
    public func html() -> String {
        let typesetter = MathTypesetter(math: run.math)
        let cells = CellRenderer(run: run, typesetter: typesetter)
        let body = notebook.renderBody(
            HTMLParts(
                math: { index, alone in typesetter.html(forSpan: index, alone: alone) },
                cell: { index in cells.html(forCell: index) },
                unsafeHTML: options.unsafeHTML))
        return document(body: body, diagnostics: run.diagnostics, typesetter: typesetter)
    }

    private var title: String { notebook.title ?? notebook.file.path }

    /// The SHA-256 of the notebook's text alone, shown in the footer.
    private var notebookHash: String {
        var hasher = SHA256()
        hasher.update(notebook.file.text)
        return "sha256:" + hasher.hexDigest()
    }

    private func document(body: String, diagnostics: [Diagnostic], typesetter: MathTypesetter) -> String {
        let source = XMLText.escape(notebook.file.path)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
            <meta name="generator" content="derive \(DeriveVersion.current)">
            \(inputs.metaTag)
            <meta name="derive-source" content="\(source)">
            <title>\(XMLText.escape(title))</title>
            <style>\(Stylesheet.css)</style>
            </head>
            <body>
            <div class="page">

            """
        html += "<header class=\"masthead\"><p class=\"kicker\">derive report · \(source)</p>"
        if let title = notebook.frontMatter.title {
            html += "<h1 class=\"title\">\(XMLText.escape(title))</h1>"
        }
        html += "</header>\n"
        html += DiagnosticsBox.html(diagnostics.filter { $0.severity == .error }, kind: "errors")
        html += PageSummary.html(run, typesetter: typesetter)
        html += tableOfContents()
        html += "<main class=\"notebook\">\n\(body)</main>\n"
        // The versions the code ran with are observed, not hashed: another patch release of
        // numpy does not make the report stale, but the reader sees which one made it.
        let code =
            run.codeVersions.isEmpty
            ? "" : " · code ran with " + XMLText.escape(run.codeVersions.joined(separator: ", "))
        html += """
            <footer>Rendered by derive \(DeriveVersion.current) from \(source) · notebook \(notebookHash) · inputs \(inputs.value)\(code)</footer>
            </div>
            </body>
            </html>

            """
        return html
    }

    /// The table of contents: every heading below the title, nested by level.
    private func tableOfContents() -> String {
        var headings = notebook.headings
        if notebook.frontMatter.title == nil, let first = headings.first, first.level == 1 {
            headings.removeFirst()
        }
        guard headings.count >= 2 else { return "" }
        let base = headings.map(\.level).min() ?? 1
        var html = "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2>\n"
        var depth = 0
        for heading in headings {
            let level = min(heading.level - base + 1, depth + 1)
            if level > depth {
                for _ in depth..<level { html += "<ol>" }
            } else {
                html += "</li>"
                for _ in level..<depth { html += "</ol></li>" }
            }
            depth = level
            html += "<li><a href=\"#\(heading.id)\">\(XMLText.escape(heading.text))</a>"
        }
        html += "</li>"
        for _ in 1..<max(depth, 1) { html += "</ol></li>" }
        html += "</ol></nav>\n"
        return html
    }
}

/// Diagnostics shown in the page itself, so the author sees them where they read.
enum DiagnosticsBox {
    static func html(_ diagnostics: [Diagnostic], kind: String) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let text = DiagnosticRenderer().render(diagnostics)
        return "<div class=\"diagnostics \(kind)\" role=\"alert\"><pre>\(XMLText.escape(text))</pre></div>\n"
    }
}
