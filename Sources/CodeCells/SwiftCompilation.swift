import Foundation
import Setup

/// Placeholder until Swift cells are compiled.
final class SwiftCompilation: @unchecked Sendable {
    let cells: [CodeCell]
    init(cells: [CodeCell], options: CodeOptions, clock: CodeClock, environment: [String: String]) {
        self.cells = cells
    }

    func executable(for cell: CodeCell) throws(EvaluationError) -> String {
        throw EvaluationError(.invalid, "Swift cells are not supported yet", range: cell.range)
    }
}
