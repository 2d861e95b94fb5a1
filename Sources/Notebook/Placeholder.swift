/// The token that stands in for a math span while cmark parses the notebook.
///
/// Two private-use characters around a decimal index: cmark treats them as ordinary
/// letters, so the token never starts or ends emphasis, is never escaped, and survives
/// into a single text node.
enum Placeholder {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// The token for math span number `index`.
    static func token(_ index: Int) -> String { "\(open)\(index)\(close)" }

    /// A piece of a text node: plain text, or the placeholder of a math span.
    enum Piece: Equatable {
        case text(String)
        case math(Int)
    }

    /// Splits text at placeholders, keeping the text between them.
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: open) {
            let afterOpen = rest.index(after: start)
            guard let end = rest[afterOpen...].firstIndex(of: close),
                let index = Int(rest[afterOpen..<end])
            else {
                current += rest[...start]
                rest = rest[afterOpen...]
                continue
            }
            current += rest[..<start]
            if !current.isEmpty { pieces.append(.text(current)) }
            current = ""
            pieces.append(.math(index))
            rest = rest[rest.index(after: end)...]
        }
        current += rest
        if !current.isEmpty { pieces.append(.text(current)) }
        return pieces
    }
}
