import Diagnostics
import Numerics

/// What an expression of the setup language evaluates to inside the engine: a value, the
/// identity `I` waiting for its size, a string (an argument of `csv`), or a function.
enum Runtime: Sendable {
    /// A matrix with its conditioning.
    case value(Value)
    /// `c * I`: the identity scaled by `scale` (1×1), sized by the operand it meets.
    case identity(scale: Value)
    /// A string literal.
    case string(String)
    /// A function: builtin, user-defined or anonymous.
    case function(Function)

    /// What the runtime value is, in words, for "expected a value, got …".
    var description: String {
        switch self {
        case .value(let value): value.shapeDescription
        case .identity: "the identity 'I'"
        case .string: "a string"
        case .function: "a function"
        }
    }
}

/// A function value.
struct Function: Sendable {
    /// Where its body is.
    enum Body: Sendable {
        /// A builtin, by name.
        case builtin(String)
        /// `let k(x, z) = …`, by name.
        case user(String)
        /// `(x, z) -> body` in gp block `block`, with the local names it saw when it was made
        /// (globals are looked up in the scope it is applied in, which gives the same values
        /// for every name it does not depend on).
        case lambda(parameters: [String], body: SetupExpression, block: Int, captured: [String: Runtime])
    }

    /// Where its body is.
    var body: Body
    /// The name to use in messages.
    var name: String
}
