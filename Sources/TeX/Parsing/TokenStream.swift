/// Tokens from the lexer, with the output of macro expansion read before them.
struct TokenStream {
    private var lexer: TeXLexer
    private var lookahead: TeXToken?
    /// Tokens pushed back or produced by expansion, last element read first.
    private var pending: [TeXToken] = []

    init(_ source: String) {
        lexer = TeXLexer(source)
    }

    /// The next token without taking it.
    mutating func peek() -> TeXToken? {
        if let last = pending.last { return last }
        if lookahead == nil { lookahead = lexer.next() }
        return lookahead
    }

    /// Takes the next token.
    mutating func next() -> TeXToken? {
        if let last = pending.popLast() { return last }
        if let token = lookahead {
            lookahead = nil
            return token
        }
        return lexer.next()
    }

    /// Makes `tokens` the next ones read, in order.
    mutating func push(_ tokens: [TeXToken]) {
        pending.append(contentsOf: tokens.reversed())
    }

    /// Forgets every pushed token (after an expansion limit, so a runaway macro stops).
    mutating func dropPushed() {
        pending.removeAll()
    }
}

/// The tokens that end a math list, for each construct that can be open around it.
struct StopSet: OptionSet {
    let rawValue: Int

    /// `}` of a group.
    static let endGroup = StopSet(rawValue: 1)
    /// `\right` or `\middle` of a `\left`.
    static let right = StopSet(rawValue: 2)
    /// `\end` of an environment.
    static let end = StopSet(rawValue: 4)
    /// `&` or `\\` of a table cell.
    static let cell = StopSet(rawValue: 8)
    /// `]` of an optional argument.
    static let bracket = StopSet(rawValue: 16)

    /// Whether `token` ends a list under this set.
    func stops(at token: TeXToken) -> Bool {
        switch token.kind {
        case .endGroup: contains(.endGroup)
        case .alignment: contains(.cell)
        case .command("\\"): contains(.cell)
        case .command("right"), .command("middle"): contains(.right)
        case .command("end"): contains(.end)
        case .character("]"): contains(.bracket)
        default: false
        }
    }
}
