import Numerics
import TeX
import Testing

@testable import Checks
@testable import Setup

/// One side of a checked equation against the seed setup, at one row of its plan, as the
/// finite differences of `CheckRunner` evaluate it.
private struct ShiftedSide {
    let expression: CheckExpression
    let scope: DefinitionScope
    let assignment: [String: Int]
    let axes: EntryAxes

    /// Side `side` (0 left, 1 right) of the one `=` in `tex`, at row `row` (0-based).
    init(_ tex: String, side: Int, row: Int) throws {
        let evaluation = evaluatedSetup(checkSeedSetup)
        var reader = EquationReader(names: evaluation.definitions)
        let sides = try #require(reader.read(TeXParser.parse(tex)).first).sides
        #expect(reader.diagnostics.isEmpty)
        let plan = try CheckPlan(sides: sides, scope: evaluation.scope)
        expression = sides[side]
        scope = evaluation.scope
        assignment = plan.assignments[row]
        axes = plan.axes
    }

    func evaluator(_ h: Double, _ constants: ConstantParts? = nil) -> SideEvaluator {
        SideEvaluator(scope: scope, assignment: assignment, axes: axes, mode: .shifted(h), constants: constants)
    }

    func constants() throws -> ConstantParts { try ConstantParts(of: expression, evaluator: evaluator(0)) }

    /// g(h) with and without the constant parts.
    func values(at h: Double) throws -> (taken: Matrix, recomputed: Matrix) {
        (try evaluator(h, try constants()).evaluate(expression).matrix, try evaluator(h).evaluate(expression).matrix)
    }
}

@Suite struct ConstantPartsTests {
    static let trace =
        #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right)"#
    static let sum =
        #"\sum_{j=1}^{3} \lambda_j \frac{\partial K}{\partial \lambda_j} = \sum_{j=1}^{3} \frac{1}{\lambda_j^2} D_j \circ K"#

    @Test func theTraceTakesTheHalfAndTheMatrixAroundTheDerivativeButNothingInsideIt() throws {
        let side = try ShiftedSide(Self.trace, side: 1, row: 0)
        #expect(try side.constants().expressions.map(\.description) == ["1 / 2", "(α · αᵀ) − K⁻¹"])
    }

    @Test func aShiftedTraceIsBitForBitTheSameWithItsConstantPartsTakenOnce() throws {
        for row in 0..<3 {
            let side = try ShiftedSide(Self.trace, side: 1, row: row)
            for h in [0.1, 1e-3, -1e-5] {
                let (taken, recomputed) = try side.values(at: h)
                #expect(taken == recomputed, "row \(row + 1), h = \(h)")
            }
        }
    }

    @Test func aSumOverDerivativesIsEvaluatedAnewForEveryTerm() throws {
        let side = try ShiftedSide(Self.sum, side: 0, row: 0)
        #expect(try side.constants().expressions.isEmpty)
        let (taken, recomputed) = try side.values(at: 1e-3)
        #expect(taken == recomputed)
        #expect(taken != (try side.evaluator(0).evaluate(side.expression).matrix))
    }
}
