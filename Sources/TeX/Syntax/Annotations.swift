/// A named operator such as `\log`, `\max` or `\operatorname*{arg\,max}`.
public struct OperatorName: Sendable, Hashable {
    /// The name as it is shown, spaces included: `"log"`, `"tr"`, `"arg max"` (thin space).
    public var name: String
    /// Whether scripts go under and over it in display style (`\lim`, `\max`, `\operatorname*`).
    public var limits: Bool
    /// The command that wrote it: `"\\log"`, `"\\operatorname"`, or a user macro's name.
    public var source: String

    /// A named operator.
    public init(name: String, limits: Bool, source: String) {
        self.name = name
        self.limits = limits
        self.source = source
    }
}

/// The math alphabets of the font commands.
public enum MathFont: String, Sendable, Hashable, CaseIterable {
    /// `\mathrm`: upright.
    case roman
    /// `\mathit`: italic.
    case italic
    /// `\mathbf`: bold upright.
    case bold
    /// `\boldsymbol`, `\bm`: bold italic letters, bold upright capital Greek and digits.
    case boldItalic
    /// `\mathcal`, `\mathscr`: script.
    case script
    /// `\mathbb`: double-struck.
    case doubleStruck
    /// `\mathfrak`: fraktur.
    case fraktur
    /// `\mathsf`: sans-serif.
    case sansSerif
    /// `\mathtt`: monospace.
    case monospace
}

/// Text inside a formula, from `\text` and its relatives.
public struct TextRun: Sendable, Hashable {
    /// The text, with TeX's escapes resolved (`\%` is `%`, `~` a no-break space).
    public var text: String
    /// The alphabet of `\textbf`, `\textit`, `\texttt`, `\textsf`; nil for plain text.
    public var font: MathFont?

    /// A run of text.
    public init(_ text: String, font: MathFont? = nil) {
        self.text = text
        self.font = font
    }
}

/// An accent, line, arrow or brace over or under a base.
public struct Accent: Sendable, Hashable {
    /// The command without backslash: `"hat"`, `"overline"`, `"underbrace"`.
    public var command: String
    /// The mark drawn: `"^"`, `"‾"`, `"→"`, `"⏟"`.
    public var mark: String
    /// Whether the mark stretches to the width of the base (`\widehat`, `\overline`).
    public var isStretchy: Bool
    /// Whether the mark goes under the base (`\underline`, `\underbrace`).
    public var isUnder: Bool
    /// Whether it is an accent proper (set close) rather than a brace (set apart).
    public var isAccent: Bool
    /// What the accent is on.
    public var base: TeXNode

    /// An accent on a base.
    public init(
        command: String, mark: String, isStretchy: Bool, isUnder: Bool, isAccent: Bool,
        base: TeXNode
    ) {
        self.command = command
        self.mark = mark
        self.isStretchy = isStretchy
        self.isUnder = isUnder
        self.isAccent = isAccent
        self.base = base
    }
}

/// A base with a node set over or under it: `\overset{!}{=}`, `\underset{x}{\max}`.
public struct Stack: Sendable, Hashable {
    /// The node that keeps its size and place.
    public var base: TeXNode
    /// What is set above, in script size.
    public var over: TeXNode?
    /// What is set below, in script size.
    public var under: TeXNode?

    /// A stack of nodes.
    public init(base: TeXNode, over: TeXNode? = nil, under: TeXNode? = nil) {
        self.base = base
        self.over = over
        self.under = under
    }
}

/// Horizontal space, in math units (18 mu = 1 em); negative for `\!`.
public struct Space: Sendable, Hashable {
    /// The width in mu: `\,` is 3, `\:` 4, `\;` 5, `\quad` 18, `\qquad` 36, `\!` −3.
    public var mu: Int

    /// A space of `mu` math units.
    public init(mu: Int) {
        self.mu = mu
    }
}

/// TeX's four math styles.
public enum MathStyle: String, Sendable, Hashable, CaseIterable {
    case display, text, script, scriptScript
}

/// The phantom commands.
public enum Phantom: String, Sendable, Hashable, CaseIterable {
    /// `\phantom`: width, height and depth.
    case full
    /// `\hphantom`: width only.
    case horizontal
    /// `\vphantom`: height and depth only.
    case vertical
}

/// A cross-reference to a labelled equation.
public struct Reference: Sendable, Hashable {
    /// The label referred to.
    public var label: String
    /// `\eqref` (number in parentheses) or `\ref` (bare number).
    public var isParenthesized: Bool

    /// A reference to `label`.
    public init(label: String, isParenthesized: Bool) {
        self.label = label
        self.isParenthesized = isParenthesized
    }
}
