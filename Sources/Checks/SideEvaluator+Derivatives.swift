import Diagnostics
import Foundation
import Numerics
import Setup

/// Derivative nodes in the two modes of a side (see `SideEvaluator`).
extension SideEvaluator {
    func derivative(_ derivative: Derivative, range: SourceRange) throws(CheckFailure) -> SideValue {
        let variable = derivative.variable
        switch mode {
        case .zero:
            var zero = try evaluateInner(derivative.of, in: scope)
            zero.matrix = zero.matrix.map { _ in 0 }
            zero.magnitude = 0
            return zero
        case .shifted(let h):
            let (base, component) = try point(of: variable)
            let moved = variable.logarithm ? base * Foundation.exp(h) : base + h
            let view: any Scope
            do {
                view = try scope.perturbing(
                    variable.name, component: component, to: Value(scalar: moved), holding: Set(derivative.holding))
            } catch {
                throw CheckFailure(error, at: variable.range)
            }
            return try evaluateInner(derivative.of, in: view)
        }
    }

    /// The value of the differentiated expression in a scope (derivatives inside it would be
    /// second derivatives, which the checker rejects before evaluating).
    private func evaluateInner(_ expression: CheckExpression, in scope: any Scope) throws(CheckFailure) -> SideValue {
        try SideEvaluator(scope: scope, assignment: assignment, axes: axes, mode: .zero).evaluate(expression)
    }

    /// The variable's value at the base point and its component (1-based), if any.
    func point(of variable: Variable) throws(CheckFailure) -> (Double, Int?) {
        let value: Value
        do {
            value = try scope.value(of: variable.name)
        } catch {
            throw CheckFailure(error, at: variable.range)
        }
        guard let index = variable.index else {
            guard let scalar = value.scalar else {
                throw CheckFailure(
                    "'\(variable.name)' is \(value.shapeDescription); name a component to differentiate with respect to",
                    variable.range, help: "write \\partial \(variable.name)_i")
            }
            return (scalar, nil)
        }
        let k = try rowIndex(index, variable.range)
        guard value.isVector, (1...value.matrix.rows).contains(k) else {
            throw CheckFailure(
                "component \(k) of '\(variable.name)' is out of range: it has \(value.matrix.count) (indices start at 1)",
                variable.range)
        }
        return (value.matrix.elements[k - 1], k)
    }
}
