import Diagnostics
import Setup

/// The assurance that every derivative enters its side linearly (sums, differences,
/// products with derivative-free factors, traces, transposes, entries) and has a variable
/// that its expression depends on: what lets a side be judged as one finite difference.
enum DerivativeLinearity {
    /// Throws unless every derivative enters `side` linearly (sums, differences, products
    /// with derivative-free factors, traces, transposes, entries) and has a variable that its
    /// expression depends on. Returns whether the side holds a derivative.
    static func validate(_ side: CheckExpression, definitions: NotebookDefinitions) throws(CheckFailure) -> Bool {
        try linear(side, context: nil, definitions: definitions)
    }

    private static func linear(
        _ e: CheckExpression, context: String?, definitions: NotebookDefinitions
    ) throws(CheckFailure) -> Bool {
        switch e.kind {
        case .number, .identity, .name, .member:
            return false
        case .derivative(let derivative):
            if let context {
                throw CheckFailure(
                    "'\(e.description)' enters this side through \(context); derive checks sides that are linear in their derivatives",
                    e.range,
                    help:
                        "define the whole quantity in a gp block and differentiate it: \\frac{\\partial \\ell}{\\partial \\theta_i}"
                )
            }
            if derivative.of.allNodes.contains(where: { if case .derivative = $0.kind { true } else { false } }) {
                throw CheckFailure("second derivatives cannot be checked yet", e.range)
            }
            let used = derivative.of.usedNames
            guard used.contains(where: { definitions.dependsOn($0, derivative.variable.name) }) else {
                let what = used.count == 1 ? used[0] : derivative.of.description
                throw CheckFailure(
                    NotebookDefinitions.independenceMessage(what, derivative.variable.name), e.range,
                    help: "differentiate something that is computed from '\(derivative.variable.name)'")
            }
            return true
        case .entry(let base, _):
            return try linear(base, context: context, definitions: definitions)
        case .unary(let op, let operand):
            switch op {
            case .negate, .transpose, .trace, .diag:
                return try linear(operand, context: context, definitions: definitions)
            default:
                return try linear(operand, context: context ?? "'\(op.rawValue)'", definitions: definitions)
            }
        case .binary(let op, let left, let right):
            switch op {
            case .add, .subtract:
                let a = try linear(left, context: context, definitions: definitions)
                let b = try linear(right, context: context, definitions: definitions)
                return a || b
            case .product, .elementwise:
                let a = try linear(left, context: context, definitions: definitions)
                let b = try linear(
                    right, context: a ? "a product with another derivative" : context, definitions: definitions)
                return a || b
            case .divide:
                let a = try linear(left, context: context, definitions: definitions)
                _ = try linear(right, context: context ?? "a denominator", definitions: definitions)
                return a
            case .power:
                let a = try linear(left, context: context ?? "a power", definitions: definitions)
                _ = try linear(right, context: context ?? "an exponent", definitions: definitions)
                return a
            }
        case .call(let function, let arguments):
            var found = false
            for argument in arguments {
                found = try linear(argument, context: context ?? "'\(function)'", definitions: definitions) || found
            }
            return found
        case .sum(_, let lower, let upper, let body):
            _ = try linear(lower, context: context ?? "a limit of a sum", definitions: definitions)
            _ = try linear(upper, context: context ?? "a limit of a sum", definitions: definitions)
            return try linear(body, context: context, definitions: definitions)
        }
    }
}
