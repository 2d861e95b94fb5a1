import Setup
import Testing

/// Each rule of the precedence table, with an input that groups differently if the rule
/// changes. `SetupExpression.description` puts every operation in parentheses.
@Suite struct SetupParserPrecedenceTests {
    /// The right-hand side of `let z = source`, fully parenthesised; fails the test on any
    /// diagnostic.
    func grouping(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (block, diagnostics) = SetupParser.parse("let z = " + source)
        #expect(diagnostics.map(\.message) == [], sourceLocation: sourceLocation)
        return block.definitions.first?.body.description ?? "<none>"
    }

    @Test func productsBindTighterThanSums() {
        #expect(grouping("1 + 2 * 3") == "(1 + (2 * 3))")
        #expect(grouping("1 * 2 - 3") == "((1 * 2) - 3)")
    }

    @Test func sumsAndProductsAssociateToTheLeft() {
        #expect(grouping("1 - 2 - 3") == "((1 - 2) - 3)")
        #expect(grouping("8 / 4 / 2") == "((8 / 4) / 2)")
    }

    @Test func solveSharesTheLevelOfProducts() {
        #expect(grouping("A \\ b * c") == "((A \\ b) * c)")
        #expect(grouping("a * B \\ c") == "((a * B) \\ c)")
        #expect(grouping("A \\ b + c") == "((A \\ b) + c)")
    }

    @Test func elementwiseOperatorsShareTheLevelOfProducts() {
        #expect(grouping("a .* b * c") == "((a .* b) * c)")
        #expect(grouping("a * b ./ c") == "((a * b) ./ c)")
        #expect(grouping("a + b .* c") == "(a + (b .* c))")
    }

    @Test func prefixMinusBindsLooserThanPowersAsInMatlab() {
        #expect(grouping("-2^2") == "(-(2 ^ 2))")
        #expect(grouping("-x.^2") == "(-(x .^ 2))")
    }

    @Test func prefixMinusBindsTighterThanProducts() {
        #expect(grouping("-a * b") == "((-a) * b)")
        #expect(grouping("a * -b") == "(a * (-b))")
        #expect(grouping("a - -b") == "(a - (-b))")
    }

    @Test func anExponentMayCarryASign() {
        #expect(grouping("K^-1") == "(K ^ (-1))")
        #expect(grouping("x.^-2 * y") == "((x .^ (-2)) * y)")
    }

    @Test func powersBindTighterThanProducts() {
        #expect(grouping("a * b^2") == "(a * (b ^ 2))")
        #expect(grouping("a^2 / b") == "((a ^ 2) / b)")
    }

    @Test func powersDoNotChain() {
        let (_, diagnostics) = SetupParser.parse("let z = 2^3^2")
        #expect(diagnostics.map(\.message) == ["'^' and '^' do not chain"])
        #expect(grouping("(2^3)^2") == "((2 ^ 3) ^ 2)")
        #expect(grouping("2^(3^2)") == "(2 ^ (3 ^ 2))")
    }

    @Test func postfixOperatorsBindTighterThanPowersAndSigns() {
        #expect(grouping("x'^2") == "((x)' ^ 2)")
        #expect(grouping("x^2'") == "(x ^ (2)')")
        #expect(grouping("-x'") == "(-(x)')")
        #expect(grouping("X[1]'") == "(X[1])'")
        #expect(grouping("exp(θ)[2]") == "exp(θ)[2]")
        #expect(grouping("y' * α") == "((y)' * α)")
    }

    @Test func rangesBindLooserThanSums() {
        #expect(grouping("a + 1:b - 1") == "((a + 1):(b - 1))")
        #expect(grouping("1:2:9") == "(1:2:9)")
        #expect(grouping("X[end-1:end, :]") == "X[((end - 1):end), :]")
    }

    @Test func aLambdaBodyExtendsToTheRight() {
        #expect(grouping("x -> x + 1") == "((x) -> (x + 1))")
        #expect(grouping("x -> y -> x * y") == "((x) -> ((y) -> (x * y)))")
        #expect(grouping("f(x -> x, 2)") == "f(((x) -> x), 2)")
        #expect(grouping("(a, b) -> a:b") == "((a, b) -> (a:b))")
    }

    @Test func aLiteralAgainstANameMultipliesInsidePowersAndOutsideSigns() {
        #expect(grouping("2π") == "(2 π)")
        #expect(grouping("2π^2") == "(2 (π ^ 2))")
        #expect(grouping("1/2π") == "(1 / (2 π))")
        #expect(grouping("-2x") == "(-(2 x))")
        #expect(grouping("x^2π") == "(x ^ (2 π))")
        #expect(grouping("0.5x'") == "(0.5 (x)')")
        #expect(grouping("2 * π") == "(2 * π)")
    }

    @Test func aNameBeforeAColonInACallIsALabel() {
        #expect(grouping("f(n: 1:5)") == "f(n: (1:5))")
        #expect(grouping("f((a:b))") == "f((a:b))")
        #expect(grouping("X[a:b]") == "X[(a:b)]")
    }

    @Test func matrixLiteralsKeepRowsAndElements() {
        #expect(grouping("[1, 2; 3, 4]") == "[1, 2; 3, 4]")
        #expect(grouping("[a - 1, -b]") == "[(a - 1), (-b)]")
        #expect(grouping("[0.8, 1.5, 3.0]'") == "([0.8, 1.5, 3.0])'")
    }
}
