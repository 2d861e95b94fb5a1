import Diagnostics
import Setup

/// A side of a checked equation, read from TeX as a computation: what the notation means,
/// with where it was written (UTF-8 offsets in the equation's TeX).
public struct CheckExpression: Sendable, Hashable {
    /// What the node computes.
    public var kind: Kind
    /// Where it is written in the TeX of the check block.
    public var range: SourceRange

    /// A node covering `range`.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The things a side can compute.
    public indirect enum Kind: Sendable, Hashable {
        /// A number: `2`, `\tfrac12` (as ½), `\pi`.
        case number(Double)
        /// `I` when the notebook does not define it: the identity, sized by what it meets.
        case identity
        /// A definition of the notebook, by its canonical name: `K`, `λ`, `α`, `ℓℓ`, `σ_f`.
        case name(String)
        /// Entries or components of a value: `λ_i`, `K_{ab}`, `X_{ai}`, `θ_1`, `M_{ii}`.
        case entry(CheckExpression, [IndexTerm])
        /// A member of an indexed family: `D_i` (then possibly entries: `D_{i,ab}`).
        case member(family: String, indices: [IndexTerm])
        /// A call of a notebook function or a builtin: `k(x, y)`, `\operatorname{sqdist}(…)`.
        case call(function: String, arguments: [CheckExpression])
        /// An operator of one operand.
        case unary(UnaryOperator, CheckExpression)
        /// An operator of two operands.
        case binary(BinaryOperator, CheckExpression, CheckExpression)
        /// `\frac{\partial A}{\partial s_i}` and its spellings.
        case derivative(Derivative)
        /// `\sum_{i=1}^{n} body`.
        case sum(index: String, lower: CheckExpression, upper: CheckExpression, body: CheckExpression)
    }

    /// The direct operands, in reading order.
    public var children: [CheckExpression] {
        switch kind {
        case .number, .identity, .name, .member: []
        case .entry(let base, _): [base]
        case .call(_, let arguments): arguments
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .derivative(let derivative): [derivative.of]
        case .sum(_, let lower, let upper, let body): [lower, upper, body]
        }
    }
}

/// A subscript of a name: a fixed index (`λ_2`) or a free one (`λ_i`) that the check runs over.
public enum IndexTerm: Sendable, Hashable, CustomStringConvertible {
    /// A 1-based index written as a number.
    case fixed(Int)
    /// A letter that is not a defined name: the check runs once for each of its values.
    case free(String)

    public var description: String {
        switch self {
        case .fixed(let value): String(value)
        case .free(let name): name
        }
    }
}

extension CheckExpression {
    /// Operators of one operand.
    public enum UnaryOperator: String, Sendable, Hashable {
        /// `-x`.
        case negate = "−"
        /// `A^\top`, `A^T`.
        case transpose = "ᵀ"
        /// `A^{-1}`: the inverse of a square matrix, the reciprocal of a scalar.
        case inverse = "⁻¹"
        /// `\operatorname{tr}`.
        case trace = "tr"
        /// `\operatorname{diag}`: a vector to a diagonal matrix, a matrix to its diagonal.
        case diag = "diag"
        /// `|K|`, `\det K`.
        case determinant = "det"
        /// `\log|K|`, `\log\det K`: from a Cholesky factor, stably.
        case logDeterminant = "log det"
        /// `\exp`, elementwise.
        case exp = "exp"
        /// `\log`, `\ln`, elementwise.
        case log = "log"
        /// `\sqrt`, elementwise (a square root of a diagonal matrix).
        case sqrt = "sqrt"
    }

    /// Operators of two operands.
    public enum BinaryOperator: String, Sendable, Hashable {
        /// `+`.
        case add = "+"
        /// `-`.
        case subtract = "−"
        /// Juxtaposition or `\cdot`: the matrix product by shape, scaling when one side is a scalar.
        case product = "·"
        /// `\circ`, `\odot`, `*`: the elementwise product.
        case elementwise = "∘"
        /// `/` and `\frac`.
        case divide = "/"
        /// `^`: a power of a scalar, an integer power of a square matrix.
        case power = "^"
    }
}

/// A partial derivative: of what, with respect to what, holding what fixed.
public struct Derivative: Sendable, Hashable {
    /// The expression differentiated (`K`, `k(x, y)`, `\ell`).
    public var of: CheckExpression
    /// The variable.
    public var variable: Variable
    /// Names held at their base values although they depend on the variable (`\big|_{\hat f}`).
    public var holding: [String]

    /// A derivative of `of` with respect to `variable`.
    public init(of: CheckExpression, variable: Variable, holding: [String] = []) {
        self.of = of
        self.variable = variable
        self.holding = holding
    }
}

/// What a derivative is taken with respect to: a scalar name or one component of a vector,
/// or its logarithm (`\partial \ln \lambda_i`, which is λᵢ ∂/∂λᵢ).
public struct Variable: Sendable, Hashable, CustomStringConvertible {
    /// The canonical name: `λ`, `θ`, `σ_f`.
    public var name: String
    /// The component, when the name is a vector.
    public var index: IndexTerm?
    /// Whether the derivative is with respect to the logarithm of the variable.
    public var logarithm: Bool
    /// Where the variable is written.
    public var range: SourceRange

    /// A variable.
    public init(name: String, index: IndexTerm? = nil, logarithm: Bool = false, range: SourceRange) {
        self.name = name
        self.index = index
        self.logarithm = logarithm
        self.range = range
    }

    public var description: String {
        (logarithm ? "ln " : "") + name + (index.map { "_\($0)" } ?? "")
    }
}

/// One equation of a check block: a chain of sides, each `=` a check.
public struct CheckEquation: Sendable, Hashable {
    /// The sides, left to right; neighbours are compared.
    public var sides: [CheckExpression]
    /// Where each `=` is, in the TeX: `relations[k]` stands between `sides[k]` and
    /// `sides[k + 1]`.
    public var relations: [SourceRange]
    /// Where the whole equation is, in the TeX.
    public var range: SourceRange
}
