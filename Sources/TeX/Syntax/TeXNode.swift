import Diagnostics

/// A node of the TeX syntax tree: what the formula says, with where it says it.
///
/// The tree keeps TeX's own structure — scripts attached to their base, fractions with
/// their two parts, `\left … \right` with its delimiters, environments with rows and
/// cells — and nothing more: rows are flat lists in reading order, because precedence is
/// a question for the consumer (the MathML writer spaces atoms, the evaluator builds
/// products and sums). `range` is a UTF-8 range in the parsed string; a node that came
/// out of a macro carries the range of the macro's invocation.
public struct TeXNode: Sendable, Hashable {
    /// What the node is.
    public var kind: Kind
    /// The UTF-8 range of the node in the parsed TeX string.
    public var range: SourceRange

    /// A node of the given kind covering `range`.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The kinds of nodes.
    public indirect enum Kind: Sendable, Hashable {
        /// A letter, number, operator, relation, fence or other symbol.
        case symbol(TeXSymbol)
        /// A sequence of atoms in reading order (the whole formula, a cell, a fence body).
        case row([TeXNode])
        /// A brace group `{…}`.
        case group([TeXNode])
        /// A base with subscript, superscript and primes.
        case scripts(Scripts)
        /// `\frac`, `\dfrac`, `\tfrac`, `\cfrac`, `\binom`, `\dbinom`, `\tbinom`.
        case fraction(Fraction)
        /// `\sqrt{x}` or `\sqrt[n]{x}`.
        case radical(Radical)
        /// `\left( … \middle| … \right)`.
        case fenced(Fenced)
        /// A delimiter outside `\left … \right`: `\big(`, `\Bigr]`, or `\middle|` in a body.
        case delimiter(Delimiter)
        /// A named operator: `\log`, `\max`, `\operatorname{tr}`, `\operatorname*{arg\,max}`.
        case operatorName(OperatorName)
        /// A font command applied to its argument: `\mathbf{y}`, `\mathrm{d}`, `\mathcal{L}`.
        case font(MathFont, TeXNode)
        /// Text in a formula: `\text{if }`, `\textbf{…}`, `\mbox{…}`.
        case text(TextRun)
        /// An accent over or under a base: `\hat{x}`, `\overline{AB}`, `\underbrace{…}`.
        case accent(Accent)
        /// A base with something set over or under it: `\overset`, `\underset`, `\stackrel`.
        case stack(Stack)
        /// Horizontal space: `\,`, `\quad`, `\!`, `~`.
        case space(Space)
        /// A style switch and the rest of its group: `\displaystyle`, `\scriptstyle`.
        case style(MathStyle, TeXNode)
        /// A colour and what it colours: `\color{red}` (rest of group) or `\textcolor`.
        case color(String, TeXNode)
        /// Invisible content that takes up room: `\phantom`, `\hphantom`, `\vphantom`.
        case phantom(Phantom, TeXNode)
        /// `\begin{…} … \end{…}`, or lines split by `\\` at the top of a display.
        case environment(Environment)
        /// `\eqref{label}` or `\ref{label}`.
        case reference(Reference)
        /// Input that could not be understood, shown as it was written (`\foo`, a stray `}`).
        case error(String)
    }
}

/// A base with its scripts. `f''_i^2` has base `f`, two primes, subscript `i`, superscript `2`.
public struct Scripts: Sendable, Hashable {
    /// The base; nil when the script has nothing before it (`^2` at the start, `{}^2` is a group).
    public var base: TeXNode?
    /// The subscript, if any.
    public var sub: TeXNode?
    /// The superscript, if any (primes are counted separately).
    public var sup: TeXNode?
    /// The number of primes written after the base (`f'` is 1).
    public var primes: Int
    /// `\limits` or `\nolimits` written after a large operator, if any.
    public var limits: Bool?

    /// Scripts on a base.
    public init(
        base: TeXNode?, sub: TeXNode? = nil, sup: TeXNode? = nil, primes: Int = 0,
        limits: Bool? = nil
    ) {
        self.base = base
        self.sub = sub
        self.sup = sup
        self.primes = primes
        self.limits = limits
    }
}

/// A fraction or binomial coefficient.
public struct Fraction: Sendable, Hashable {
    /// Which command wrote it.
    public var command: Command
    /// The numerator (top).
    public var numerator: TeXNode
    /// The denominator (bottom).
    public var denominator: TeXNode

    /// A fraction of the given command.
    public init(_ command: Command, numerator: TeXNode, denominator: TeXNode) {
        self.command = command
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction commands.
    public enum Command: String, Sendable, Hashable, CaseIterable {
        case frac, dfrac, tfrac, cfrac, binom, dbinom, tbinom

        /// Whether this is a binomial coefficient (no bar, in parentheses).
        public var isBinomial: Bool { self == .binom || self == .dbinom || self == .tbinom }
        /// The style the command forces: display for `\dfrac`, text for `\tfrac`, else none.
        public var style: MathStyle? {
            switch self {
            case .dfrac, .dbinom, .cfrac: .display
            case .tfrac, .tbinom: .text
            case .frac, .binom: nil
            }
        }
    }
}

/// `\sqrt[index]{radicand}`.
public struct Radical: Sendable, Hashable {
    /// What is under the root sign.
    public var radicand: TeXNode
    /// The index of an n-th root, if given.
    public var index: TeXNode?

    /// A root of `radicand`, square unless `index` is given.
    public init(radicand: TeXNode, index: TeXNode? = nil) {
        self.radicand = radicand
        self.index = index
    }
}

extension TeXNode {
    /// The direct subnodes, in reading order: a row's atoms, a fraction's numerator and
    /// denominator, a table's cells row by row, and so on. For walks that visit every node.
    public var children: [TeXNode] {
        switch kind {
        case .symbol, .delimiter, .operatorName, .text, .space, .reference, .error: []
        case .row(let nodes), .group(let nodes): nodes
        case .scripts(let scripts): [scripts.base, scripts.sub, scripts.sup].compactMap { $0 }
        case .fraction(let fraction): [fraction.numerator, fraction.denominator]
        case .radical(let radical): [radical.index, radical.radicand].compactMap { $0 }
        case .fenced(let fenced): [fenced.body]
        case .font(_, let node), .style(_, let node), .color(_, let node), .phantom(_, let node): [node]
        case .accent(let accent): [accent.base]
        case .stack(let stack): [stack.base, stack.over, stack.under].compactMap { $0 }
        case .environment(let environment): environment.rows.flatMap { $0 }
        }
    }
}
