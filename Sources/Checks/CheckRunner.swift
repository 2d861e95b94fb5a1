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

    /// Judges planned checks (the `=`s of one cell, or any of them): one result for each,
    /// judged or not run. Diagnostics are placed in the notebook; a failure that follows from
    /// an error already reported in a gp block, or from a limit, gives none here.
    public func run(_ checks: [PlannedCheck]) -> (results: [CheckResult], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var results: [CheckResult] = []
        for planned in checks {
            do {
                results.append(try check(planned, warnings: &diagnostics))
            } catch {
                // An error of the check's own is reported at it; a limit is reported for all
                // the checks it stopped at once, and a consequence was reported in the gp block.
                if error.limit == nil, !error.isConsequence {
                    diagnostics.append(
                        Diagnostic.error(error.message, range: error.range, help: error.help)
                            .located(in: planned.fragment))
                }
                results.append(
                    CheckResult(
                        notRun: planned, reason: reason(error), cause: error.isConsequence ? .dependency : .error,
                        limit: error.limit))
            }
        }
        return (results, diagnostics)
    }

    /// Why a check did not run, in words.
    private func reason(_ failure: CheckFailure) -> String {
        let options = evaluation.scope.options
        switch failure.limit {
        case .time?:
            let seconds = options.timeBudget
            let budget = seconds == seconds.rounded() && seconds < 1e9 ? "\(Int(seconds)) s" : "\(seconds) s"
            return "the time budget of \(budget) was spent"
        case .entries?: return "a value would have more than the limit of \(options.maxElements) entries"
        case .callDepth?: return "function calls would nest deeper than \(options.maxCallDepth) levels"
        case .iterations?: return "'fixpoint' did not settle within the limit of \(options.fixpointLimit) steps"
        case nil where failure.needsCode: return "code cells need --allow-code"
        case nil where failure.isConsequence: return "a definition it uses could not be evaluated: " + failure.message
        case nil: return failure.message
        }
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
        let limits = LimitsMet()
        for (number, assignment) in plan.assignments.enumerated() {
            let evaluator = SideEvaluator(scope: scope, assignment: assignment, axes: plan.axes, mode: .shifted(0))
            let leftValue = try evaluator.evaluate(left)
            let rightValue = try evaluator.evaluate(right)
            try Self.compare(leftValue, rightValue, plan.axes, left, right)
            if number == 0 {
                warnings += try groupingWarnings(planned.groupings, evaluator, fragment)
            }
            let target = plan.axes.union(leftValue.axes, rightValue.axes)
            let claim = try side(claimExpression, axes: target, assignment, plan, limits: limits)
            let reference = try side(referenceExpression, axes: target, assignment, plan, limits: limits)
            let parameter = try self.parameter(in: [referenceExpression, claimExpression], assignment, plan)
            parameterName = parameterName ?? parameter?.name
            let index = plan.rowIndices.first.flatMap { assignment[$0.name] }
            rows.append(
                CheckRow(
                    claim: claim, reference: reference, parameter: parameter?.value, index: index,
                    parameterLabel: parameter?.label))
        }
        let judgement = judge.judge(rows: rows, parameterName: parameterName ?? "λ")
        // A limit met in the finite differences stops the check: its rows would only say so.
        if let limit = limits.first {
            throw CheckFailure(
                "a limit was met while its finite differences ran", left.range.union(right.range), limit: limit)
        }
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

/// The first limit of the sandbox that a check's finite differences met, recorded from the
/// functions the judge calls (which may run on any thread).
final class LimitsMet: @unchecked Sendable {
    private let lock = NSLock()
    private var met: EvaluationLimit?

    /// The first limit met, if any.
    var first: EvaluationLimit? { lock.withLock { met } }

    /// Records `limit` unless one was met before.
    func record(_ limit: EvaluationLimit) {
        lock.withLock { if met == nil { met = limit } }
    }
}
