import Checks
import Numerics
import Setup

/// The words and numbers every summary format shows the same way: where a check is, how its
/// rows are named, a side's value in brief.
enum SummaryText {
    /// TeX on one line, runs of white space collapsed.
    static func oneLine(_ tex: String) -> String {
        tex.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The equation of a check on one line: `left = right`.
    static func equation(_ check: CheckResult) -> String {
        "\(oneLine(check.leftTeX)) = \(oneLine(check.rightTeX))"
    }

    /// The free indices of a check with their ranges: `i = 1…3, a = 1…25`.
    static func indices(_ check: CheckResult) -> String {
        (check.rowIndices + check.entryIndices).map(\.description).joined(separator: ", ")
    }

    /// A row's index values, `i = 2, j = 1`; empty for a check with one row.
    static func assignment(_ values: [Int], of check: CheckResult) -> String {
        zip(check.rowIndices, values).map { "\($0.name) = \($1)" }.joined(separator: ", ")
    }

    /// A side's value in brief: a scalar to five digits, a matrix as its shape and Frobenius
    /// norm (`25×25 ‖9.3909‖`).
    static func value(_ matrix: Matrix) -> String {
        if let scalar = matrix.scalarValue { return NumberText.format(scalar) }
        return "\(matrix.rows)×\(matrix.columns) ‖\(NumberText.format(matrix.frobeniusNorm))‖"
    }

    /// What a row's numbers say, in one line: claimed, reference, relative error, ratio.
    static func numbers(_ row: RowJudgement) -> String {
        var parts: [String] = []
        if let claimed = row.claimed { parts.append("claimed \(value(claimed))") }
        if let reference = row.reference { parts.append("reference \(value(reference))") }
        if let error = row.relativeError { parts.append("relative error \(NumberText.noise(error))") }
        if let ratio = row.ratio { parts.append("ratio \(NumberText.format(ratio, significant: 4))") }
        return parts.joined(separator: ", ")
    }

    /// The rows that did not pass, each as `i = 2: reason` (just the reason for a check with
    /// one row).
    static func troubledRows(_ check: CheckResult) -> [String] {
        zip(check.judgement.rows, check.assignments).filter { $0.0.verdict != .pass }.map { row, values in
            let name = assignment(values, of: check)
            return name.isEmpty ? row.reason : "\(name): \(row.reason)"
        }
    }
}
