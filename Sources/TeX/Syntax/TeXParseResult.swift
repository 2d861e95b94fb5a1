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
