import Foundation
import Testing

@testable import Numerics

@Suite("Judge")
struct JudgeTests {
    let x: Matrix
    let lengthScale = [0.8, 1.5, 3.0]

    init() {
        var random = SeededGenerator(seed: 7)
        x = random.normalMatrix(25, 3)
    }

    /// ∂K/∂θᵢ as a derivative side: g(h) = K at θᵢ + h.
    func kernelDerivative(_ i: Int) -> Side {
        let rbf = RBF(lengthScale: lengthScale)
        let x = x
        return .derivative(
            DerivativeSide(point: rbf.theta[i]) { h in
                var theta = rbf.theta
                theta[i] += h
                return rbf.withTheta(theta).matrix(x)
            })
    }

    /// The analytic ∂K/∂θᵢ, transformed by `mistake`, as the claim of row i.
    func rows(_ mistake: (Matrix, Double) -> Matrix) -> [CheckRow] {
        let rbf = RBF(lengthScale: lengthScale)
        return (0..<3).map { i in
            let claim = mistake(rbf.gradient(x, component: i), lengthScale[i])
            return CheckRow(
                claim: .analytic(AnalyticSide(value: claim)), reference: kernelDerivative(i),
                parameter: lengthScale[i], index: i + 1)
        }
    }

    @Test func riddersAgreesWithTheAnalyticGradientToTenDigits() throws {
        let rbf = RBF(lengthScale: lengthScale)
        for i in 0..<3 {
            guard case .derivative(let side) = kernelDerivative(i) else {
                Issue.record("the reference of row \(i + 1) is not a derivative side")
                continue
            }
            let estimate = try side.ridders().get()
            #expect(
                isApproximatelyEqual(
                    estimate.value, rbf.gradient(x, component: i), relativeTolerance: 1e-10, comparing: .norm))
            #expect(estimate.errorEstimate < 1e-9 * estimate.value.frobeniusNorm)
        }
    }

    @Test func aRightGradientPassesInEveryRowWithRatioOne() {
        let check = Judge().judge(rows: rows { g, _ in g })
        #expect(check.verdict == .pass)
        #expect(check.hints.isEmpty)
        #expect(check.warnings.isEmpty)
        for row in check.rows {
            #expect(row.verdict == .pass, "\(row.reason)")
            #expect(!row.vacuous)
            #expect(isApproximatelyEqual(row.ratio ?? 0, 1, relativeTolerance: 1e-9))
            #expect((row.taylorSlope ?? 0) > 1.8, "slope \(String(describing: row.taylorSlope))")
            #expect(row.sweep?.plateaus == false)
        }
    }

    @Test func aDerivativeWithRespectToLambdaPassedOffAsLogLambdaFailsWithTheHint() {
        let check = Judge().judge(rows: rows { g, l in g / l })
        #expect(check.verdict == .fail)
        for row in check.rows {
            #expect(row.verdict == .fail, "\(row.reason)")
            #expect(isApproximatelyEqual(row.ratio ?? 0, 1 / (row.parameter ?? 0), relativeTolerance: 1e-8))
        }
        #expect(check.hints.map(\.kind) == [.parameterInsteadOfLogarithm])
        #expect(check.hints.first?.message.contains("with respect to λ where ln λ was meant") == true)
    }

    @Test func aMissingHalfFailsWithTheConstantFactorHint() {
        let check = Judge().judge(rows: rows { g, _ in 0.5 * g })
        #expect(check.verdict == .fail)
        #expect(check.rows.allSatisfy { $0.verdict == .fail })
        #expect(check.hints.map(\.kind) == [.constantFactor(0.5)])
    }

    @Test func aSignFlipFailsWithTheSignHint() {
        let check = Judge().judge(rows: rows { g, _ in -g })
        #expect(check.verdict == .fail)
        #expect(check.hints.map(\.kind) == [.signFlip])
    }

    @Test func aWrongClaimPlateausInTheSweepAndHasTaylorSlopeOne() {
        let row = Judge().judge(rows: rows { g, _ in 0.5 * g }).rows[0]
        let slope = row.taylorSlope ?? 0
        #expect(abs(slope - 1) < 0.2, "slope \(slope)")
        #expect(row.sweep?.plateaus == true)
    }

    @Test func lambdaOfTwoIsAmbiguousBetweenLogAndALostHalfAndSaysSo() {
        let rbf = RBF(lengthScale: 2)
        let x = x
        let reference = DerivativeSide(point: rbf.theta[0]) { h in RBF(lengthScale: 2 * exp(h)).matrix(x) }
        let claim = rbf.gradient(x, component: 0) / 2
        let check = Judge().judge(rows: [
            CheckRow(claim: .analytic(AnalyticSide(value: claim)), reference: .derivative(reference), parameter: 2)
        ])
        #expect(check.verdict == .fail)
        #expect(Set(check.hints.map(\.kind)) == [.parameterInsteadOfLogarithm, .constantFactor(0.5)])
        #expect(check.warnings.count == 1)
        #expect(check.warnings.first?.contains("looks like a lost factor ½") == true)
    }

    @Test func lambdaOfOneWarnsThatTheRowIsBlindToLogarithms() {
        let rbf = RBF(lengthScale: 1)
        let x = x
        let reference = DerivativeSide(point: 1, domain: .positive) { h in RBF(lengthScale: 1 + h).matrix(x) }
        let check = Judge().judge(rows: [
            CheckRow(
                claim: .analytic(AnalyticSide(value: rbf.gradient(x, component: 0))), reference: .derivative(reference),
                parameter: 1, index: 2)
        ])
        // At λ = 1, ∂K/∂λ = ∂K/∂ln λ: the wrong-looking claim passes, and the warning says why.
        #expect(check.verdict == .pass)
        #expect(
            check.warnings == [
                "λ₂ = 1: derivatives with respect to λ and ln λ coincide there, so the check cannot tell them apart; "
                    + "prefer values such as 0.8, 1.5, 3.0"
            ])
    }

    @Test func inconclusiveRowsWithRatioOneSuggestNoMistake() {
        // Sides 5e-4 apart with bounds of 1e-4: inconclusive, ratio 1.0005, at λ = 1 where the
        // patterns 1/λ and λ are 1 as well.
        let row = CheckRow(
            claim: .analytic(AnalyticSide(value: Matrix(scalar: 1.0005), errorBound: 1e-4)),
            reference: .analytic(AnalyticSide(value: Matrix(scalar: 1), errorBound: 1e-4)), parameter: 1, index: 1)
        let check = Judge().judge(rows: [row])
        #expect(check.verdict == .inconclusive)
        #expect(check.hints.isEmpty)
    }

    @Test func aPositiveParameterIsNeverSteppedAcrossZero() throws {
        // g(λ) = log λ at λ = 1e-3 throws for λ ≤ 0; g′ = 1/λ = 1000.
        let side = DerivativeSide(point: 1e-3, domain: .positive) { h in
            let lambda = 1e-3 + h
            guard lambda > 0 else { throw LinearAlgebraError.nonFinite }
            return Matrix(scalar: log(lambda))
        }
        let estimate = try side.ridders().get()
        #expect(isApproximatelyEqual(estimate.value.elements[0], 1000, relativeTolerance: 1e-10))
        #expect(estimate.shrinks == 0)
    }

    @Test func aFailedFactorizationAtAPerturbedPointIsInconclusiveWithItsMessage() {
        // K(s) = [[1, s], [s, 1]] is positive definite only for |s| < 1; at s = 0.95 the first
        // step 0.1 reaches 1.05, where Cholesky fails; the first step shrinks, and the row judges.
        let side = DerivativeSide(point: 0.95) { h in
            let s = 0.95 + h
            return Matrix(scalar: try Cholesky(Matrix([[1, s], [s, 1]])).logDeterminant)
        }
        // d/ds log(1 − s²) = −2s/(1 − s²).
        let exact = -2 * 0.95 / (1 - 0.95 * 0.95)
        let row = Judge().judge(
            claim: .analytic(AnalyticSide(value: Matrix(scalar: exact))), reference: .derivative(side))
        #expect(row.verdict == .pass, "\(row.reason)")

        let broken = DerivativeSide(point: 0.5) { h in
            guard h == 0 else {
                throw LinearAlgebraError.notPositiveDefinite(pivot: 2, order: 2, value: -1, largestDiagonal: 1)
            }
            return Matrix(scalar: 0)
        }
        let failed = Judge().judge(
            claim: .analytic(AnalyticSide(value: Matrix(scalar: 1))), reference: .derivative(broken))
        #expect(failed.verdict == .inconclusive)
        #expect(failed.reason.hasPrefix("cannot evaluate at 0.6: "))
        #expect(failed.reason.contains("matrix is not positive definite: pivot 2 of 2 is -1"))
    }

    @Test func anIllConditionedSideIsInconclusive() {
        let side = AnalyticSide(value: Matrix(scalar: 1), magnitude: 1, condition: 1e14)
        let row = Judge().judge(claim: .analytic(side), reference: .analytic(side))
        #expect(row.verdict == .inconclusive)
        #expect(row.reason.contains("condition number 1e+14 exceeds 1e+12"))
    }

    @Test func twoAnalyticSidesPassWithinRoundingAndFailFarOutside() {
        let a = AnalyticSide(value: Matrix([[1, 2], [3, 4]]))
        let b = AnalyticSide(value: Matrix([[1, 2], [3, 4 + 1e-15]]))
        let c = AnalyticSide(value: Matrix([[1, 2], [3, 5]]))
        #expect(Judge().judge(claim: .analytic(a), reference: .analytic(b)).verdict == .pass)
        let wrong = Judge().judge(claim: .analytic(c), reference: .analytic(a))
        #expect(wrong.verdict == .fail)
        #expect(wrong.worstIndex == MatrixIndex(row: 1, column: 1))
        #expect(wrong.worstAbsoluteError == 1)
        #expect(wrong.absoluteError == 1)
    }

    @Test func sidesOfDifferentShapesAreInconclusiveAndSaySo() {
        let row = Judge().judge(
            claim: .analytic(AnalyticSide(value: Matrix(scalar: 1))),
            reference: .analytic(AnalyticSide(value: .identity(25))))
        #expect(row.verdict == .inconclusive)
        #expect(row.reason == "the sides have different shapes, a scalar and 25×25")
    }
}

