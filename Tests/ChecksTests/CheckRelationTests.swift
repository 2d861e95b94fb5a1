import Diagnostics
import Testing

@testable import Checks
@testable import Setup

/// Every check knows where its `=` is: the position a corpus of expected verdicts, an editor
/// and every output format identify the check by.
@Suite struct CheckRelationTests {
    /// The file offsets of the `=` signs of `tex` (a check block) in the notebook `check` builds.
    func equalsOffsets(in tex: String) -> [Int] {
        let text = "```gp\n\(checkSeedSetup)\n```\n\n```math check\n\(tex)\n```\n"
        let checkStart = text.utf8.count - tex.utf8.count - 5
        return tex.utf8.enumerated().filter { $0.element == UInt8(ascii: "=") }.map { checkStart + $0.offset }
    }

    @Test func aChainGivesEachCheckItsOwnEquals() {
        let tex =
            #"\frac{\partial K}{\partial \theta_i} = \lambda_i \frac{\partial K}{\partial \lambda_i} = \frac{1}{\lambda_i^2}\, D_i \circ K"#
        let (results, messages) = check(tex)
        #expect(messages == [])
        #expect(results.map(\.relation.lowerBound) == equalsOffsets(in: tex))
        #expect(results.map { $0.relation.upperBound - $0.relation.lowerBound } == [1, 1])
    }

    @Test func anAlignedContinuationRowPointsAtItsOwnEquals() {
        let tex = """
            \\begin{aligned}
            \\frac{\\partial K}{\\partial \\theta_i} &= \\lambda_i \\frac{\\partial K}{\\partial \\lambda_i} \\\\
            &= \\frac{1}{\\lambda_i^2}\\, D_i \\circ K
            \\end{aligned}
            """
        let (results, messages) = check(tex)
        #expect(messages == [])
        #expect(results.count == 2)
        #expect(results.map(\.relation.lowerBound) == equalsOffsets(in: tex))
    }

    @Test func twoEquationsOfOneBlockKeepTheirPositions() {
        let tex = #"\alpha = K^{-1} y \\ \lambda_i = \exp(\theta_i)"#
        let (results, messages) = check(tex)
        #expect(messages == [])
        #expect(results.map(\.equation) == [0, 1])
        #expect(results.map(\.relation.lowerBound) == equalsOffsets(in: tex))
    }
}
