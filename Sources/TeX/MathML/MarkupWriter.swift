/// Writes XML markup compactly — no whitespace between elements; text and attribute values
/// go through `XMLText`.
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

    /// Text and attribute values as MathML writes them: apostrophes as they are, invisible
    /// characters as references.
    static func escape(_ text: String) -> String {
        XMLText.escape(text, apostrophes: false, revealingInvisibles: true)
    }
}
