/// `\begin{name} … \end{name}`: rows split by `\\`, cells split by `&`.
public struct Environment: Sendable, Hashable {
    /// The environment as written (`"pmatrix"`, `"align*"`).
    public var name: String
    /// What the name means; nil for an unknown environment (kept so it can be shown).
    public var kind: EnvironmentKind?
    /// The rows, each a list of cells, each cell a `.row` node.
    public var rows: [[TeXNode]]
    /// The alignment of each column: from the `array` column spec, else the kind's default.
    public var columns: [ColumnAlignment]

    /// An environment.
    public init(name: String, kind: EnvironmentKind?, rows: [[TeXNode]], columns: [ColumnAlignment]) {
        self.name = name
        self.kind = kind
        self.rows = rows
        self.columns = columns
    }

    /// The alignment of column `index` (the last given alignment repeats).
    public func alignment(ofColumn index: Int) -> ColumnAlignment {
        if let kind, kind.isAlignment { return index % 2 == 0 ? .right : .left }
        if columns.isEmpty { return kind?.defaultAlignment ?? .center }
        return columns[min(index, columns.count - 1)]
    }
}

/// How the cells of a column line up.
public enum ColumnAlignment: String, Sendable, Hashable {
    case left, center, right
}

/// The environments derive knows.
public enum EnvironmentKind: String, Sendable, Hashable, CaseIterable {
    case matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, smallmatrix
    case cases, dcases, rcases
    case aligned, align, alignStar = "align*", split, alignedat
    case gathered, gather, gatherStar = "gather*"
    case equation, equationStar = "equation*"
    case array, subarray

    /// Whether columns pair up right/left around `&` (`aligned`, `align`, `split`).
    public var isAlignment: Bool {
        switch self {
        case .aligned, .align, .alignStar, .split, .alignedat: true
        default: false
        }
    }

    /// Whether cells are set in display style (the alignments and gatherings).
    public var isDisplayStyle: Bool {
        switch self {
        case .aligned, .align, .alignStar, .split, .alignedat, .gathered, .gather, .gatherStar,
            .equation, .equationStar, .dcases:
            true
        default: false
        }
    }

    /// Whether the environment suppresses equation numbers (the starred forms).
    public var isUnnumbered: Bool { rawValue.hasSuffix("*") }

    /// Whether the environment takes a column spec (`array`, `subarray`) as first argument.
    public var takesColumnSpec: Bool { self == .array || self == .subarray }

    /// The alignment of columns when nothing else says: left for cases, else centred.
    public var defaultAlignment: ColumnAlignment {
        switch self {
        case .cases, .dcases, .rcases: .left
        default: .center
        }
    }

    /// The fences drawn around the table, as (open, close) text; "" for none.
    public var fences: (open: String, close: String) {
        switch self {
        case .pmatrix: ("(", ")")
        case .bmatrix: ("[", "]")
        case .Bmatrix: ("{", "}")
        case .vmatrix: ("|", "|")
        case .Vmatrix: ("‖", "‖")
        case .cases, .dcases: ("{", "")
        case .rcases: ("", "}")
        default: ("", "")
        }
    }
}
