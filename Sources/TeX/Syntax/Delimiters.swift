import Diagnostics

/// `\left open … \right close`; `\middle` delimiters stay in `body` as `.delimiter` nodes.
public struct Fenced: Sendable, Hashable {
    /// The opening delimiter (its symbol is nil for `\left.`).
    public var open: Delimiter
    /// What stands between the delimiters, as a `.row`.
    public var body: TeXNode
    /// The closing delimiter (its symbol is nil for `\right.` or when `\right` is missing).
    public var close: Delimiter

    /// A fenced body.
    public init(open: Delimiter, body: TeXNode, close: Delimiter) {
        self.open = open
        self.body = body
        self.close = close
    }
}

/// A delimiter with a size: stretchy (`\left`, `\right`, `\middle`) or fixed (`\big`…`\Bigg`).
public struct Delimiter: Sendable, Hashable {
    /// The symbol; nil for the invisible delimiter `.`.
    public var symbol: TeXSymbol?
    /// How tall it is drawn.
    public var size: Size
    /// Where it stands: opening, closing, in the middle, or as its symbol's class says.
    public var role: Role
    /// The UTF-8 range of the delimiter command and symbol (`\left(`).
    public var range: SourceRange

    /// A delimiter.
    public init(symbol: TeXSymbol?, size: Size, role: Role, range: SourceRange) {
        self.symbol = symbol
        self.size = size
        self.role = role
        self.range = range
    }

    /// The height of a delimiter.
    public enum Size: Int, Sendable, Hashable {
        /// Grows with what it encloses (`\left`, `\right`, `\middle`).
        case stretchy = 0
        /// `\big`: 1.2 em.
        case big = 1
        /// `\Big`: 1.623 em.
        case Big = 2
        /// `\bigg`: 2.047 em.
        case bigg = 3
        /// `\Bigg`: 2.470 em.
        case Bigg = 4

        /// The fixed height in em, nil when stretchy (the sizes of amsmath at 10 pt).
        public var height: String? {
            switch self {
            case .stretchy: nil
            case .big: "1.2em"
            case .Big: "1.623em"
            case .bigg: "2.047em"
            case .Bigg: "2.470em"
            }
        }
    }

    /// The position a delimiter takes.
    public enum Role: String, Sendable, Hashable {
        /// Opens (`\left`, `\bigl`).
        case open
        /// Closes (`\right`, `\bigr`).
        case close
        /// Separates inside a fence (`\middle`, `\bigm`).
        case middle
        /// As its symbol's class says (`\big(` opens, `\big|` does not say).
        case natural
    }
}
