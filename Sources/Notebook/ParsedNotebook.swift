import Diagnostics

/// A notebook read into the pieces derive works with: front matter, headings, math spans,
/// and the cells that hold setup code and checked equations. Pure Swift values; the
/// Markdown itself is rendered later by `render(_:)`.
public struct ParsedNotebook: Sendable {
    /// The notebook file.
    public let file: SourceFile
    /// Its front matter (empty when it has none).
    public let frontMatter: FrontMatter
    /// Headings in document order, with unique anchors.
    public let headings: [Heading]
    /// Every piece of math that is only rendered: `$…$`, `` $`…`$ ``, `$$…$$`, ```` ```math ````.
    public let math: [MathSpan]
    /// The ```` ```gp ````, ```` ```math check ````, ```` ```python ```` and ```` ```swift ````
    /// blocks, in document order.
    public let cells: [Cell]
    /// Problems found while reading (front matter, unclosed fences).
    public let diagnostics: [Diagnostic]

    /// The notebook's Markdown, math masked, as cmark parsed it.
    let document: MarkdownDocument

    /// The report's title: `title:` from the front matter, else the first heading's text.
    public var title: String? { frontMatter.title ?? headings.first?.text }

    /// Reads a notebook.
    public init(file: SourceFile) {
        let (frontMatter, text, frontDiagnostics) = FrontMatter.read(file)
        let blocks = Markdown.survey(text)
        let masker = MathMasker(file: file, text: text, blocks: blocks)
        let spans = masker.spans()
        var math = spans.map { span in
            MathSpan(tex: span.tex, range: span.range, style: span.display ? .display : .inline)
        }
        let masked = MathMasker.mask(text, spans: spans, tokens: spans.indices.map(Placeholder.token))

        var cells: [Cell] = []
        // The role of each code block, by the notebook line it starts on.
        var roles: [Int: MarkdownDocument.CodeBlockRole] = [:]
        var diagnostics = frontDiagnostics
        for block in blocks {
            guard case .code(let info, let literal, let fenced) = block.kind else { continue }
            let fragment = Self.fragment(of: literal, block: block, fenced: fenced, file: file)
            let range = SourceRange(
                file.lineStarts[block.startLine - 1],
                file.offset(line: block.endLine, byteColumn: block.endColumn + 1))
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            switch (fenced ? words.first : nil) {
            case "gp":
                roles[block.startLine] = .cell(cells.count)
                cells.append(Cell(kind: .setup, code: fragment, range: range, info: info))
            case "math" where words.dropFirst().contains("check"):
                roles[block.startLine] = .cell(cells.count)
                cells.append(Cell(kind: .check, code: fragment, range: range, info: info))
            case "python", "swift":
                roles[block.startLine] = .cell(cells.count)
                cells.append(Cell(kind: .code(language: words[0]), code: fragment, range: range, info: info))
            case "math":
                roles[block.startLine] = .math(math.count)
                math.append(MathSpan(tex: fragment, range: range, style: .fence))
            default:
                break
            }
            if fenced, !Self.isClosed(block, in: file) {
                diagnostics.append(
                    .warning(
                        "code fence is not closed", file: file,
                        range: SourceRange(range.lowerBound, file.offset(line: block.startLine, byteColumn: 4)),
                        help:
                            "everything after it to the end of the notebook is read as code; close it with a matching fence"
                    ))
            }
        }

        // Code blocks are never masked, so each starts where the raw text's survey saw it.
        let document = Markdown.document(masked.text) { maskedLine in
            roles[file.location(of: masked.originalOffset(ofLine: maskedLine)).line] ?? .plain
        }
        var slugger = Slugger()
        let headings = document.headings.map { level, text in
            let plain = Placeholder.split(text).map { piece in
                switch piece {
                case .text(let text): text
                case .math(let index): math[index].tex.text
                }
            }.joined()
            return Heading(level: level, text: plain, id: slugger.slug(plain))
        }

        self.file = file
        self.frontMatter = frontMatter
        self.headings = headings
        self.math = math
        self.cells = cells
        self.diagnostics = diagnostics
        self.document = document
    }

    /// The literal of a code block as a fragment mapped to the lines it came from: content
    /// line k of a fenced block is file line start + 1 + k, of an indented block start + k,
    /// and each content line is the tail of its file line.
    private static func fragment(
        of literal: String, block: Markdown.SurveyedBlock, fenced: Bool, file: SourceFile
    ) -> SourceFragment {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let first = block.startLine + (fenced ? 1 : 0)
        let mapped = lines.enumerated().map { index, content -> (text: Substring, fileOffset: Int) in
            let number = first + index
            guard number <= file.lineStarts.count else { return (content, file.text.utf8.count) }
            let line = file.line(number)
            let start = file.lineStarts[number - 1]
            if line.hasSuffix(content) {
                return (content, start + line.utf8.count - content.utf8.count)
            }
            return (content, start)
        }
        return SourceFragment(lines: mapped, file: file)
    }

    /// Whether a fenced block has its closing fence (an unclosed one runs to the end).
    private static func isClosed(_ block: Markdown.SurveyedBlock, in file: SourceFile) -> Bool {
        guard block.endLine > block.startLine else { return false }
        let last = file.line(block.endLine).drop { " \t>".contains($0) }
        return last.hasPrefix("```") || last.hasPrefix("~~~")
    }
}

/// A heading: its level, the text a reader sees (math as its TeX), and a unique anchor.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, 2 for `##`, …
    public let level: Int
    /// Plain text, math given by its TeX source.
    public let text: String
    /// The anchor, unique in the notebook (GitHub's rules: lower case, hyphens, `-1` suffixes).
    public let id: String
}

/// One piece of math that is rendered but not checked.
public struct MathSpan: Sendable, Hashable {
    /// How the math was written.
    public enum Style: Sendable, Hashable {
        /// `$…$` or `` $`…`$ ``.
        case inline
        /// `$$…$$`.
        case display
        /// A ```` ```math ```` fenced block.
        case fence
    }
    /// The TeX between the delimiters, mapped to the notebook.
    public let tex: SourceFragment
    /// The span in the notebook, delimiters included.
    public let range: SourceRange
    /// How it was written.
    public let style: Style

    /// Whether it is shown as a block (display or fence).
    public var isDisplay: Bool { style != .inline }
}

/// A fenced block that derive evaluates.
public struct Cell: Sendable, Hashable {
    /// What the block holds.
    public enum Kind: Sendable, Hashable {
        /// ```` ```gp ````: setup statements.
        case setup
        /// ```` ```math check ````: equations to check.
        case check
        /// ```` ```python ```` or ```` ```swift ````: a code cell, by its language's name.
        case code(language: String)
    }
    /// Setup or check.
    public let kind: Kind
    /// The block's body, mapped to the notebook.
    public let code: SourceFragment
    /// The whole block in the notebook, fences included.
    public let range: SourceRange
    /// The fence's info string (`gp`, `math check`, `python`).
    public let info: String
}
