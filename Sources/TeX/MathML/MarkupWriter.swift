/// Writes XML markup compactly — no whitespace between elements — and is the one place
/// where text and attribute values are escaped.
struct MarkupWriter {
    /// The markup written so far.
    private(set) var markup = ""

    /// `<name attributes…>`
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<" + name + Self.attributes(attributes) + ">"
    }

    /// `</name>`
    mutating func close(_ name: String) {
        markup += "</" + name + ">"
    }

    /// `<name attributes…/>`
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        markup += "<" + name + Self.attributes(attributes) + "/>"
    }

    /// `<name attributes…>text</name>`
    mutating func leaf(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// Escaped character data.
    mutating func text(_ text: String) {
        markup += Self.escape(text)
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `&`, `<`, `>` and `"` as entities, and invisible characters (function application
    /// U+2061, no-break and thin spaces, line breaks) as numeric references, so the markup
    /// shows them. Control characters XML forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case " ": out += " "
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                let category = scalar.properties.generalCategory
                if scalar.properties.isWhitespace || category == .format || category == .control {
                    out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
