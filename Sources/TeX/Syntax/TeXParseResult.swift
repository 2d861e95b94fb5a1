import Diagnostics

/// What the parser makes of one math span: the tree, the equation marks, and the issues.
public struct TeXParseResult: Sendable, Hashable {
    /// The TeX that was parsed (the span's content, without delimiters).
    public var source: String
    /// The formula, a `.row` covering the whole source.
    public var root: TeXNode
    /// Every `\label{…}`, in order.
    public var labels: [EquationLabel]
    /// Every `\tag{…}` or `\tag*{…}`, in order.
    public var tags: [EquationTag]
    /// Whether numbering is turned off: `\notag`, `\nonumber`, or a starred environment.
    public var isNumberingSuppressed: Bool
    /// What went wrong, in source order; the tree holds an `.error` node where it shows.
    public var issues: [TeXIssue]

    /// A parse result.
    public init(
        source: String, root: TeXNode, labels: [EquationLabel] = [], tags: [EquationTag] = [],
        isNumberingSuppressed: Bool = false, issues: [TeXIssue] = []
    ) {
        self.source = source
        self.root = root
        self.labels = labels
        self.tags = tags
        self.isNumberingSuppressed = isNumberingSuppressed
        self.issues = issues
    }

    /// The first label, which names the display.
    public var label: String? { labels.first?.name }
    /// The first tag, which replaces the display's automatic number.
    public var tag: EquationTag? { tags.first }
}

/// A `\label{name}`, recorded on the parse result rather than drawn.
public struct EquationLabel: Sendable, Hashable {
    /// The label text, e.g. `"eq:grad"`.
    public var name: String
    /// Where the `\label{…}` is.
    public var range: SourceRange
    /// The row of the environment it is in (0-based), nil outside rows.
    public var row: Int?

    /// A label.
    public init(name: String, range: SourceRange, row: Int? = nil) {
        self.name = name
        self.range = range
        self.row = row
    }
}

/// A `\tag{text}`: the equation's number given by hand.
public struct EquationTag: Sendable, Hashable {
    /// The tag text, e.g. `"5.9"`.
    public var text: String
    /// `\tag*` shows the text without parentheses.
    public var isStarred: Bool
    /// Where the `\tag{…}` is.
    public var range: SourceRange
    /// The row of the environment it is in (0-based), nil outside rows.
    public var row: Int?

    /// A tag.
    public init(text: String, isStarred: Bool, range: SourceRange, row: Int? = nil) {
        self.text = text
        self.isStarred = isStarred
        self.range = range
        self.row = row
    }

    /// The number as shown beside the equation: `(5.9)`, or the bare text for `\tag*`.
    public var display: String { isStarred ? text : "(\(text))" }
}

extension TeXParseResult {
    /// The part of the formula written within `range` (UTF-8 offsets in `source`), as a row:
    /// every node inside the range, found in the rows, style switches, colours and
    /// environment cells that straddle its ends. It is the tree that parsing the text of the
    /// range alone would give, taken from this parse rather than made by another; its nodes
    /// keep their ranges in `source`.
    public func nodes(within range: SourceRange) -> TeXNode {
        var nodes: [TeXNode] = []
        var stack = [root]
        while let node = stack.popLast() {
            if node.range.lowerBound >= range.lowerBound, node.range.upperBound <= range.upperBound {
                nodes.append(node)
                continue
            }
            guard node.range.lowerBound < range.upperBound, node.range.upperBound > range.lowerBound else { continue }
            switch node.kind {
            case .row(let children): stack += children.reversed()
            case .style(_, let inner), .color(_, let inner): stack.append(inner)
            case .environment(let environment): stack += environment.rows.flatMap { $0 }.reversed()
            default: continue
            }
        }
        return TeXNode(.row(nodes), range: range)
    }

    /// The text of `range` in `source`.
    public func text(of range: SourceRange) -> String {
        let utf8 = Array(source.utf8)
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
