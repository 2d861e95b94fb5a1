import Diagnostics

/// An expression of the setup language, with the UTF-8 range it covers in the block.
public struct SetupExpression: Sendable, Hashable {
    /// What the expression is.
    public indirect enum Kind: Sendable, Hashable {
        /// A numeric literal, as written and as a value.
        case number(text: String, value: Double)
        /// A double-quoted string (a file name for `csv`).
        case string(String)
        /// A reference to a name (canonical form).
        case name(String)
        /// `:` alone as a subscript: every row or column.
        case colon
        /// `end` in a subscript: the last index of that dimension.
        case end
        /// `-x` or `+x`.
        case unary(UnaryOperator, SetupExpression)
        /// `a op b`.
        case binary(BinaryOperator, SetupExpression, SetupExpression)
        /// `x'`: the transpose.
        case transpose(SetupExpression)
        /// `a:b` or `a:step:b`, inclusive of both ends.
        case range(start: SetupExpression, step: SetupExpression?, stop: SetupExpression)
        /// `f(a, b, label: c)`: a call of a builtin or user function.
        case call(callee: SetupName, arguments: [SetupArgument])
        /// `X[i, j]`: 1-based subscripts of a value.
        case index(base: SetupExpression, subscripts: [SetupExpression])
        /// `[a, b; c, d]`: rows separated by `;`, elements by `,`.
        case matrix(rows: [[SetupExpression]])
        /// `x -> body` or `(x, y) -> body`: an anonymous function.
        case lambda(parameters: [SetupName], body: SetupExpression)
        /// A right-hand side that did not parse (the error is already reported).
        case invalid
    }

    /// What the expression is.
    public let kind: Kind
    /// Where it is written (for a parenthesised expression, including the parentheses).
    public var range: SourceRange
    /// The number of nested levels in the tree: 1 for a leaf, one more than its deepest
    /// child otherwise. The parser keeps it at most `SetupParser.maxDepth`, so walkers may
    /// recurse.
    public let height: Int

    /// An expression of `kind` at `range`.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.children.reduce(0) { max($0, $1.height) }
    }

    /// The expressions directly inside this one, in source order.
    public var children: [SetupExpression] { kind.children }
}

extension SetupExpression.Kind {
    /// The expressions directly inside an expression of this kind, in source order.
    public var children: [SetupExpression] {
        switch self {
        case .number, .string, .name, .colon, .end, .invalid: []
        case .unary(_, let operand), .transpose(let operand): [operand]
        case .binary(_, let lhs, let rhs): [lhs, rhs]
        case .range(let start, let step, let stop): [start] + (step.map { [$0] } ?? []) + [stop]
        case .call(_, let arguments): arguments.map(\.value)
        case .index(let base, let subscripts): [base] + subscripts
        case .matrix(let rows): rows.flatMap { $0 }
        case .lambda(_, let body): [body]
        }
    }
}

/// A call argument, positional or labelled (`lengthScale: λ`).
public struct SetupArgument: Sendable, Hashable {
    /// The label, normalised but not aliased (`nu` stays `nu`), when there is one.
    public var label: SetupName?
    /// The argument's value.
    public var value: SetupExpression

    /// An argument with an optional label.
    public init(label: SetupName? = nil, value: SetupExpression) {
        self.label = label
        self.value = value
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    /// `-x`.
    case negate = "-"
    /// `+x`.
    case plus = "+"
}

/// Infix operators, with MATLAB's meaning.
public enum BinaryOperator: String, Sendable, Hashable {
    /// `a + b`.
    case add = "+"
    /// `a - b`.
    case subtract = "-"
    /// `A * B`: the matrix product, or scaling when one side is a scalar.
    case multiply = "*"
    /// `a / b`: division (by a scalar; `A / B` is `A * inv(B)`).
    case divide = "/"
    /// `A \ b`: the solution of `A x = b`.
    case solve = "\\"
    /// `a .* b`: elementwise product.
    case elementMultiply = ".*"
    /// `a ./ b`: elementwise quotient.
    case elementDivide = "./"
    /// `A ^ p`: power; a matrix power for a square matrix (`K^-1` is the inverse).
    case power = "^"
    /// `a .^ p`: elementwise power.
    case elementPower = ".^"
    /// `2π`: a numeric literal written against a name; multiplies like `*`.
    case juxtapose = ""
}
