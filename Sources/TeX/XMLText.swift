/// Escaping for XML and HTML, in one place: MathML, the report's HTML and SVG, and JUnit XML
/// all pass their text and attribute values through `escape`.
///
/// Always: `&`, `<`, `>` and `"` as entities; a carriage return as `&#xD;` (so it survives
/// line-end normalisation); characters XML 1.0 cannot hold (other C0 controls, U+FFFE,
/// U+FFFF) as U+FFFD. In an attribute, also tab and line feed as references, so they survive
/// attribute-value normalisation. The two options are the writers' conventions:
/// `apostrophes` writes `'` as `&#39;` (HTML's habit, harmless in XML), and
/// `revealingInvisibles` writes other white space and format characters (function
/// application U+2061, no-break and thin spaces, line breaks) as references, so MathML
/// source shows them.
public enum XMLText {
    /// Where the escaped text goes.
    public enum Context: Sendable {
        /// Element content.
        case content
        /// A double-quoted attribute value.
        case attribute
    }

    /// `text`, safe in `context`.
    public static func escape(
        _ text: String, in context: Context = .content, apostrophes: Bool = true, revealingInvisibles: Bool = false
    ) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophes: out += "&#39;"
            case " ": out += " "
            case "\r": out += reference(scalar)
            case "\t", "\n":
                if context == .attribute || revealingInvisibles {
                    out += reference(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default:
                let category = scalar.properties.generalCategory
                if revealingInvisibles, scalar.properties.isWhitespace || category == .format || category == .control {
                    out += reference(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `&#x…;`, upper-case hexadecimal.
    private static func reference(_ scalar: Unicode.Scalar) -> String {
        "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
    }
}
