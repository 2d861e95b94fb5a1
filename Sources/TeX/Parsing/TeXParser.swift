import Diagnostics

/// Parses the TeX of one math span into a `TeXParseResult`.
///
/// The parser never fails: what it cannot understand becomes an `.error` node in the tree
/// and a `TeXIssue`, and parsing goes on after it. Macro expansion and nesting are capped
/// (`maximumExpansions`, `maximumExpandedTokens`, `maximumDepth`), so hostile input such as
/// `\def\a{\a\a}\a` or ten thousand `{` ends in an issue, not a hang or a stack overflow.
public struct TeXParser {
    /// How deeply groups, arguments, fences and environments may nest.
    public static let maximumDepth = 64
    /// How many macro expansions one span may perform.
    public static let maximumExpansions = 10_000
    /// How many tokens macro expansion may produce in one span.
    public static let maximumExpandedTokens = 100_000

    var stream: TokenStream
    var macros: MacroTable
    let sourceLength: Int
    var issues: [TeXIssue] = []
    var labels: [EquationLabel] = []
    var tags: [EquationTag] = []
    var suppressions: [SourceRange] = []
    /// The end of the last token taken, for the ranges of nodes.
    var lastEnd = 0
    /// How many tokens have been taken, to tell progress from a rule that takes nothing.
    var takenCount = 0
    var depth = 0
    var isTooDeep = false
    var expansions = 0
    var expandedTokens = 0
    var isExpansionHalted = false
    /// The stops of every construct open around the list being parsed.
    var enclosing: StopSet = []
    /// Did-you-mean answers already looked up in this span, by unknown name.
    var suggestions: [String: String?] = [:]
    /// How many unknown names of one span get a did-you-mean lookup.
    static let maximumSuggestions = 32

    init(source: String, macros: MacroTable) {
        stream = TokenStream(source)
        self.macros = macros
        sourceLength = source.utf8.count
    }

    /// Parses `source` (a math span's content) with the macros defined so far, and adds
    /// the span's own definitions to `macros` for the spans that follow.
    public static func parse(_ source: String, macros: inout MacroTable) -> TeXParseResult {
        InputCounts.record(.texSpan)
        var parser = TeXParser(source: source, macros: macros)
        let root = parser.parseTopLevel()
        macros = parser.macros
        return parser.result(source: source, root: root)
    }

    /// Parses `source` with no macros defined beforehand.
    public static func parse(_ source: String) -> TeXParseResult {
        var macros = MacroTable()
        return parse(source, macros: &macros)
    }

    /// The whole span: one row, or lines split by `\\` (and `&`) as an implicit environment.
    mutating func parseTopLevel() -> TeXNode {
        let rows = parseCells(stop: [])
        while !isTooDeep, let token = next() {
            // Only a stop no construct claims is left here; report it and go on.
            report(.unexpectedCharacter, "unexpected '\(token.spelling)'", at: token.range)
        }
        let whole = SourceRange(0, sourceLength)
        if rows.count == 1, rows[0].count == 1, case .row(let nodes) = rows[0][0].kind {
            return TeXNode(.row(nodes), range: whole)
        }
        let kind: EnvironmentKind = rows.contains { $0.count > 1 } ? .aligned : .gathered
        let environment = Environment(name: kind.rawValue, kind: kind, rows: rows, columns: [])
        return TeXNode(.row([TeXNode(.environment(environment), range: whole)]), range: whole)
    }

    // MARK: - Tokens

    /// The next token in math mode: spaces skipped, macros expanded.
    mutating func peek() -> TeXToken? {
        while let token = stream.peek() {
            switch token.kind {
            case .space:
                _ = stream.next()
            case .command(let name) where !isExpansionHalted && macros.definitions[name]?.isBroken == false:
                _ = stream.next()
                if let definition = macros.definitions[name] { expand(definition, invocation: token) }
            default:
                return token
            }
        }
        return nil
    }

    /// Takes the token `peek()` shows.
    @discardableResult
    mutating func next() -> TeXToken? {
        guard peek() != nil else { return nil }
        return takeRaw()
    }

    /// Takes the next token as it is: no expansion, spaces included.
    @discardableResult
    mutating func takeRaw() -> TeXToken? {
        guard let token = stream.next() else { return nil }
        lastEnd = max(lastEnd, token.range.upperBound)
        takenCount += 1
        return token
    }

    /// The next token that is not a space, unexpanded.
    mutating func peekRawSkippingSpaces() -> TeXToken? {
        while let token = stream.peek(), token.kind == .space { _ = stream.next() }
        return stream.peek()
    }

    /// Where the next token starts (the end of the input when there is none).
    mutating func position() -> Int {
        peek()?.range.lowerBound ?? sourceLength
    }

    /// Whether the next token is the character `character`; takes it if so.
    mutating func take(_ character: Character) -> Bool {
        guard let token = peek(), token.kind == .character(character) else { return false }
        next()
        return true
    }

    // MARK: - Nesting

    /// Enters one level of nesting, or reports the nesting limit (once) and refuses.
    mutating func enter(at range: SourceRange) -> Bool {
        guard !isTooDeep else { return false }
        guard depth < Self.maximumDepth else {
            isTooDeep = true
            report(
                .nestingLimit, "formula nests more than \(Self.maximumDepth) levels deep", at: range,
                help: "simplify the formula or check for unclosed braces")
            return false
        }
        depth += 1
        return true
    }

    /// Leaves one level of nesting.
    mutating func leave() {
        depth -= 1
    }

    // MARK: - Issues

    mutating func report(
        _ code: TeXIssue.Code, _ message: String, at range: SourceRange, help: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        issues.append(TeXIssue(code, message, range: range, help: help, notes: notes))
    }

    /// A range from `start` to the end of the last token taken.
    func range(from start: Int) -> SourceRange {
        SourceRange(start, max(start, lastEnd))
    }
}
