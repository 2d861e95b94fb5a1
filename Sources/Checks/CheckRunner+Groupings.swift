import Diagnostics
import Foundation
import Numerics
import Setup
import TeX

extension CheckRunner {
    /// Warnings for elementwise groupings in this check whose left-to-right reading gives
    /// another value.
    func groupingWarnings(
        _ groupings: [GroupingChoice], _ evaluator: SideEvaluator, _ fragment: SourceFragment
    ) throws(CheckFailure) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for choice in groupings {
            let used = try evaluator.evaluate(choice.used)
            guard let other = try? evaluator.evaluate(choice.alternative), other.axes == used.axes,
                other.matrix.rows == used.matrix.rows, other.matrix.columns == used.matrix.columns
            else { continue }
            // Within 1e-12 of each other (relative, by norm), the two readings are one value.
            guard used.matrix.isFinite, other.matrix.isFinite,
                !isApproximatelyEqual(
                    used.matrix, other.matrix, relativeTolerance: 1e-12,
                    absoluteTolerance: 1e-12 * .leastNormalMagnitude, comparing: .norm)
            else { continue }
            warnings.append(
                Diagnostic.warning(
                    "read as \(choice.used.description), since '∘' binds tighter than a product; read left to right, \(choice.alternative.description), it has another value",
                    range: choice.range, help: "add parentheses to say which grouping you mean"
                ).located(in: fragment))
        }
        return warnings
    }

}
