import CCmark
import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcmark, behind this one file: every C pointer is created, read and freed here, and
/// only Swift values leave.
///
/// Two parses, each of its own text and each once: `survey` reads the notebook's raw text
/// for where code, HTML and text blocks are (so the math masker never scans code), and
/// `document` reads the text with its math masked into a `MarkdownDocument` of Swift values.
/// `render` builds that document back into a cmark tree, math and cells as custom nodes, and
/// lets cmark write the HTML with its safe mode on.
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
        let root = parse(text, options: CMARK_OPT_SOURCEPOS, counting: .markdownBlocks)
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

    /// Parses the masked text once into a document. `role` says what the code block that
    /// starts on a (1-based) line of the masked text is to the notebook.
    static func document(_ masked: String, role: (Int) -> MarkdownDocument.CodeBlockRole) -> MarkdownDocument {
        let root = parse(masked, options: CMARK_OPT_SOURCEPOS, counting: .markdownDocument)
        defer { cmark_node_free(root) }
        var nodes: [MarkdownDocument.Node] = []
        var open: [Int] = []
        var headings = 0
        guard let iterator = cmark_iter_new(root) else { return MarkdownDocument(nodes: [.init(kind: .document)]) }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                open.removeLast()
                continue
            }
            let kind: MarkdownDocument.Kind
            var isLeaf = true
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: kind = .document; isLeaf = false
            case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote; isLeaf = false
            case CMARK_NODE_LIST:
                kind = .list(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
                isLeaf = false
            case CMARK_NODE_ITEM: kind = .item; isLeaf = false
            case CMARK_NODE_CODE_BLOCK:
                kind = .codeBlock(
                    info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)),
                    role: role(Int(cmark_node_get_start_line(node))))
            case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(string(cmark_node_get_literal(node)))
            case CMARK_NODE_PARAGRAPH: kind = .paragraph; isLeaf = false
            case CMARK_NODE_HEADING:
                kind = .heading(level: Int(cmark_node_get_heading_level(node)), index: headings)
                headings += 1
                isLeaf = false
            case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
            case CMARK_NODE_TEXT: kind = .text(string(cmark_node_get_literal(node)))
            case CMARK_NODE_SOFTBREAK: kind = .softBreak
            case CMARK_NODE_LINEBREAK: kind = .lineBreak
            case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
            case CMARK_NODE_HTML_INLINE: kind = .htmlInline(string(cmark_node_get_literal(node)))
            case CMARK_NODE_EMPH: kind = .emphasis; isLeaf = false
            case CMARK_NODE_STRONG: kind = .strong; isLeaf = false
            case CMARK_NODE_LINK:
                kind = .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
                isLeaf = false
            case CMARK_NODE_IMAGE:
                kind = .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
                isLeaf = false
            default:
                // Custom nodes do not come out of the parser; keep the tree's shape anyway.
                kind = .text("")
                isLeaf = cmark_node_first_child(node) == nil
            }
            let index = nodes.count
            nodes.append(MarkdownDocument.Node(kind: kind))
            if let parent = open.last { nodes[parent].children.append(index) }
            // Containers are exited by the iterator, even when empty; leaves are not.
            if !isLeaf { open.append(index) }
        }
        return MarkdownDocument(nodes: nodes)
    }

    /// What `render` puts in place of the notebook's own pieces.
    struct Substitutions {
        /// HTML for the math placeholder with this number; `alone` when it is a paragraph
        /// of its own (rendered as a block).
        var math: (Int, _ alone: Bool) -> String
        /// Whether the math placeholder with this number is display math.
        var isDisplay: (Int) -> Bool
        /// HTML for a code block that is a cell or a math fence, or nil to let cmark render it.
        var codeBlock: (MarkdownDocument.CodeBlockRole) -> String?
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

    /// Renders a document to an HTML fragment: the document is built back into a cmark tree,
    /// with math, cells and heading anchors put in as custom nodes, and cmark writes the HTML
    /// (safe mode on unless `unsafeHTML`).
    static func render(_ document: MarkdownDocument, substitutions: Substitutions) -> String {
        let root = cmark_node_new(CMARK_NODE_DOCUMENT)
        defer { cmark_node_free(root) }
        guard let root else { return "" }
        let builder = TreeBuilder(document: document, substitutions: substitutions)
        builder.appendChildren(of: 0, to: root)
        let options = substitutions.unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Builds cmark nodes from a document, one node kind at a time, without recursion.
    private struct TreeBuilder {
        let document: MarkdownDocument
        let substitutions: Substitutions

        /// Appends the subtrees of `index`'s children to `parent`, in order.
        func appendChildren(of index: Int, to parent: OpaquePointer) {
            var stack: [(index: Int, parent: OpaquePointer)] = document[index].children.reversed().map { ($0, parent) }
            while let (next, parent) = stack.popLast() {
                guard let node = make(next) else { continue }
                cmark_node_append_child(parent, node)
                if expandsChildren(next) {
                    stack += document[next].children.reversed().map { ($0, node) }
                }
            }
        }

        /// Whether the cmark node made for `index` takes the document's children of `index`
        /// (a node that was replaced or whose children were used up already does not).
        private func expandsChildren(_ index: Int) -> Bool {
            switch document[index].kind {
            case .paragraph: loneDisplayMath(index) == nil
            case .heading, .codeBlock, .htmlBlock, .htmlInline, .text: false
            case .image(let url, _): substitutions.imageSource(url) != nil
            default: true
            }
        }

        /// The cmark node for `index`, children not included; nil when it renders as nothing.
        private func make(_ index: Int) -> OpaquePointer? {
            switch document[index].kind {
            case .document: return cmark_node_new(CMARK_NODE_DOCUMENT)
            case .blockQuote: return cmark_node_new(CMARK_NODE_BLOCK_QUOTE)
            case .list(let ordered, let start, let tight):
                let node = cmark_node_new(CMARK_NODE_LIST)
                cmark_node_set_list_type(node, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
                cmark_node_set_list_start(node, Int32(clamping: start))
                cmark_node_set_list_tight(node, tight ? 1 : 0)
                return node
            case .item: return cmark_node_new(CMARK_NODE_ITEM)
            case .codeBlock(let info, let literal, let role):
                if let html = substitutions.codeBlock(role) { return customBlock(html) }
                let node = cmark_node_new(CMARK_NODE_CODE_BLOCK)
                cmark_node_set_fence_info(node, info)
                cmark_node_set_literal(node, literal)
                return node
            case .htmlBlock(let literal):
                guard !substitutions.unsafeHTML else { return literalNode(CMARK_NODE_HTML_BLOCK, literal) }
                return Self.neutralized(literal, block: true)
            case .paragraph:
                if let html = loneDisplayMath(index) { return customBlock(html) }
                return cmark_node_new(CMARK_NODE_PARAGRAPH)
            case .heading(let level, let number):
                return heading(index, level: level, number: number)
            case .thematicBreak: return cmark_node_new(CMARK_NODE_THEMATIC_BREAK)
            case .text(let literal): return text(literal)
            case .softBreak: return cmark_node_new(CMARK_NODE_SOFTBREAK)
            case .lineBreak: return cmark_node_new(CMARK_NODE_LINEBREAK)
            case .code(let literal): return literalNode(CMARK_NODE_CODE, literal)
            case .htmlInline(let literal):
                guard !substitutions.unsafeHTML else { return literalNode(CMARK_NODE_HTML_INLINE, literal) }
                return Self.neutralized(literal, block: false)
            case .emphasis: return cmark_node_new(CMARK_NODE_EMPH)
            case .strong: return cmark_node_new(CMARK_NODE_STRONG)
            case .link(let url, let title):
                let node = cmark_node_new(CMARK_NODE_LINK)
                cmark_node_set_url(node, substitutions.linkDestination(url))
                cmark_node_set_title(node, title)
                return node
            case .image(let url, let title):
                if let source = substitutions.imageSource(url) {
                    let node = cmark_node_new(CMARK_NODE_IMAGE)
                    cmark_node_set_url(node, source)
                    cmark_node_set_title(node, title)
                    return node
                }
                // An image that may not be embedded becomes a link to it, labelled with its alt text.
                let link = cmark_node_new(CMARK_NODE_LINK)
                cmark_node_set_url(link, url)
                let alt = document.plainText(of: index, keepingMath: false)
                cmark_node_append_child(link, literalNode(CMARK_NODE_TEXT, "image: " + (alt.isEmpty ? url : alt)))
                return link
            }
        }

        /// A text node, or a run of text and custom inline nodes when it holds math
        /// placeholders (wrapped in a transparent custom inline).
        private func text(_ literal: String) -> OpaquePointer? {
            let pieces = Placeholder.split(literal)
            guard pieces.contains(where: { if case .math = $0 { true } else { false } }) else {
                return literalNode(CMARK_NODE_TEXT, literal)
            }
            let group = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(group, "")
            cmark_node_set_on_exit(group, "")
            for piece in pieces {
                switch piece {
                case .text(let text): cmark_node_append_child(group, literalNode(CMARK_NODE_TEXT, text))
                case .math(let index):
                    let math = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                    cmark_node_set_on_enter(math, substitutions.math(index, false))
                    cmark_node_set_on_exit(math, "")
                    cmark_node_append_child(group, math)
                }
            }
            return group
        }

        /// The HTML for a paragraph that holds nothing but one display-math placeholder.
        private func loneDisplayMath(_ index: Int) -> String? {
            var text = ""
            for child in document[index].children {
                switch document[child].kind {
                case .text(let literal): text += literal
                case .softBreak: text += " "
                default: return nil
                }
            }
            let pieces = Placeholder.split(text).filter {
                if case .text(let t) = $0 { !t.allSatisfy(\.isWhitespace) } else { true }
            }
            guard pieces.count == 1, case .math(let math) = pieces[0], substitutions.isDisplay(math) else {
                return nil
            }
            return substitutions.math(math, true)
        }

        /// A heading as a custom block with its anchor: `<hN id="…"><a class="anchor" …>#</a>…</hN>`,
        /// its inline HTML written by cmark.
        private func heading(_ index: Int, level: Int, number: Int) -> OpaquePointer? {
            let node = cmark_node_new(CMARK_NODE_HEADING)
            guard let node else { return nil }
            defer { cmark_node_free(node) }
            cmark_node_set_heading_level(node, Int32(level))
            appendChildren(of: index, to: node)
            let id = substitutions.headingID(number)
            let inner = Markdown.innerHTML(node, tag: "h\(level)")
            return customBlock(
                "<h\(level) id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" "
                    + "aria-hidden=\"true\">#</a>\(inner)</h\(level)>\n")
        }

        private func customBlock(_ html: String) -> OpaquePointer? {
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            return block
        }

        private func literalNode(_ type: cmark_node_type, _ literal: String) -> OpaquePointer? {
            let node = cmark_node_new(type)
            cmark_node_set_literal(node, literal)
            return node
        }

        /// Raw HTML shown as text, so notebook text can never inject markup; comments vanish.
        static func neutralized(_ literal: String, block: Bool) -> OpaquePointer? {
            if literal.trimmingLeadingWhitespace().hasPrefix("<!--") { return nil }
            let node = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_CODE)
            if block { cmark_node_set_fence_info(node, "html") }
            cmark_node_set_literal(node, literal)
            return node
        }
    }

    /// The HTML of a node's children: the node rendered alone, its own tag stripped.
    fileprivate static func innerHTML(_ node: OpaquePointer, tag: String) -> String {
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if html.hasPrefix("<\(tag)>") { html.removeFirst(tag.count + 2) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</\(tag)>") { html.removeLast(tag.count + 3) }
        return html
    }

    // MARK: - Plumbing

    /// The one call of cmark's parser, counted.
    private static func parse(_ text: String, options: Int32, counting kind: InputCounts.Kind) -> OpaquePointer {
        InputCounts.record(kind)
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

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

extension String {
    fileprivate func trimmingLeadingWhitespace() -> Substring {
        self[(firstIndex { !$0.isWhitespace } ?? endIndex)...]
    }
}