@Suite("The README example")
struct ReadmeExampleTests {
    @Test func theExampleOfTheNumericsReadmeJudgesTheGradientAsPass() throws {
        let x = Matrix([[0.1, 1.2], [0.7, -0.3], [1.9, 0.4], [-0.5, 0.8]])
        let y = Matrix(column: [0.3, -0.2, 0.9, 0.1])
        let kernel = 1.5 * RBF(lengthScale: [0.8, 3.0]) + WhiteKernel(noiseLevel: 0.1)
        let lml = try LogMarginalLikelihood(kernel: kernel, x: x, y: y)
        let reference = DerivativeSide(point: kernel.theta[1]) { h in
            var theta = kernel.theta
            theta[1] += h
            return Matrix(scalar: try LogMarginalLikelihood.value(kernel: kernel.withTheta(theta), x: x, y: y))
        }
        let row = Judge().judge(
            claim: .analytic(AnalyticSide(value: Matrix(scalar: lml.gradient[1]))), reference: .derivative(reference))
        #expect(row.verdict == .pass, "\(row.reason)")
        #expect(row.reason.hasPrefix("agrees within the error bound: relative error"))
        #expect(
            kernel.hyperparameterNames == [
                "k1__k1__constant_value", "k1__k2__length_scale[1]", "k1__k2__length_scale[2]", "k2__noise_level",
            ])
    }
}
