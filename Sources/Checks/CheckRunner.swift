import Diagnostics
import Foundation
import Numerics
import Setup
import TeX

/// Runs the checks of a notebook's ```` ```math check ```` blocks against its evaluated
/// setup: each `=` of each chain, row by row over the free indices, judged by the
/// numerics core's `Judge`. The sides are built in `CheckRunner+Sides.swift`, the grouping
/// warnings and the parameter the hints name in files of their own.
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
            } catch  where !error.isConsequence {
                diagnostics.append(
                    Diagnostic.error(error.message, range: error.range, help: error.help).located(in: planned.fragment))
            } catch {
                continue  // already reported where the gp block failed
            }
        }
        return (results, diagnostics)
    }

    /// Which side is the claim (the hand-derived formula) and which the reference: an
    /// analytic side is the claim against a derivative; between two of a kind, the right side.
    static func claimIsLeft(leftHasDerivative: Bool, rightHasDerivative: Bool) -> Bool {
        leftHasDerivative != rightHasDerivative ? !leftHasDerivative : false
    }

    /// One `=`: plan the rows, build both sides for each, judge.
    private func check(_ planned: PlannedCheck, warnings: inout [Diagnostic]) throws(CheckFailure) -> CheckResult {
        let (left, right, fragment) = (planned.left, planned.right, planned.fragment)
        let scope = evaluation.scope
        let definitions = evaluation.definitions
        let leftHasDerivative = try DerivativeLinearity.validate(left, definitions: definitions)
        let rightHasDerivative = try DerivativeLinearity.validate(right, definitions: definitions)
        let plan = try CheckPlan(sides: [left, right], scope: scope)
        let claimIsLeft = Self.claimIsLeft(leftHasDerivative: leftHasDerivative, rightHasDerivative: rightHasDerivative)
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

}

/// A side that cannot be evaluated at a perturbed point (the judge makes the row inconclusive).
struct DerivativeEvaluationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
