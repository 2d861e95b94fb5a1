import Diagnostics
import Foundation
import Numerics
import Setup
import TeX

/// The two sides of a row as the judge takes them, and the check that their shapes match.
extension CheckRunner {
    /// A side as the judge takes it: analytic, or one finite difference g̃(h) = g(h) + h·c
    /// whose derivative is c + g′(0), the side's value (see `SideEvaluator`).
    func side(
        _ expression: CheckExpression, axes target: [String], _ assignment: [String: Int], _ plan: CheckPlan,
        limits: LimitsMet
    ) throws(CheckFailure) -> Side {
        let scope = evaluation.scope
        let base = SideEvaluator(scope: scope, assignment: assignment, axes: plan.axes, mode: .zero)
        let derivatives = expression.allNodes.compactMap { node -> Derivative? in
            if case .derivative(let derivative) = node.kind { return derivative }
            return nil
        }
        let offset = try base.evaluate(expression)
        let entries = plan.axes
        /// A value spread over the check's entry axes (a scalar side against entries).
        func shaped(_ value: SideValue) -> Matrix { entries.expand(value, to: target) ?? value.matrix }
        guard !derivatives.isEmpty else {
            return .analytic(
                AnalyticSide(value: shaped(offset), magnitude: offset.magnitude, condition: offset.conditioning))
        }
        var variables: [DifferentiationVariable] = []
        for derivative in derivatives {
            let (value, _) = try base.point(of: derivative.variable)
            variables.append(
                DifferentiationVariable(
                    name: derivative.variable.name, value: value, logarithm: derivative.variable.logarithm))
        }
        let c = shaped(offset)
        let atPoint = SideEvaluator(scope: scope, assignment: assignment, axes: entries, mode: .shifted(0))
        let condition = try atPoint.evaluate(expression).conditioning
        let constants = try ConstantParts(of: expression, evaluator: atPoint)
        return .derivative(
            evaluation.definitions.derivativeSide(moving: variables, condition: condition) { h in
                let shifted = SideEvaluator(
                    scope: scope, assignment: assignment, axes: entries, mode: .shifted(h), constants: constants)
                let value: SideValue
                do throws(CheckFailure) {
                    value = try shifted.evaluate(expression)
                } catch {
                    if let limit = error.limit { limits.record(limit) }
                    throw DerivativeEvaluationError(message: error.message)
                }
                return shaped(value) + h * c
            })
    }

    /// Throws unless the two sides have one shape, saying which side is what.
    static func compare(
        _ a: SideValue, _ b: SideValue, _ axes: EntryAxes, _ left: CheckExpression, _ right: CheckExpression
    ) throws(CheckFailure) {
        let target = axes.union(a.axes, b.axes)
        if let x = axes.expand(a, to: target), let y = axes.expand(b, to: target), x.rows == y.rows,
            x.columns == y.columns
        {
            return
        }
        throw CheckFailure(
            "left side is \(a.shapeDescription), right side is \(b.shapeDescription)", left.range.union(right.range),
            help: misplacedTraceHelp(left, a, right, b))
    }

    /// `½ tr(A) ∂K/∂θ` for `½ tr(A ∂K/∂θ)`: the trace took only its parenthesised group.
    private static func misplacedTraceHelp(
        _ left: CheckExpression, _ a: SideValue, _ right: CheckExpression, _ b: SideValue
    ) -> String? {
        for (side, value) in [(left, a), (right, b)] where !value.isScalar {
            for node in side.allNodes {
                guard case .binary(.product, let factor, let rest) = node.kind,
                    factor.allNodes.contains(where: { if case .unary(.trace, _) = $0.kind { true } else { false } })
                else { continue }
                return
                    "'\\operatorname{tr}' applies to the parenthesised group right after it, so \(factor.description) is a scalar "
                    + "and the product with \(rest.description) stays a matrix; put everything the trace covers inside its "
                    + "parentheses: \\operatorname{tr}\\left(… \\right)"
            }
        }
        return nil
    }

}
