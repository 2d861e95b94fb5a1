import Setup
import Diagnostics
import Foundation
import Numerics
import TeX

/// Runs the checks of a notebook's ```` ```math check ```` blocks against its evaluated
/// setup: each `=` of each chain, row by row over the free indices, judged by the
/// numerics core's `Judge` (DESIGN.md, "Checks").
public struct CheckRunner {
    let evaluation: NotebookEvaluation
    let judge: Judge

    /// A runner against an evaluated notebook.
    public init(evaluation: NotebookEvaluation, judge: Judge = Judge()) {
        self.evaluation = evaluation
        self.judge = judge
    }

    /// Judges planned checks (the `=`s of one cell, or any of them). Diagnostics are placed
    /// in the notebook; a failure that follows from an error already reported in a gp block
    /// gives none.
    public func run(_ checks: [PlannedCheck]) -> (results: [CheckResult], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var results: [CheckResult] = []
        for planned in checks {
            do {
                results.append(try check(planned, warnings: &diagnostics))
            } catch where !error.isConsequence {
                diagnostics.append(
                    Diagnostic.error(error.message, range: error.range, help: error.help).located(in: planned.fragment))
            } catch {
                continue  // already reported where the gp block failed
            }
        }
        return (results, diagnostics)
    }

    /// One `=`: plan the rows, build both sides for each, judge.
    private func check(_ planned: PlannedCheck, warnings: inout [Diagnostic]) throws(CheckFailure) -> CheckResult {
        let (left, right, fragment) = (planned.left, planned.right, planned.fragment)
        let scope = evaluation.scope
        let definitions = evaluation.definitions
        let leftHasDerivative = try CheckPlan.validate(left, definitions: definitions)
        let rightHasDerivative = try CheckPlan.validate(right, definitions: definitions)
        let plan = try CheckPlan(sides: [left, right], scope: scope)
        let claimIsLeft = leftHasDerivative != rightHasDerivative ? !leftHasDerivative : false
        let (claimExpression, referenceExpression) = claimIsLeft ? (left, right) : (right, left)

        var rows: [CheckRow] = []
        var parameterName: String?
        for (number, assignment) in plan.assignments.enumerated() {
            let evaluator = SideEvaluator(scope: scope, assignment: assignment, axes: plan.axes, mode: .shifted(0))
            let leftValue = try evaluator.evaluate(left)
            let rightValue = try evaluator.evaluate(right)
            try Self.compare(leftValue, rightValue, plan.axes, left, right)
            if number == 0 {
                warnings += try groupingWarnings(planned.groupings, evaluator, fragment)
            }
            let target = plan.axes.union(leftValue.axes, rightValue.axes)
            let claim = try side(claimExpression, axes: target, assignment, plan)
            let reference = try side(referenceExpression, axes: target, assignment, plan)
            let parameter = try self.parameter(in: [referenceExpression, claimExpression], assignment, plan)
            parameterName = parameterName ?? parameter?.name
            let index = plan.rowIndices.first.flatMap { assignment[$0.name] }
            rows.append(
                CheckRow(
                    claim: claim, reference: reference, parameter: parameter?.value, index: index,
                    parameterLabel: parameter?.label))
        }
        let judgement = judge.judge(rows: rows, parameterName: parameterName ?? "λ")
        return CheckResult(
            cell: planned.cell, equation: planned.equation, step: planned.step, range: planned.range,
            relation: planned.relation, leftTeX: planned.leftTeX, rightTeX: planned.rightTeX,
            claimIsLeft: claimIsLeft, leftIsDerivative: leftHasDerivative, rightIsDerivative: rightHasDerivative,
            rowIndices: plan.rowIndices.map { IndexRange(name: $0.name, upper: $0.range.upperBound) },
            entryIndices: plan.axes.order.map { IndexRange(name: $0, upper: plan.axes.lengths[$0] ?? 0) },
            assignments: plan.assignments.map { assignment in plan.rowIndices.map { assignment[$0.name] ?? 0 } },
            judgement: judgement, parameterName: parameterName, label: planned.label)
    }

    /// A side as the judge takes it: analytic, or one finite difference g̃(h) = g(h) + h·c
    /// whose derivative is c + g′(0), the side's value (see `SideEvaluator`).
    private func side(
        _ expression: CheckExpression, axes target: [String], _ assignment: [String: Int], _ plan: CheckPlan
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
        // The variable nearest its domain's edge sets the point and the domain for all.
        var choices: [(point: Double, domain: Domain)] = []
        for derivative in derivatives {
            let (value, _) = try base.point(of: derivative.variable)
            if derivative.variable.logarithm {
                choices.append((Foundation.log(value), .real))
            } else {
                let positive = value > 0 && evaluation.definitions.isPositiveQuantity(derivative.variable.name)
                choices.append((value, positive ? .positive : .real))
            }
        }
        let (point, domain) = choices.min { $0.domain.room(at: $0.point) < $1.domain.room(at: $1.point) } ?? choices[0]
        let c = shaped(offset)
        let atPoint = SideEvaluator(scope: scope, assignment: assignment, axes: entries, mode: .shifted(0))
        let condition = try atPoint.evaluate(expression).conditioning
        let constants = try ConstantParts(of: expression, evaluator: atPoint)
        return .derivative(
            DerivativeSide(point: point, domain: domain, condition: condition) { h in
                let shifted = SideEvaluator(
                    scope: scope, assignment: assignment, axes: entries, mode: .shifted(h), constants: constants)
                let value: SideValue
                do throws(CheckFailure) {
                    value = try shifted.evaluate(expression)
                } catch {
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
                return "'\\operatorname{tr}' applies to the parenthesised group right after it, so \(factor.description) is a scalar "
                    + "and the product with \(rest.description) stays a matrix; put everything the trace covers inside its "
                    + "parentheses: \\operatorname{tr}\\left(… \\right)"
            }
        }
        return nil
    }

    /// Warnings for elementwise groupings in this check whose left-to-right reading gives
    /// another value.
    private func groupingWarnings(
        _ groupings: [GroupingChoice], _ evaluator: SideEvaluator, _ fragment: SourceFragment
    ) throws(CheckFailure) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for choice in groupings {
            let used = try evaluator.evaluate(choice.used)
            guard let other = try? evaluator.evaluate(choice.alternative), other.axes == used.axes,
                other.matrix.rows == used.matrix.rows, other.matrix.columns == used.matrix.columns
            else { continue }
            let scale = max(used.matrix.frobeniusNorm, other.matrix.frobeniusNorm, .leastNormalMagnitude)
            guard (used.matrix - other.matrix).frobeniusNorm > 1e-12 * scale else { continue }
            warnings.append(
                Diagnostic.warning(
                    "read as \(choice.used.description), since '∘' binds tighter than a product; read left to right, \(choice.alternative.description), it has another value",
                    range: choice.range, help: "add parentheses to say which grouping you mean"
                ).located(in: fragment))
        }
        return warnings
    }

    /// The positive parameter whose ratio pattern the hints read, from the first derivative.
    private func parameter(
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

/// A side that cannot be evaluated at a perturbed point (the judge makes the row inconclusive).
struct DerivativeEvaluationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
