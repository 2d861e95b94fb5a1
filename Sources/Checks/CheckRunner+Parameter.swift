import Diagnostics
import Foundation
import Numerics
import Setup
import TeX

extension CheckRunner {
    /// The positive parameter whose ratio pattern the hints read, from the first derivative.
    func parameter(
        in sides: [CheckExpression], _ assignment: [String: Int], _ plan: CheckPlan
    ) throws(CheckFailure) -> (value: Double, name: String, label: String)? {
        let evaluator = SideEvaluator(scope: evaluation.scope, assignment: assignment, axes: plan.axes, mode: .zero)
        for side in sides {
            for node in side.allNodes {
                guard case .derivative(let derivative) = node.kind else { continue }
                let variable = derivative.variable
                let (value, component) = try evaluator.point(of: variable)
                let suffix = component.map(Judge.subscriptDigits) ?? ""
                if variable.logarithm || value > 0 && evaluation.definitions.isPositiveQuantity(variable.name) {
                    return value > 0 ? (value, variable.name, variable.name + suffix) : nil
                }
                // θ = log(λ): the positive quantity is exp(θ), named by the definition λ = exp(θ).
                guard let definition = evaluation.definitions.definitions[variable.name],
                    case .call(let callee, _) = definition.syntax.body.kind, callee.name == "log"
                else { return nil }
                let named = evaluation.definitions.definitions.values.first { other in
                    if case .call(let callee, let arguments) = other.syntax.body.kind, callee.name == "exp",
                        arguments.count == 1, case .name(let argument) = arguments[0].value.kind
                    {
                        return argument == variable.name
                    }
                    return false
                }
                let name = named?.name ?? "exp(\(variable.name))"
                return (Foundation.exp(value), name, named == nil ? "exp(\(variable.name + suffix))" : name + suffix)
            }
        }
        return nil
    }
}
