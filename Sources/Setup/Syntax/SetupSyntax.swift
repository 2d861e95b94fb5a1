import Diagnostics

/// The syntax tree of one ```` ```gp ```` block. Every range is in UTF-8 offsets into the
/// block's text; map it into the notebook with `Diagnostics.SourceFragment`.
public struct SetupBlock: Sendable, Hashable {
    /// The `//| key: value` lines at the top of the block.
    public var options: [BlockOption]
    /// The definitions, in source order. A definition whose right-hand side did not parse
    /// is kept with an `.invalid` body, so that its name is known and not reported again.
    public var definitions: [SetupDefinition]

    /// A block with the given options and definitions.
    public init(options: [BlockOption] = [], definitions: [SetupDefinition] = []) {
        self.options = options
        self.definitions = definitions
    }
}

/// A name as written, in canonical form (`lambda` and `λ` are both `λ`), with its range.
public struct SetupName: Sendable, Hashable {
    /// The canonical name (see `SetupNames.canonical`).
    public var name: String
    /// Where it is written.
    public var range: SourceRange

    /// A name at `range`.
    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// One statement: `let name = …`, `let D[i] = …`, `let k(x, y) = …` or `param θ = …`.
public struct SetupDefinition: Sendable, Hashable {
    /// `let` defines a quantity; `param` an independent variable of the derivation.
    public enum Keyword: String, Sendable, Hashable {
        /// `let`.
        case `let`
        /// `param`.
        case param
    }

    /// What the left-hand side declares.
    public enum Form: Sendable, Hashable {
        /// `let X = …`: one value.
        case value
        /// `let D[i] = …` or `let K[a, b] = …`: a family indexed by one or two names.
        case family(indices: [SetupName])
        /// `let k(x, y) = …`: a function of its parameters.
        case function(parameters: [SetupName])
    }

    /// `let` or `param`.
    public var keyword: Keyword
    /// The name being defined.
    public var name: SetupName
    /// A plain value, an indexed family or a function.
    public var form: Form
    /// The right-hand side.
    public var body: SetupExpression
    /// The whole statement, from the keyword to the end of the body.
    public var range: SourceRange

    /// A definition.
    public init(keyword: Keyword, name: SetupName, form: Form, body: SetupExpression, range: SourceRange) {
        self.keyword = keyword
        self.name = name
        self.form = form
        self.body = body
        self.range = range
    }
}

/// A `//| key: value` line at the top of a block (Quarto's comment form of cell options).
public struct BlockOption: Sendable, Hashable {
    /// The option's name, e.g. `echo`.
    public var key: String
    /// The value as written, trimmed, e.g. `false`.
    public var value: String
    /// The whole line from `//|`.
    public var range: SourceRange

    /// An option line.
    public init(key: String, value: String, range: SourceRange) {
        self.key = key
        self.value = value
        self.range = range
    }
}
