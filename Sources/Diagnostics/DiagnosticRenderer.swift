/// Renders diagnostics as text for a terminal or a log:
///
/// ```
/// notebooks/seed.md:12:29: error: unknown name 'lamda'
///  12 | let K = rbf(X, lengthScale: lamda)
///     |                             ^~~~~
/// help: did you mean 'lambda'?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the severity with ANSI escapes (off under `NO_COLOR` or a pipe).
    public var colors: Bool

    /// A renderer, plain by default.
    public init(colors: Bool = false) {
        self.colors = colors
    }

    /// All diagnostics, each followed by a blank line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// One diagnostic: the header line, the source line with a caret, notes, and help.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        var header = ""
        if let file = diagnostic.file {
            header += file.path
            if let location = diagnostic.location { header += ":\(location.line):\(location.column)" }
            header += ": "
        }
        out += paint(header, code: "1")
        out += paint("\(diagnostic.severity.rawValue):", code: color(of: diagnostic.severity))
        out += paint(" \(diagnostic.message)", code: "1") + "\n"
        if let file = diagnostic.file, let range = diagnostic.range {
            out += excerpt(file: file, range: range)
        }
        for note in diagnostic.notes {
            if let file = diagnostic.file, let range = note.range {
                let location = file.location(of: range.lowerBound)
                out += paint("note:", code: "1;36") + " \(note.message) (line \(location.line))\n"
                out += excerpt(file: file, range: range)
            } else {
                out += paint("note:", code: "1;36") + " \(note.message)\n"
            }
        }
        if let help = diagnostic.help {
            out += paint("help:", code: "1;32") + " \(help)\n"
        }
        return out
    }

    /// The first line of `range` with a gutter, and a caret line under the range.
    func excerpt(file: SourceFile, range: SourceRange) -> String {
        let start = file.location(of: range.lowerBound)
        let end = file.location(of: range.upperBound)
        let text = file.line(start.line).replacingTabsWithSpaces()
        let lineLength = text.unicodeScalars.count
        let width =
            end.line == start.line
            ? max(1, end.column - start.column)
            : max(1, lineLength - start.column + 1)
        let number = String(start.line)
        let gutter = String(repeating: " ", count: number.count)
        let pad = String(repeating: " ", count: max(0, start.column - 1))
        let marker = "^" + String(repeating: "~", count: max(0, width - 1))
        return " \(number) | \(text)\n \(gutter) | \(pad)" + paint(marker, code: "1;32") + "\n"
    }

    private func color(of severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
    }

    private func paint(_ text: String, code: String) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension Substring {
    fileprivate func replacingTabsWithSpaces() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
