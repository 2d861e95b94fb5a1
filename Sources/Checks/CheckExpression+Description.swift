extension CheckExpression: CustomStringConvertible {
    /// The expression fully parenthesised, as the checker reads it: `(1 / λ_i^3) · (D[i] ∘ K)`.
    /// Shown in warnings about grouping, and in tests of the reader.
    public var description: String {
        switch kind {
        case .number(let value):
            return value == Double.pi
                ? "π" : value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .name(let name): return name
        case .identity: return "I"
        case .entry(let base, let indices):
            return "\(base.description)_{\(indices.map(\.description).joined(separator: ","))}"
        case .member(let family, let indices):
            return "\(family)[\(indices.map(\.description).joined(separator: ","))]"
        case .call(let function, let arguments):
            return "\(function)(\(arguments.map(\.description).joined(separator: ", ")))"
        case .unary(let op, let operand):
            switch op {
            case .negate: return "−\(operand.wrapped)"
            case .transpose, .inverse: return "\(operand.wrapped)\(op.rawValue)"
            default: return "\(op.rawValue)(\(operand.description))"
            }
        case .binary(let op, let left, let right):
            return "\(left.wrapped) \(op.rawValue) \(right.wrapped)"
        case .derivative(let derivative):
            let held = derivative.holding.isEmpty ? "" : " |\(derivative.holding.joined(separator: ","))"
            return "∂\(derivative.of.wrapped)/∂\(derivative.variable)\(held)"
        case .sum(let index, let lower, let upper, let body):
            return "Σ_{\(index)=\(lower.description)}^{\(upper.description)} \(body.wrapped)"
        }
    }

    /// The description, in parentheses unless it is a single atom.
    var wrapped: String {
        switch kind {
        case .number, .identity, .name, .entry, .member, .call, .derivative: description
        case .unary(let op, _) where op != .negate: description
        default: "(\(description))"
        }
    }
}
