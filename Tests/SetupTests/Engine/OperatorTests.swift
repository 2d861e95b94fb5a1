import Foundation
import Numerics
import Testing

@testable import Setup

@Suite struct OperatorTests {
    let a = "let A = [1, 2, 3; 4, 5, 6; 7, 8, 9]\n"

    @Test func indicesStartAtOneAndRangesIncludeBothEnds() throws {
        #expect(try matrix(a + "let r = A[1, 1]") == Matrix(scalar: 1))
        #expect(try matrix(a + "let r = A[2:3, :]") == Matrix([[4, 5, 6], [7, 8, 9]]))
        #expect(try matrix(a + "let r = A[:, 2]") == Matrix(column: [2, 5, 8]))
        #expect(try matrix(a + "let r = A[end, end]") == Matrix(scalar: 9))
        #expect(try matrix(a + "let r = A[end-1:end, 1]") == Matrix(column: [4, 7]))
        #expect(try matrix(a + "let r = A[2, :]") == Matrix([[4, 5, 6]]))
        #expect(try matrix("let r = 1:4") == Matrix(column: [1, 2, 3, 4]))
        #expect(try matrix("let r = 5:-2:1") == Matrix(column: [5, 3, 1]))
        #expect(try matrix("let v = [10, 20, 30]\nlet r = v[[3, 1]]") == Matrix(column: [30, 10]))
    }

    @Test func linearIndexingRunsDownTheColumns() throws {
        #expect(try matrix(a + "let r = A[2]") == Matrix(column: [4]))
        #expect(try matrix(a + "let r = A[4]") == Matrix(column: [2]))
    }

    @Test func aRowOfScalarsIsAColumnVectorAndBracketsConcatenate() throws {
        #expect(try matrix("let r = [0.8, 1.5, 3.0]") == Matrix(column: [0.8, 1.5, 3.0]))
        #expect(try matrix("let r = [1, 2, 3]'") == Matrix([[1, 2, 3]]))
        #expect(try matrix("let v = [1, 2]\nlet r = [v, v]") == Matrix([[1, 1], [2, 2]]))
        #expect(try matrix("let v = [1, 2]\nlet r = [v; 3]") == Matrix(column: [1, 2, 3]))
        #expect(
            try matrix("let A = [1, 2; 3, 4]\nlet r = [A, [5, 6]; [7, 8]', 9]")
                == Matrix([[1, 2, 5], [3, 4, 6], [7, 8, 9]]))
    }

    @Test func starIsTheMatrixProductAndDotOperatorsActElementwise() throws {
        let b = "let A = [1, 2; 3, 4]\nlet B = [5, 6; 7, 8]\n"
        #expect(try matrix(b + "let r = A * B") == Matrix([[19, 22], [43, 50]]))
        #expect(try matrix(b + "let r = A .* B") == Matrix([[5, 12], [21, 32]]))
        #expect(try matrix(b + "let r = B ./ A") == Matrix([[5, 3], [7.0 / 3, 2]]))
        #expect(try matrix(b + "let r = A .^ 2") == Matrix([[1, 4], [9, 16]]))
        #expect(try matrix(b + "let r = A ^ 2") == Matrix([[7, 10], [15, 22]]))
        #expect(try matrix(b + "let r = A'") == Matrix([[1, 3], [2, 4]]))
        #expect(try matrix(b + "let r = 2 * A - 1") == Matrix([[1, 3], [5, 7]]))
        #expect(try matrix(b + "let r = A / 2") == Matrix([[0.5, 1], [1.5, 2]]))
        #expect(close(try matrix(b + "let r = B / A"), Matrix([[-1, 2], [-2, 3]])))
        #expect(try matrix("let x = [1, 2]\nlet r = x' * x") == Matrix(scalar: 5))
        #expect(try matrix("let r = -2^2") == Matrix(scalar: -4))
    }

    @Test func theIdentityTakesItsSizeFromWhatItMeets() throws {
        let b = "let A = [1, 2; 3, 4]\n"
        #expect(try matrix(b + "let r = A + 1e-1 * I") == Matrix([[1.1, 2], [3, 4.1]]))
        #expect(try matrix(b + "let r = I - A") == Matrix([[0, -2], [-3, -3]]))
        #expect(try matrix(b + "let r = 3I * A") == Matrix([[3, 6], [9, 12]]))
        #expect(try matrix(b + "let r = A * I") == Matrix([[1, 2], [3, 4]]))
        let error = failure("let r = 2 * I")
        #expect(error?.message == "the size of 'I' cannot be inferred here")
    }

    @Test func backslashSolvesLikeMATLAB() throws {
        #expect(close(try matrix("let r = [2, 0; 0, 4] \\ [1, 1]"), Matrix(column: [0.5, 0.25])))
        #expect(close(try matrix("let r = [0, 1; 1, 0] \\ [3, 5]"), Matrix(column: [5, 3])))
        #expect(try matrix("let r = 2 \\ [4, 6]") == Matrix(column: [2, 3]))
    }

    @Test func shapeMismatchesSayWhatWasNeeded() {
        let x = "let X = ones(25, 3)\n"
        #expect(failure(x + "let r = X * X")?.message == "'*' needs 25×3 and 3×k; got 25×3 and 25×3")
        #expect(failure(x + "let r = X * X")?.help == "for the elementwise product write '.*'")
        #expect(failure(x + "let r = X + X'")?.message == "'+' needs operands of one shape; got 25×3 and 3×25")
        #expect(failure("let r = [1, 2; 3, 4] ^ 0.5")?.message == "'^' of a matrix needs an integer exponent; got 0.5")
    }

    @Test func indexErrorsMentionOneBasedIndexing() {
        #expect(failure("let v = [1, 2, 3]\nlet r = v[0]")?.message == "index 0 is out of range: indices start at 1")
        #expect(failure("let v = [1, 2, 3]\nlet r = v[4]")?.message == "index 4 is out of range: 'v' has 3 entries")
        #expect(failure("let A = ones(2, 2)\nlet r = A[1, 3]")?.message == "index 3 is out of range: 'A' has 2 columns")
        #expect(failure("let v = [1, 2, 3]\nlet r = v[1.5]")?.message == "index 1.5 is not an integer")
    }

    @Test func userFunctionsAndAnonymousFunctionsApplyToValues() throws {
        let code = """
            let λ = [2, 3]
            let k(x, z) = exp(-0.5 * sum((x - z).^2 ./ λ.^2))
            let add = (a, b) -> a + b
            let twice(f, x) = f(f(x))
            let r = [k([0, 0], [2, 3]), add(1, 2), twice(x -> 3 * x, 1)]
            """
        #expect(close(try matrix(code), Matrix(column: [exp(-1), 3, 9])))
    }
}
