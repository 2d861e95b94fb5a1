/// A notebook's Markdown with its math masked, as cmark parsed it: blocks and inlines as
/// Swift values, kept from the one parse of the document to the rendering of the report.
///
/// The nodes live in one array and refer to their children by position, so a hostile
/// notebook nested ten thousand block quotes deep makes a long array, not a deep recursion.
struct MarkdownDocument: Sendable {
    /// What a node is, with what cmark knew of it.
    enum Kind: Sendable, Hashable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        /// A code block and what it is to the notebook (a cell, a math fence, plain code).
        case codeBlock(info: String, literal: String, role: CodeBlockRole)
        case htmlBlock(String)
        case paragraph
        /// A heading and its position among the document's headings.
        case heading(level: Int, index: Int)
        case thematicBreak
        /// Text, math placeholders included.
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
    }

    /// What a code block of the notebook is.
    enum CodeBlockRole: Sendable, Hashable {
        /// Code cmark renders as it is.
        case plain
        /// A ```` ```gp ```` or ```` ```math check ```` block: cell `index` of the notebook.
        case cell(Int)
        /// A ```` ```math ```` fence: math span `index`.
        case math(Int)
    }

    /// One node: its kind and the positions of its children in `nodes`.
    struct Node: Sendable, Hashable {
        var kind: Kind
        var children: [Int] = []
    }

    /// Every node, in document order; `nodes[0]` is the document.
    var nodes: [Node]

    /// The node at `index`.
    subscript(index: Int) -> Node { nodes[index] }

    /// The headings, in order: level and the text a reader sees, math as its placeholder.
    var headings: [(level: Int, text: String)] {
        nodes.indices.compactMap { index in
            guard case .heading(let level, _) = nodes[index].kind else { return nil }
            return (level, plainText(of: index, keepingMath: true))
        }
    }

    /// The text of a node's inline content as a reader sees it: text and code literals,
    /// line breaks as spaces; math placeholders kept or dropped.
    func plainText(of index: Int, keepingMath: Bool) -> String {
        var text = ""
        var stack = Array(nodes[index].children.reversed())
        while let next = stack.popLast() {
            switch nodes[next].kind {
            case .text(let literal):
                if keepingMath {
                    text += literal
                } else {
                    for case .text(let piece) in Placeholder.split(literal) { text += piece }
                }
            case .code(let literal): text += literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
            stack += nodes[next].children.reversed()
        }
        return text
    }
}
