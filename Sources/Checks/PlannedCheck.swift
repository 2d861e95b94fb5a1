import Diagnostics
import TeX

/// One `=` of a checked equation as the notebook writes it, known from parsing alone:
/// where it is, its two sides read as computations and as TeX, and nothing evaluated yet.
public struct PlannedCheck: Sendable {
    /// The check cell, as an index into the notebook's cells.
    public let cell: Int
    /// The equation within the cell (0-based), and the `=` within its chain (0-based).
    public let equation: Int
    public let step: Int
    /// The two sides, read as computations (ranges in the cell's TeX).
    public let left: CheckExpression
    public let right: CheckExpression
    /// The two sides in the notebook, `=` included.
    public let range: SourceRange
    /// The `=` itself in the notebook: what identifies the check (`path:line:col` in every
    /// output format).
    public let relation: SourceRange
    /// The TeX of each side, as written.
    public let leftTeX: String
    public let rightTeX: String
    /// The TeX tree of each side, cut from the cell's one parse.
    public let leftFormula: TeXNode
    public let rightFormula: TeXNode
    /// The equation's `\label`, if any.
    public let label: String?
    /// The cell's TeX, mapped to the notebook.
    public let fragment: SourceFragment
    /// The groupings within the check that could matter, for the checker to test.
    let groupings: [GroupingChoice]
}

/// The checks of one ```` ```math check ```` cell, read from its parsed TeX against the
/// notebook's definitions before anything is evaluated.
public struct CheckCellReading: Sendable {
    /// Every `=` of the cell, in order.
    public let checks: [PlannedCheck]
    /// What the reader found wrong or suspicious, placed in the notebook.
    public let diagnostics: [Diagnostic]

    /// Reads cell `cell`, whose TeX is `fragment`, parsed once as `parsed`.
    public init(cell: Int, fragment: SourceFragment, parsed: TeXParseResult, names: any CheckNames) {
        var reader = EquationReader(names: names)
        let equations = reader.read(parsed)
        var checks: [PlannedCheck] = []
        for (number, equation) in equations.enumerated() {
            for step in 0..<(equation.sides.count - 1) {
                let left = equation.sides[step]
                let right = equation.sides[step + 1]
                let within = left.range.union(right.range)
                let relation =
                    step < equation.relations.count
                    ? equation.relations[step] : SourceRange(left.range.upperBound, right.range.lowerBound)
                checks.append(
                    PlannedCheck(
                        cell: cell, equation: number, step: step, left: left, right: right,
                        range: fragment.fileRange(left.range.lowerBound, right.range.upperBound),
                        relation: fragment.fileRange(relation.lowerBound, relation.upperBound),
                        leftTeX: parsed.text(of: left.range), rightTeX: parsed.text(of: right.range),
                        leftFormula: parsed.nodes(within: left.range), rightFormula: parsed.nodes(within: right.range),
                        label: parsed.label, fragment: fragment,
                        groupings: reader.groupings.filter {
                            $0.range.lowerBound >= within.lowerBound && $0.range.upperBound <= within.upperBound
                        }))
            }
        }
        self.checks = checks
        diagnostics = reader.diagnostics.map { $0.located(in: fragment) }
    }
}
