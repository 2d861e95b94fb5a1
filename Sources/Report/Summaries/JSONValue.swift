/// A JSON document built in code and written by hand, so that escaping and number formatting
/// happen in one place and the text is the same on every platform: keys in the order given,
/// two-space indentation, arrays of plain values and objects of up to three plain values
/// (`{"row": 1, "column": 2}`) on one line.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number as JSON text, e.g. `0.36788` or `2.3e-11` (see `real`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// A real number rounded to `digits` significant digits by `NumberText`; NaN and ±∞,
    /// which JSON cannot hold as numbers, as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    static func real(_ x: Double, significant digits: Int) -> JSONValue {
        if x.isNaN { return .string("NaN") }
        if x.isInfinite { return .string(x < 0 ? "-Infinity" : "Infinity") }
        return .number(NumberText.format(x, significant: digits))
    }

    /// `real(x)`, or null when there is no value.
    static func real(_ x: Double?, significant digits: Int) -> JSONValue {
        x.map { real($0, significant: digits) } ?? .null
    }

    /// A string, or null.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// An integer, or null.
    static func integer(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }

    /// The document as text, ending in a newline.
    func written() -> String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let text): out += text
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items) where items.isEmpty: out += "[]"
        case .array(let items) where items.allSatisfy(\.isPlain):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += ", " }
                item.write(to: &out, indent: indent)
            }
            out += "]"
        case .array(let items):
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += k < items.count - 1 ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members) where members.isEmpty: out += "{}"
        case .object(let members) where members.count <= 3 && members.allSatisfy(\.1.isPlain):
            out += "{"
            for (k, (key, value)) in members.enumerated() {
                if k > 0 { out += ", " }
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent)
            }
            out += "}"
        case .object(let members):
            out += "{\n"
            for (k, (key, value)) in members.enumerated() {
                out += indent + "  "
                Self.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + "  ")
                out += k < members.count - 1 ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    /// Neither an array nor an object.
    private var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A JSON string literal (RFC 8259, section 7): `"` and `\` escaped, control characters
    /// as `\n`-style or `\u00XX` escapes, U+2028 and U+2029 escaped so the text is also safe
    /// inside JavaScript; everything else as UTF-8.
    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
