import Numerics
import Testing

@testable import Setup

/// One arithmetic for gp blocks and checked equations; the policy is the only difference.
@Suite struct ArithmeticTests {
    let k = Value(Matrix([[2, 1], [1, 3]]))
    let s = Value(scalar: 0.5)

    @Test func gpBroadcastsAScalarOverAMatrixAndAcheckedEquationDoesNot() throws {
        let sum = try Arithmetic.apply(.add, k, s, policy: .setupLanguage)
        #expect(sum.matrix == Matrix([[2.5, 1.5], [1.5, 3.5]]))
        #expect(throws: ArithmeticError.shapesDiffer(.add, .init(k.matrix), .init(s.matrix))) {
            try Arithmetic.apply(.add, k, s, policy: .checkedEquation)
        }
    }

    @Test func aScalarScalesUnderEveryPolicy() throws {
        for policy in [ShapePolicy.setupLanguage, .checkedEquation] {
            #expect(try Arithmetic.apply(.product, s, k, policy: policy).matrix == Matrix([[1, 0.5], [0.5, 1.5]]))
            #expect(
                try Arithmetic.apply(.elementwiseProduct, k, s, policy: policy).matrix
                    == Matrix([[1, 0.5], [0.5, 1.5]]))
            #expect(try Arithmetic.apply(.divide, k, s, policy: policy).matrix == Matrix([[4, 2], [2, 6]]))
        }
    }

    @Test func onlyGpDividesByAMatrix() throws {
        // [2 1; 1 3] / [2 1; 1 3] is the identity, computed as (Kᵀ \ Kᵀ)ᵀ.
        let quotient = try Arithmetic.apply(.divide, k, k, policy: .setupLanguage)
        #expect(isApproximatelyEqual(quotient.matrix, .identity(2)))
        #expect(quotient.conditioning > 1)
        #expect(throws: ArithmeticError.divisor(.init(k.matrix), .init(k.matrix))) {
            try Arithmetic.apply(.divide, k, k, policy: .checkedEquation)
        }
    }

    @Test func onlyGpTakesTheLogarithmOfANegativeValueAsNaN() throws {
        let negative = Value(scalar: -1)
        #expect(try Arithmetic.elementwise(.log, negative, policy: .setupLanguage).matrix.elements[0].isNaN)
        #expect(throws: ArithmeticError.domain(function: "log")) {
            try Arithmetic.elementwise(.log, negative, policy: .checkedEquation)
        }
    }

    @Test func theIdentityTakesTheSizeOfTheSquareMatrixItMeets() throws {
        let plus = try Arithmetic.identity(scaledBy: s, meeting: k, under: .add, identityFirst: false)
        #expect(plus?.matrix == Matrix([[2.5, 1], [1, 3.5]]))
        let minus = try Arithmetic.identity(scaledBy: s, meeting: k, under: .subtract, identityFirst: true)
        #expect(minus?.matrix == Matrix([[-1.5, -1], [-1, -2.5]]))
        #expect(try Arithmetic.identity(scaledBy: s, meeting: k, under: .power, identityFirst: true) == nil)
        let tall = Value(Matrix([[1], [2]]))
        #expect(throws: ArithmeticError.identityMeetsNonSquare(.init(tall.matrix))) {
            try Arithmetic.identity(scaledBy: s, meeting: tall, under: .add, identityFirst: false)
        }
    }

    @Test func aFractionalPowerIsTakenOfANonNegativeDiagonalMatrixOnly() throws {
        let diagonal = Value(Matrix([[4, 0], [0, 9]]))
        let root = try Arithmetic.apply(.power, diagonal, Value(scalar: 0.5), policy: .setupLanguage)
        #expect(root.matrix == Matrix([[2, 0], [0, 3]]))
        #expect(throws: ArithmeticError.matrixPower(exponent: 0.5)) {
            try Arithmetic.apply(.power, k, Value(scalar: 0.5), policy: .checkedEquation)
        }
        let cube = try Arithmetic.apply(.power, k, Value(scalar: 3), policy: .checkedEquation)
        #expect(cube.matrix == Matrix([[15, 20], [20, 35]]))
    }
}
