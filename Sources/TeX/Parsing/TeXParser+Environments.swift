import Diagnostics

extension TeXParser {
    /// `\begin{name}` … `\end{name}`, the `\begin` already taken.
    mutating func parseEnvironment(after begin: TeXToken) -> TeXNode? {
        let start = begin.range.lowerBound
        guard let name = readStringArgument(for: begin, usage: "\\begin{matrix} … \\end{matrix}")?.text else {
            return nil
        }
        let beginRange = range(from: start)
        let kind = EnvironmentKind(rawValue: name)
        if kind == nil {
            let known = EnvironmentKind.allCases.map(\.rawValue)
            let suggestion = Suggestions.nearest(to: name, among: known)
            report(
                .unknownEnvironment, "unknown environment '\(name)'", at: beginRange,
                help: suggestion.map { "did you mean '\($0)'?" }
                    ?? "use one of " + known.map { "'\($0)'" }.joined(separator: ", "))
        }
        var columns: [ColumnAlignment] = []
        if kind?.takesColumnSpec == true,
            let spec = readStringArgument(for: begin, usage: "\\begin{array}{lcr}")
        {
            columns = spec.text.compactMap { ["l": .left, "c": .center, "r": .right][$0] }
        }
        if kind == .alignedat { _ = readStringArgument(for: begin, usage: "\\begin{alignedat}{2}") }
        if kind == .aligned || kind == .gathered || kind == .alignedat || kind == .array { skipPlacement() }

        guard enter(at: beginRange) else { return nil }
        defer { leave() }
        let rows = parseCells(stop: .end)
        if let end = peek(), end.kind == .command("end") {
            next()
            let endName = readStringArgument(for: end, usage: "\\end{\(name)}")?.text
            if let endName, endName != name {
                report(
                    .mismatchedEnvironment, "'\\begin{\(name)}' ended by '\\end{\(endName)}'",
                    at: range(from: end.range.lowerBound), help: "write '\\end{\(name)}'",
                    notes: [Diagnostic.Note("'\\begin{\(name)}' is here", range: beginRange)])
            }
        } else if !isTooDeep {
            report(
                .unclosedEnvironment, "'\\begin{\(name)}' without a matching '\\end{\(name)}'",
                at: beginRange, help: "add '\\end{\(name)}' after its last row")
        }
        let environment = Environment(name: name, kind: kind, rows: rows, columns: columns)
        return TeXNode(.environment(environment), range: range(from: start))
    }

    /// Rows split by `\\` and cells split by `&`, up to a token of `stop`.
    mutating func parseCells(stop: StopSet) -> [[TeXNode]] {
        var rows: [[TeXNode]] = [[]]
        while true {
            let start = position()
            let nodes = parseList(stop: stop.union(.cell))
            rows[rows.count - 1].append(TeXNode(.row(nodes), range: range(from: start)))
            guard !isTooDeep, let token = peek() else { break }
            if token.kind == .alignment {
                next()
            } else if token.kind == .command("\\") {
                next()
                skipRowSpacing()
                rows.append([])
            } else {
                break
            }
        }
        if rows.count > 1, let last = rows.last, last.count == 1, case .row([]) = last[0].kind {
            rows.removeLast()  // a `\\` after the last row
        }
        return rows
    }

    /// `[t]` or `[b]` after `\begin{aligned}`: vertical placement, which MathML cannot say.
    private mutating func skipPlacement() {
        guard let token = stream.peek(), token.kind == .character("[") else { return }
        var taken: [TeXToken] = []
        while let next = takeRaw() {
            taken.append(next)
            if next.kind == .character("]") || taken.count > 4 { break }
        }
        if taken.last?.kind != .character("]") { stream.push(taken) }
    }

    /// `*` and `[2pt]` after `\\`: extra row spacing, which the MathML leaves out. Anything
    /// in brackets that is not a length is left in place as content.
    private mutating func skipRowSpacing() {
        if let token = stream.peek(), token.kind == .character("*") { takeRaw() }
        guard let open = peekRawSkippingSpaces(), open.kind == .character("[") else { return }
        var taken: [TeXToken] = []
        var spelling = ""
        while let token = takeRaw() {
            taken.append(token)
            if token.kind == .character("]") { break }
            if taken.count > 1 { spelling += token.spelling }
            if taken.count > 16 { break }
        }
        if taken.last?.kind != .character("]") || !Self.isLength(spelling) { stream.push(taken) }
    }

    /// Whether `text` is a TeX length such as `2pt`, `-0.5em`, `1ex`.
    static func isLength(_ text: String) -> Bool {
        let trimmed = text.filter { $0 != " " }
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let unit = trimmed.dropFirst(number.count)
        return !number.isEmpty && ["pt", "em", "ex", "mm", "cm", "in", "mu", "bp", "pc"].contains(String(unit))
    }
}
