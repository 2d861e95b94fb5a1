import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcmark, behind this one file: every C pointer is created, read and freed here, and
/// only Swift values leave.
///
/// Two uses: `survey` parses the notebook with source positions to learn where code and
/// HTML blocks and text blocks are (so the math masker never scans code), and `render`
/// parses the masked text again and renders HTML with cmark's safe mode on, math and
/// cells put back as custom nodes.
enum Markdown {
    /// A block of the first parse, with libcmark's 1-based source positions (columns in bytes).
    struct SurveyedBlock: Equatable {
        enum Kind: Equatable {
            /// A fenced or indented code block: its info string and literal content.
            case code(info: String, literal: String, fenced: Bool)
            /// A raw HTML block.
            case html
            /// A paragraph or a heading: text that may hold math.
            case text
        }
        var kind: Kind
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        /// How many block quotes contain the block.
        var quoteDepth: Int
    }

    /// The code, HTML and text blocks of `text`, in document order.
    static func survey(_ text: String) -> [SurveyedBlock] {
        let root = parse(text, options: CMARK_OPT_SOURCEPOS)
        defer { cmark_node_free(root) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [SurveyedBlock] = []
        var quoteDepth = 0
        walk(root) { node, entering in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_BLOCK_QUOTE {
                quoteDepth += entering ? 1 : -1
                return
            }
            guard entering else { return }
            let kind: SurveyedBlock.Kind
            switch type {
            case CMARK_NODE_CODE_BLOCK:
                kind = .code(
                    info: string(cmark_node_get_fence_info(node)),
                    literal: string(cmark_node_get_literal(node)),
                    fenced: isFence(lines, line: Int(cmark_node_get_start_line(node))))
            case CMARK_NODE_HTML_BLOCK: kind = .html
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: kind = .text
            default: return
            }
            blocks.append(
                SurveyedBlock(
                    kind: kind, startLine: Int(cmark_node_get_start_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node)),
                    endLine: Int(cmark_node_get_end_line(node)),
                    endColumn: Int(cmark_node_get_end_column(node)), quoteDepth: quoteDepth))
        }
        return blocks
    }

    /// Whether a code block starting on this 1-based line opens with a fence (else it is indented).
    private static func isFence(_ lines: [Substring], line: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let body = lines[line - 1].drop { " \t>*+-.)0123456789".contains($0) }
        return body.hasPrefix("```") || body.hasPrefix("~~~")
    }

    /// The headings of the masked text, in order: level and plain text (placeholders kept).
    static func headings(_ masked: String) -> [(level: Int, text: String)] {
        let root = parse(masked, options: CMARK_OPT_DEFAULT)
        defer { cmark_node_free(root) }
        var result: [(Int, String)] = []
        walk(root) { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_HEADING else { return }
            result.append((Int(cmark_node_get_heading_level(node)), plainText(node)))
        }
        return result
    }

    /// What `render` puts in place of the notebook's own pieces.
    struct Substitutions {
        /// HTML for the math placeholder with this number; `alone` when it is a paragraph
        /// of its own (rendered as a block).
        var math: (Int, _ alone: Bool) -> String
        /// Whether the math placeholder with this number is display math.
        var isDisplay: (Int) -> Bool
        /// HTML for the n-th code block (0-based, document order), or nil to let cmark render it.
        var codeBlock: (Int) -> String?
        /// The id of the n-th heading (0-based).
        var headingID: (Int) -> String
        /// What to do with an image source: nil drops the image and keeps its alt text as
        /// a link; otherwise the (possibly rewritten) source.
        var imageSource: (String) -> String?
        /// The destination to use for a link (a sibling notebook's `.md` becomes its report).
        var linkDestination: (String) -> String
        /// Whether raw HTML passes through (otherwise it is shown escaped, comments dropped).
        var unsafeHTML: Bool
    }

