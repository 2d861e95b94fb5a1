import Diagnostics
import Notebook
import TeX

/// Every piece of a notebook's math — `$…$`, `$$…$$`, ```` ```math ```` and
/// ```` ```math check ```` — parsed once, in document order, with one macro table, so a
/// `\newcommand` holds for the rest of the notebook; and the display equations numbered.
///
/// Each display equation gets the next number (a `\tag` replaces it, `\notag` or a starred
/// environment suppresses it) and an anchor (`eq.<label>` or `eq.<n>`; the dot keeps it apart
/// from heading anchors, which never contain one), so `\eqref` can point at an equation
/// before or after it. References to labels no equation has are found here, without writing
/// any MathML.
public struct NotebookMath: Sendable {
    /// One parsed piece of math.
    public struct Formula: Sendable {
        /// The TeX, mapped to the notebook.
        public let tex: SourceFragment
        /// The parse.
        public let parsed: TeXParseResult
        /// Whether it is shown as a block.
        public let display: Bool
        /// Whether it is a checked equation.
        public let checked: Bool
        /// The number and anchor of a numbered display equation.
        public let number: EquationReference?
        /// Whether the TeX has problems (a checked equation with any is not evaluated).
        public let hasIssues: Bool
    }

    /// The math spans, by their index in `ParsedNotebook.math`.
    public let spans: [Formula]
    /// The checked equations, by the index of their cell in `ParsedNotebook.cells`.
    public let cells: [Int: Formula]
    /// Every label of a numbered equation and where it points.
    public let references: [String: EquationReference]
    /// The names of the macros the notebook defines, without backslash.
    public let macroNames: Set<String>
    /// Unknown commands, unbalanced braces, unresolved references: warnings in prose,
    /// errors in checked equations.
    public let diagnostics: [Diagnostic]

    /// Parses the math of `notebook`.
    public init(notebook: ParsedNotebook) {
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
        var parsed:
            [(source: Source, tex: SourceFragment, display: Bool, result: TeXParseResult, number: EquationReference?)] =
                []
        for (_, source) in ordered {
            let (tex, display): (SourceFragment, Bool) =
                switch source {
                case .span(let index): (notebook.math[index].tex, notebook.math[index].isDisplay)
                case .cell(let index): (notebook.cells[index].code, true)
                }
            let result = TeXParser.parse(tex.text, macros: &macros)
            var number: EquationReference?
            if display, !result.isNumberingSuppressed || result.tag != nil {
                let text: String
                if let tag = result.tag {
                    text = tag.text
                } else {
                    counter += 1
                    text = String(counter)
                }
                let reference = EquationReference(
                    number: text, anchor: "eq." + (result.label.map(Self.anchorText) ?? text))
                number = reference
                for label in result.labels where references[label.name] == nil {
                    references[label.name] = reference
                }
            }
            parsed.append((source, tex, display, result, number))
        }

        let writer = MathMLWriter(references: references)
        var spans: [Int: Formula] = [:]
        var cells: [Int: Formula] = [:]
        var diagnostics: [Diagnostic] = []
        for (source, tex, display, result, number) in parsed {
            let issues = result.issues + writer.unresolvedReferences(in: result)
            let checked: Bool
            switch source {
            case .span: checked = false
            case .cell: checked = true
            }
            diagnostics += issues.map { $0.diagnostic(checked ? .error : .warning, in: tex) }
            let formula = Formula(
                tex: tex, parsed: result, display: display, checked: checked, number: number, hasIssues: !issues.isEmpty
            )
            switch source {
            case .span(let index): spans[index] = formula
            case .cell(let index): cells[index] = formula
            }
        }
        self.spans = notebook.math.indices.compactMap { spans[$0] }
        self.cells = cells
        self.references = references
        self.macroNames = Set(macros.names)
        self.diagnostics = diagnostics
    }

    /// A writer of the notebook's math, its references resolved.
    public var writer: MathMLWriter { MathMLWriter(references: references) }

    /// A label as anchor text: a leading `eq:` dropped (the anchor already says `eq.`);
    /// letters, digits, `:`, `_` and `-` kept, anything else `-`.
    static func anchorText(_ label: String) -> String {
        let name = label.hasPrefix("eq:") && label.count > 3 ? String(label.dropFirst(3)) : label
        return String(name.map { $0.isLetter || $0.isNumber || ":_-".contains($0) ? $0 : "-" })
    }
}
