import Diagnostics
import Setup
import TeX

/// A row of TeX atoms with its brackets matched: TeX keeps `(`, `)` and `|` as flat
/// symbols in reading order (a superscript after `)` sits on the `)`), so before a row can
/// be read as a computation its brackets become groups, and scripts written on a closing
/// bracket move onto the whole group.
indirect enum TeXItem {
    /// An atom of the row.
    case node(TeXNode)
    /// A bracketed group: `( … )`, `[ … ]`, `\big( … \big)`, or `| … |` (a determinant).
    case group(BracketGroup)

    /// Where the item is written.
    var range: SourceRange {
        switch self {
        case .node(let node): node.range
        case .group(let group): group.range
        }
    }
}

/// A matched pair of brackets and what they hold.
struct BracketGroup {
    /// `(`, `[`, `{`, `|` or `‖`.
    var open: String
    /// The items between the brackets.
    var items: [TeXItem]
    /// The scripts written on the closing bracket (`(x - y)^\top`), if any.
    var sub: TeXNode?
    var sup: TeXNode?
    var range: SourceRange
}

/// A bracket that was not matched, for the reader's diagnostic.
struct UnmatchedBracket: Error {
    var text: String
    var range: SourceRange
}

enum TeXItems {
    /// The items of a row, brackets matched. `|` and `‖` open when nothing of theirs is open
    /// and close otherwise, which reads `|K|` and `\log|K|` as determinants.
    static func items(_ nodes: [TeXNode]) throws(UnmatchedBracket) -> [TeXItem] {
        var stack: [(open: String, start: SourceRange, items: [TeXItem])] = [("", SourceRange(0, 0), [])]
        func push(_ item: TeXItem) { stack[stack.count - 1].items.append(item) }

        for node in nodes {
            var bracket = node
            var sub: TeXNode?
            var sup: TeXNode?
            if case .scripts(let scripts) = node.kind, let base = scripts.base, Self.bracket(of: base) != nil {
                bracket = base
                sub = scripts.sub
                sup = scripts.sup
            }
            guard let (text, role) = Self.bracket(of: bracket) else {
                push(.node(node))
                continue
            }
            let bar = text == "|" || text == "‖"
            let closesBar = bar && stack.count > 1 && stack[stack.count - 1].open == text
            if role == .open || (bar && !closesBar && role != .close) {
                if sub != nil || sup != nil {
                    // A script on an opening bracket (or on a lone bar: "evaluated at") stays an atom.
                    push(.node(node))
                    continue
                }
                stack.append((text, bracket.range, []))
                continue
            }
            guard stack.count > 1, matches(stack[stack.count - 1].open, text) else {
                if bar, sub != nil {
                    push(.node(node))  // `\Big|_{\hat f}`: evaluated at, read by the term parser
                    continue
                }
                throw UnmatchedBracket(text: text, range: bracket.range)
            }
            let opened = stack.removeLast()
            push(
                .group(
                    BracketGroup(
                        open: opened.open, items: opened.items, sub: sub, sup: sup,
                        range: opened.start.union(node.range))))
        }
        if stack.count > 1, let open = stack.last {
            throw UnmatchedBracket(text: open.open, range: open.start)
        }
        return stack[0].items
    }

    enum Role { case open, close, either }

    /// The bracket text and role of an atom that is a bracket.
    static func bracket(of node: TeXNode) -> (String, Role)? {
        switch node.kind {
        case .symbol(let symbol):
            switch symbol.kind {
            case .open where ["(", "[", "{", "⟨"].contains(symbol.text): return (symbol.text, .open)
            case .close where [")", "]", "}", "⟩"].contains(symbol.text): return (symbol.text, .close)
            case .fence where symbol.text == "|" || symbol.text == "‖": return (symbol.text, .either)
            case .open where symbol.text == "|" || symbol.text == "‖": return (symbol.text, .open)
            case .close where symbol.text == "|" || symbol.text == "‖": return (symbol.text, .close)
            default: return nil
            }
        case .delimiter(let delimiter):
            guard let symbol = delimiter.symbol else { return nil }
            switch delimiter.role {
            case .open: return (symbol.text, .open)
            case .close: return (symbol.text, .close)
            case .natural where symbol.text == "|" || symbol.text == "‖": return (symbol.text, .either)
            case .natural where ["(", "["].contains(symbol.text): return (symbol.text, .open)
            case .natural where [")", "]"].contains(symbol.text): return (symbol.text, .close)
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func matches(_ open: String, _ close: String) -> Bool {
        switch (open, close) {
        case ("(", ")"), ("[", "]"), ("{", "}"), ("⟨", "⟩"), ("|", "|"), ("‖", "‖"): true
        default: false
        }
    }
}