    /// Renders the masked text to an HTML fragment.
    static func render(_ masked: String, substitutions: Substitutions) -> String {
        let root = parse(masked, options: CMARK_OPT_DEFAULT)
        defer { cmark_node_free(root) }
        var nodes: [OpaquePointer] = []
        walk(root) { node, entering in if entering { nodes.append(node) } }
        var codeIndex = 0
        var replacedParagraphs: Set<OpaquePointer> = []
        // Collect the edits during the walk, apply them afterwards (children first), so no
        // iterator sees a changed tree and no freed node is touched again.
        var edits: [() -> Void] = []
        for node in nodes {
            let parent = cmark_node_parent(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                if let html = loneDisplayMath(node, substitutions) {
                    replacedParagraphs.insert(node)
                    edits.append { replace(node, withBlock: html) }
                }
            case CMARK_NODE_TEXT:
                if let parent, replacedParagraphs.contains(parent) { break }
                edits.append { splitPlaceholders(node, substitutions) }
            case CMARK_NODE_CODE_BLOCK:
                if let html = substitutions.codeBlock(codeIndex) {
                    edits.append { replace(node, withBlock: html) }
                }
                codeIndex += 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !substitutions.unsafeHTML { edits.append { neutralizeHTML(node) } }
            case CMARK_NODE_LINK:
                let url = string(cmark_node_get_url(node))
                let rewritten = substitutions.linkDestination(url)
                if rewritten != url { cmark_node_set_url(node, rewritten) }
            case CMARK_NODE_IMAGE:
                let url = string(cmark_node_get_url(node))
                if let source = substitutions.imageSource(url) {
                    cmark_node_set_url(node, source)
                } else {
                    edits.append { imageToLink(node, url: url) }
                }
            default: break
            }
        }
        edits.reversed().forEach { $0() }
        // Headings become custom blocks with their anchor once their inlines are final.
        var headings: [OpaquePointer] = []
        walk(root) { node, entering in
            if entering, cmark_node_get_type(node) == CMARK_NODE_HEADING { headings.append(node) }
        }
        for (index, node) in headings.enumerated() {
            let id = substitutions.headingID(index)
            let level = cmark_node_get_heading_level(node)
            let inner = innerHTML(node, tag: "h\(level)")
            replace(
                node,
                withBlock: "<h\(level) id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" "
                    + "aria-hidden=\"true\">#</a>\(inner)</h\(level)>\n")
        }
        let options = substitutions.unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    // MARK: - Placeholders

    /// Splits a text node at math placeholders into text and custom inline nodes.
    private static func splitPlaceholders(_ node: OpaquePointer, _ substitutions: Substitutions) {
        let pieces = Placeholder.split(string(cmark_node_get_literal(node)))
        guard pieces.contains(where: { if case .math = $0 { true } else { false } }) else { return }
        for piece in pieces {
            let new: OpaquePointer?
            switch piece {
            case .text(let text):
                new = cmark_node_new(CMARK_NODE_TEXT)
                cmark_node_set_literal(new, text)
            case .math(let index):
                new = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(new, substitutions.math(index, false))
                cmark_node_set_on_exit(new, "")
            }
            if let new { cmark_node_insert_before(node, new) }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The HTML for a paragraph that holds nothing but one display-math placeholder.
    private static func loneDisplayMath(_ node: OpaquePointer, _ substitutions: Substitutions) -> String? {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT: text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK: text += " "
            default: return nil
            }
            child = cmark_node_next(current)
        }
        let pieces = Placeholder.split(text).filter {
            if case .text(let t) = $0 { !t.allSatisfy(\.isWhitespace) } else { true }
        }
        guard pieces.count == 1, case .math(let index) = pieces[0], substitutions.isDisplay(index) else {
            return nil
        }
        return substitutions.math(index, true)
    }

    // MARK: - Tree edits

    private static func replace(_ node: OpaquePointer, withBlock html: String) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }

    /// Raw HTML is shown as text, so notebook text can never inject markup; comments vanish.
    private static func neutralizeHTML(_ node: OpaquePointer) {
        let literal = string(cmark_node_get_literal(node))
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
        if literal.trimmingLeadingWhitespace().hasPrefix("<!--") {
            cmark_node_unlink(node)
            cmark_node_free(node)
            return
        }
        let replacement: OpaquePointer?
        if isBlock {
            replacement = cmark_node_new(CMARK_NODE_CODE_BLOCK)
            cmark_node_set_fence_info(replacement, "html")
        } else {
            replacement = cmark_node_new(CMARK_NODE_CODE)
        }
        cmark_node_set_literal(replacement, literal)
        if let replacement {
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    /// An image that may not be embedded becomes a link to it, labelled with its alt text.
    private static func imageToLink(_ node: OpaquePointer, url: String) {
        let link = cmark_node_new(CMARK_NODE_LINK)
        cmark_node_set_url(link, url)
        let text = cmark_node_new(CMARK_NODE_TEXT)
        let alt = plainText(node)
        cmark_node_set_literal(text, "image: " + (alt.isEmpty ? url : alt))
        cmark_node_append_child(link, text)
        cmark_node_replace(node, link)
        cmark_node_free(node)
    }

    /// The HTML of a node's children: the node rendered alone, its own tag stripped.
    private static func innerHTML(_ node: OpaquePointer, tag: String) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if html.hasPrefix("<\(tag)>") { html.removeFirst(tag.count + 2) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</\(tag)>") { html.removeLast(tag.count + 3) }
        return html
    }

    // MARK: - Plumbing

    private static func parse(_ text: String, options: Int32) -> OpaquePointer {
        let length = text.utf8.count
        return text.withCString { pointer in cmark_parse_document(pointer, length, options) }
    }

    /// Calls `visit` for every node, entering and exiting.
    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// The text of a node's inline content, as a reader sees it.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            guard entering else { return }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

extension String {
    fileprivate func trimmingLeadingWhitespace() -> Substring {
        self[(firstIndex { !$0.isWhitespace } ?? endIndex)...]
    }
}
