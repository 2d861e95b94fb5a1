import Diagnostics

/// Parses the text of one ```` ```gp ```` block into a `SetupBlock`, collecting every
/// syntax error rather than stopping at the first.
///
/// A statement with an error is reported once and skipped to its end (the next line break
/// outside brackets, or the next line that starts with `let` or `param`, which also ends an
/// unclosed bracket); parsing goes on with the next statement. Ranges in the tree and the
/// diagnostics are UTF-8 offsets into the block's text; `Diagnostic.located(in:)` maps them
/// into the notebook.
///
/// ```swift
/// let (block, diagnostics) = SetupParser.parse("let λ = exp(θ)")
/// print(block.dump())
/// ```
public struct SetupParser {
    /// The deepest an expression may nest (brackets, prefix operators, operator chains);
    /// deeper input is a diagnostic, so no walker of the tree can overflow the stack.
    public static let maxDepth = 200

    /// The block's text as UTF-8 (for quoting it in help messages).
    let utf8: [UInt8]
    var tokens: [SetupToken]
    var position = 0
    var diagnostics: [Diagnostic]
    var options: [BlockOption] = []
    /// Recursion depth of the expression parser.
    var depth = 0
    /// How many subscript brackets enclose the current position (`end` is valid inside).
    var subscriptDepth = 0
    /// The open brackets around the current position, innermost last.
    var openers: [SetupToken] = []
    /// The offsets of the open brackets that are matrix literals (not subscripts).
    var matrixOpeners: Set<Int> = []
    /// How many brackets were open when the current statement was abandoned.
    var abandonedDepth = 0

    /// Unwinds the parse of a statement whose error has been reported.
    struct Abandon: Error {}

    /// Parses a whole block: its options, its definitions, and every syntax error found.
    public static func parse(_ text: String) -> (block: SetupBlock, diagnostics: [Diagnostic]) {
        InputCounts.record(.setupBlock)
        var parser = SetupParser(text: text)
        let definitions = parser.parseDefinitions()
        let block = SetupBlock(options: parser.options, definitions: definitions)
        let misuse = bracketMisuse(in: block, text: text, definitions: definitions)
        return (block, (parser.diagnostics + misuse).sortedByPosition())
    }

    init(text: String) {
        self.utf8 = Array(text.utf8)
        let (tokens, diagnostics) = SetupLexer.tokenize(text)
        self.tokens = tokens
        self.diagnostics = diagnostics
        takeOptions()
    }

    // MARK: Statements

    mutating func parseDefinitions() -> [SetupDefinition] {
        var definitions: [SetupDefinition] = []
        while true {
            while tokens[position].kind == .newline { position += 1 }
            if tokens[position].kind == .end { return definitions }
            if let definition = parseStatement() { definitions.append(definition) }
            openers.removeAll()
            matrixOpeners.removeAll()
            depth = 0
            subscriptDepth = 0
        }
    }

    /// One definition. When its left-hand side parsed but its body did not, the definition
    /// is kept with an `.invalid` body; when the left-hand side failed, it is dropped.
    mutating func parseStatement() -> SetupDefinition? {
        let header: Header
        do throws(Abandon) {
            header = try parseHeader()
        } catch {
            synchronize()
            return nil
        }
        do throws(Abandon) {
            let body = try parseBody(after: header)
            try expectEndOfStatement()
            return header.definition(body: body)
        } catch {
            let end = max(header.equals.upperBound, tokens[max(position - 1, 0)].range.upperBound)
            synchronize()
            return header.definition(body: SetupExpression(.invalid, range: SourceRange(header.equals.upperBound, end)))
        }
    }

    /// Skips what is left of an abandoned statement: up to a line break outside brackets,
    /// or to a line that starts with `let` or `param`.
    mutating func synchronize() {
        var depth = abandonedDepth
        while true {
            switch tokens[position].kind {
            case .end:
                return
            case .newline:
                if depth <= 0 || startsDefinition(after: position) { return }
            case .symbol("("), .symbol("["):
                depth += 1
            case .symbol(")"), .symbol("]"):
                depth -= 1
            default:
                break
            }
            position += 1
        }
    }

    /// Whether the first token after the line breaks at `index` is `let` or `param`.
    func startsDefinition(after index: Int) -> Bool {
        var index = index
        while tokens[index].kind == .newline { index += 1 }
        return tokens[index].kind == .keyword("let") || tokens[index].kind == .keyword("param")
    }

    // MARK: Reporting

    /// Reports an error and returns the value to throw to abandon the statement.
    mutating func fail(
        _ message: String, at range: SourceRange, help: String? = nil, notes: [Diagnostic.Note] = []
    ) -> Abandon {
        report(message, at: range, help: help, notes: notes)
        abandonedDepth = openers.count
        return Abandon()
    }

    /// Abandons the statement at an invalid token, reporting the lexer's error for it.
    mutating func abandon(_ diagnostic: Diagnostic) -> Abandon {
        diagnostics.append(diagnostic)
        abandonedDepth = openers.count
        return Abandon()
    }

    /// Records an error and goes on parsing (the statement's meaning is still clear).
    mutating func report(
        _ message: String, at range: SourceRange, help: String? = nil, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(message, range: range, help: help, notes: notes))
    }

    /// The source text of a range of the block.
    func source(_ range: SourceRange) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
