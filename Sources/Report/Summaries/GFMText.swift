import TeX

/// Escaping for GitHub-flavoured Markdown, in one place: prose, code spans, fenced blocks and
/// math for the GFM summary. Every piece of text is safe inside a table cell.
enum GFMText {
    /// Text with the characters that mean something to GFM backslash-escaped: emphasis,
    /// links, HTML, code, strikethrough, math (`$`), entities and table pipes.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|~$&".contains(character) { out += "\\" }
            out.append(character == "\n" || character == "\r" ? " " : character)
        }
        return out
    }

    /// A code span around `text`, fenced with one more backtick than the longest run inside
    /// it, pipes escaped for table cells.
    static func code(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        let body = text.replacingOccurrences(of: "|", with: "\\|")
        return fence + pad + body + pad + fence
    }

    /// A fenced code block holding `text` verbatim, less its trailing blank lines.
    static func fenced(_ text: String, info: String = "text") -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        var body = Substring(text)
        while body.last == "\n" { body.removeLast() }
        return fence + info + "\n" + body + "\n" + fence + "\n"
    }

    /// TeX for GitHub's math renderer, as `` $`…`$ `` (whose body Markdown leaves alone) on
    /// one line. What GitHub cannot take is rewritten: derive's operator names that LaTeX
    /// lacks (`\tr`, `\diag`, …) become `\operatorname{…}`, `\mathup` and `\bm` their
    /// standard spellings, `|` and `\|` become `\vert` and `\Vert` (a table cell cannot hold
    /// a pipe after a backslash), alignment marks `&` and line breaks `\\` become spaces. TeX
    /// that uses one of the notebook's own macros (`macros`) or a backtick stays TeX source
    /// in a code span.
    static func math(_ tex: String, macros: Set<String>) -> String {
        let scalars = Array(SummaryText.oneLine(tex).unicodeScalars)
        var out = ""
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            k += 1
            switch c {
            case "|": out += "\\vert "
            case "&": out += " "
            case "`": return code(SummaryText.oneLine(tex))
            case "\\" where k < scalars.count && scalars[k] == "|":
                out += "\\Vert "
                k += 1
            case "\\" where k < scalars.count && scalars[k] == "\\":
                out += " "
                k += 1
            case "\\" where k < scalars.count && isLetter(scalars[k]):
                var name = ""
                while k < scalars.count, isLetter(scalars[k]) {
                    name.unicodeScalars.append(scalars[k])
                    k += 1
                }
                if macros.contains(name) { return code(SummaryText.oneLine(tex)) }
                out += rewrites[name] ?? "\\" + name
            case "\\" where k < scalars.count:
                out.unicodeScalars.append(c)
                out.unicodeScalars.append(scalars[k])
                k += 1
            default: out.unicodeScalars.append(c)
            }
        }
        return "$`" + SummaryText.oneLine(out) + "`$"
    }

    /// Commands derive knows that GitHub's MathJax does not, and their standard spelling.
    static let rewrites: [String: String] = {
        var table: [String: String] = ["mathup": "\\mathrm", "bm": "\\boldsymbol"]
        for name in ["tr", "Tr", "diag", "rank", "sgn", "erf", "Var", "Cov"] {
            table[name] = "\\operatorname{\(name)}"
        }
        table["argmax"] = "\\operatorname*{arg\\,max}"
        table["argmin"] = "\\operatorname*{arg\\,min}"
        return table
    }()

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var run = 0
        for c in text {
            run = c == character ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
