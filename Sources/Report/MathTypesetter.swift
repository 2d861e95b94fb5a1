import Diagnostics
import Notebook
import TeX

/// Typesets a notebook's math as MathML and numbers its display equations.
///
/// Every piece of math — `$…$`, `$$…$$`, ```` ```math ```` and ```` ```math check ```` — is
/// parsed once, in document order, with one macro table, so a `\newcommand` holds for the
/// rest of the notebook. Each display equation gets the next number (a `\tag` replaces it,
/// `\notag` or a starred environment suppresses it) and an anchor (`eq.<label>` or
/// `eq.<n>`; the dot keeps it apart from heading anchors, which never contain one), so
/// `\eqref` can link to an equation before or after it.
struct MathTypesetter {
    /// One parsed and typeset piece of math.
    struct Piece {
        var tex: SourceFragment
        var parsed: TeXParseResult
        var display: Bool
        var checked: Bool
        var number: EquationReference?
        var markup = ""
        /// Whether the TeX had problems (a checked equation with any is not evaluated).
        var hasIssues = false
    }

    private(set) var spans: [Int: Piece] = [:]
    private(set) var cells: [Int: Piece] = [:]
    /// The notebook's macros, for TeX typeset outside the notebook's own spans.
    private var macros = MacroTable()
    private var writer = MathMLWriter(references: [:])
    /// Unknown commands, unbalanced braces, unresolved references: warnings in prose,
    /// errors in checked equations.
    private(set) var diagnostics: [Diagnostic] = []

    init(notebook: ParsedNotebook) {
        enum Source {
            case span(Int)
            case cell(Int)
        }
        var ordered: [(offset: Int, source: Source)] = notebook.math.indices.map {
            (notebook.math[$0].range.lowerBound, .span($0))
        }
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .check {
            ordered.append((cell.range.lowerBound, .cell(index)))
        }
        ordered.sort { $0.offset < $1.offset }

        var macros = MacroTable()
        var references: [String: EquationReference] = [:]
        var counter = 0
        for (_, source) in ordered {
            let (tex, display, checked): (SourceFragment, Bool, Bool) =
                switch source {
                case .span(let index): (notebook.math[index].tex, notebook.math[index].isDisplay, false)
                case .cell(let index): (notebook.cells[index].code, true, true)
                }
            let parsed = TeXParser.parse(tex.text, macros: &macros)
            var piece = Piece(tex: tex, parsed: parsed, display: display, checked: checked)
            if display, !parsed.isNumberingSuppressed || parsed.tag != nil {
                let number: String
                if let tag = parsed.tag {
                    number = tag.text
                } else {
                    counter += 1
                    number = String(counter)
                }
                let anchor = "eq." + (parsed.label.map(Self.anchorText) ?? number)
                let reference = EquationReference(number: number, anchor: anchor)
                piece.number = reference
                for label in parsed.labels where references[label.name] == nil {
                    references[label.name] = reference
                }
            }
            switch source {
            case .span(let index): spans[index] = piece
            case .cell(let index): cells[index] = piece
            }
        }
        let writer = MathMLWriter(references: references)
        self.macros = macros
        self.writer = writer
        func typeset(_ piece: inout Piece) -> [Diagnostic] {
            let rendering = writer.render(piece.parsed, display: piece.display)
            piece.markup = rendering.markup
            let issues = piece.parsed.issues + rendering.issues
            piece.hasIssues = !issues.isEmpty
            return issues.map { $0.diagnostic(piece.checked ? .error : .warning, in: piece.tex) }
        }
        for (_, source) in ordered {
            switch source {
            case .span(let index):
                guard var piece = spans[index] else { continue }
                diagnostics += typeset(&piece)
                spans[index] = piece
            case .cell(let index):
                guard var piece = cells[index] else { continue }
                diagnostics += typeset(&piece)
                cells[index] = piece
            }
        }
    }

    /// The HTML of math span `index` of the notebook.
    func html(forSpan index: Int, alone: Bool) -> String {
        guard let piece = spans[index] else { return "" }
        return html(piece, alone: alone)
    }

    /// The typeset equation of check cell `index`, its number linking to `link` (the
    /// equation's check panel).
    func html(forCell index: Int, link: String? = nil) -> String {
        guard let piece = cells[index] else { return "" }
        return html(piece, alone: true, link: link)
    }

    /// The number and anchor of check cell `index`'s equation, if it is numbered.
    func number(forCell index: Int) -> EquationReference? { cells[index]?.number }

    /// TeX from elsewhere (a side of an equation) as inline MathML, with the notebook's macros.
    func inline(_ tex: String) -> String {
        var macros = self.macros
        return writer.render(TeXParser.parse(tex, macros: &macros), display: false).markup
    }

    private func html(_ piece: Piece, alone: Bool, link: String? = nil) -> String {
        guard piece.display else { return piece.markup }
        var html = piece.markup
        if let number = piece.number {
            let shown = piece.parsed.tag?.isStarred == true ? number.number : "(\(number.number))"
            let target = link ?? number.anchor
            html += "<span class=\"eqno\"><a href=\"#\(target)\">\(XMLText.escape(shown))</a></span>"
        }
        let id = piece.number.map { " id=\"\($0.anchor)\"" } ?? ""
        return alone ? "<div class=\"equation\"\(id)>\(html)</div>\n" : "<span class=\"equation\"\(id)>\(html)</span>"
    }

    /// A label as anchor text: a leading `eq:` dropped (the anchor already says `eq.`);
    /// letters, digits, `:`, `_` and `-` kept, anything else `-`.
    private static func anchorText(_ label: String) -> String {
        let name = label.hasPrefix("eq:") && label.count > 3 ? String(label.dropFirst(3)) : label
        return String(name.map { $0.isLetter || $0.isNumber || ":_-".contains($0) ? $0 : "-" })
    }
}
