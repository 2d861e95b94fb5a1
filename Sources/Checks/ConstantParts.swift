import Diagnostics
import Setup

/// The parts of a side that hold no derivative, evaluated once for a row. In `.shifted(h)`
/// mode such a part is evaluated at the base point whatever h is, so the finite differences
/// of the side need not recompute it at every step: for
/// ½ tr((ααᵀ − K⁻¹) ∂K/∂θᵢ) that is ααᵀ − K⁻¹, an inverse per step.
///
/// Parts inside a derivative (evaluated in a perturbed view) and inside a sum that holds a
/// derivative (whose body changes with the summation index) are not taken; a part without
/// a derivative is taken whole.
struct ConstantParts {
    /// The values by where they are written; a parent and its only child may share a range.
    private var values: [SourceRange: [(expression: CheckExpression, value: SideValue)]] = [:]

    /// The constant parts of `expression`, evaluated by `evaluator` (the row's evaluator at
    /// the base point).
    init(of expression: CheckExpression, evaluator: SideEvaluator) throws(CheckFailure) {
        try collect(expression, evaluator)
    }

    private mutating func collect(_ e: CheckExpression, _ evaluator: SideEvaluator) throws(CheckFailure) {
        let hasDerivative = e.allNodes.contains { node in
            if case .derivative = node.kind { return true }
            return false
        }
        guard hasDerivative else {
            values[e.range, default: []].append((e, try evaluator.evaluate(e)))
            return
        }
        switch e.kind {
        case .derivative, .sum: return
        default: for child in e.children { try collect(child, evaluator) }
        }
    }

    /// The constant parts, in the order they are written.
    var expressions: [CheckExpression] {
        values.values.flatMap { $0.map(\.expression) }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The value of `e` when it is a constant part.
    func value(of e: CheckExpression) -> SideValue? {
        values[e.range]?.first { $0.expression == e }?.value
    }
}
