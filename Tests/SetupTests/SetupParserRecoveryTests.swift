import Diagnostics
import Setup
import Testing

/// Every error of a block is reported, once, and the statements around it survive.
@Suite struct SetupParserRecoveryTests {
    /// The names defined by `text` and, for each, whether its body parsed.
    func definitions(_ text: String) -> [String] {
        SetupParser.parse(text).block.definitions.map { definition in
            definition.body.kind == .invalid ? "\(definition.name.name)!" : definition.name.name
        }
    }

    @Test func everyBrokenStatementIsReportedOnceAndTheRestSurvive() {
        let text = """
            let a = 1 +
            let b == 2
            let 3c = 4
            let d = (1 + 2
            let e = x ** 2
            let f = 6
            """
        let (_, diagnostics) = SetupParser.parse(text)
        #expect(diagnostics.count == 5)
        #expect(definitions(text) == ["a!", "b", "d!", "e", "f"])
    }

    @Test func anUnclosedBracketEndsAtTheNextDefinition() {
        #expect(definitions("let a = f(1,\nlet b = 2") == ["a!", "b"])
        #expect(definitions("let a = [1, 2;\n\n  let b = 2") == ["a!", "b"])
    }

    @Test func aStrayCharacterIsOneDiagnosticForItsStatement() {
        let (_, diagnostics) = SetupParser.parse("let a = {1, 2} $ 3\nlet b = 1")
        #expect(diagnostics.map(\.message) == ["unexpected '{'"])
        #expect(definitions("let a = {1, 2} $ 3\nlet b = 1") == ["a!", "b"])
    }

    @Test func aStatementWithoutKeywordIsSkippedToItsEnd() {
        #expect(definitions("x = f(1,\n  2)\nlet y = 1") == ["y"])
    }

    @Test func anInvalidBodyCoversTheTextAfterTheEqualsSign() {
        let (block, _) = SetupParser.parse("let a = 1 + + ) 2\n")
        #expect(block.definitions.first?.body.range.lowerBound == 7)
    }

    @Test func diagnosticsComeInSourceOrder() {
        let (_, diagnostics) = SetupParser.parse("let y = X(1)\nlet X = [1, 2]\nlet z = 1 ** 2 +")
        #expect(diagnostics.map(\.range?.lowerBound) == [8, 38, 43])
    }
}

/// Input nested deeper than `SetupParser.maxDepth` is one diagnostic, never a stack overflow,
/// and the statement after it still parses.
@Suite struct SetupParserDepthTests {
    static let deep = 10_000

    static let deepInputs: [String: String] = [
        "parentheses": String(repeating: "(", count: deep) + "1" + String(repeating: ")", count: deep),
        "matrices": String(repeating: "[", count: deep) + "1" + String(repeating: "]", count: deep),
        "calls": String(repeating: "f(", count: deep) + "1" + String(repeating: ")", count: deep),
        "subscripts": String(repeating: "X[", count: deep) + "1" + String(repeating: "]", count: deep),
        "signs": String(repeating: "-", count: deep) + "1",
        "signed exponents": "x^" + String(repeating: "-", count: deep) + "1",
        "sums": (0..<deep).map { _ in "1" }.joined(separator: " + "),
        "products": (0..<deep).map { _ in "x" }.joined(separator: " .* "),
        "transposes": "x" + String(repeating: "'", count: deep),
        "indexing chains": "x" + String(repeating: "[1]", count: deep),
        "lambdas": (0..<deep).map { "x\($0) -> " }.joined() + "1",
        "unclosed": String(repeating: "(", count: deep),
    ]

    @Test(arguments: deepInputs.keys.sorted())
    func deepInputIsOneDiagnostic(_ name: String) throws {
        let expression = try #require(Self.deepInputs[name])
        let (block, diagnostics) = SetupParser.parse("let a = \(expression)\nlet b = 2")
        #expect(diagnostics.map(\.message) == ["expression nests more than 200 levels deep"])
        #expect(block.definitions.map(\.name.name) == ["a", "b"])
        #expect(block.definitions.first?.body.kind == .invalid)
    }

    @Test func nestingJustBelowTheLimitParses() {
        let depth = SetupParser.maxDepth - 1
        let expression = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let (block, diagnostics) = SetupParser.parse("let a = \(expression)")
        #expect(diagnostics == [])
        #expect(block.definitions.first?.body.description == "1")
    }

    @Test func aChainJustBelowTheLimitParses() {
        let count = SetupParser.maxDepth - 1
        let (block, diagnostics) = SetupParser.parse("let a = " + (0...count).map { _ in "1" }.joined(separator: " + "))
        #expect(diagnostics == [])
        #expect(block.definitions.first?.body.height == count + 1)
    }
}

/// `X(2, 3)` on a value and `k[x]` on a function, with the fix spelled out.
@Suite struct SetupParserBracketMisuseTests {
    @Test func namesOfTheBlockAreCheckedByParse() {
        let (_, diagnostics) = SetupParser.parse("let X = [1, 2]\nlet y = X(2)\nlet k(x) = x\nlet z = k[1]")
        #expect(diagnostics.map(\.help) == ["index with brackets: X[2]", "call it with parentheses: k(1)"])
    }

    @Test func namesFromOtherBlocksAreCheckedWhenGiven() {
        let earlier = SetupParser.parse("let X = randn(3, 3)\nlet k(x) = x").block.definitions
        let text = "let y = X(1, 2) + k[3]"
        let (block, diagnostics) = SetupParser.parse(text)
        #expect(diagnostics == [])
        let misuse = SetupParser.bracketMisuse(in: block, text: text, definitions: earlier)
        #expect(misuse.map(\.message) == ["'X' is a value, not a function", "'k' is a function, not a value"])
        #expect(misuse.map(\.help) == ["index with brackets: X[1, 2]", "call it with parentheses: k(3)"])
    }

    @Test func parametersShadowTheNamesTheyShare() {
        let (_, diagnostics) = SetupParser.parse("let X = [1, 2]\nlet f(X) = X(1)\nlet g = X -> X(2)")
        #expect(diagnostics == [])
    }

    @Test func aLetBoundToALambdaIsAFunction() {
        let (_, diagnostics) = SetupParser.parse("let add = (x, y) -> x + y\nlet s = add(1, 2)")
        #expect(diagnostics == [])
    }
}
