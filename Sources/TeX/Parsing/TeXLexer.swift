import Diagnostics

/// A token of TeX input: what TeX's eyes and mouth make of the characters.
struct TeXToken: Sendable, Hashable {
    /// The kinds of tokens.
    enum Kind: Sendable, Hashable {
        /// `\name` (a control word) or `\,` (a control symbol); the name has no backslash.
        case command(String)
        /// Any other character, one grapheme.
        case character(Character)
        /// `{`
        case beginGroup
        /// `}`
        case endGroup
        /// `^`
        case caret
        /// `_`
        case underscore
        /// `&`
        case alignment
        /// `#1` … `#9` in a macro body.
        case parameter(Int)
        /// A run of spaces and line breaks.
        case space
    }

    var kind: Kind
    /// The UTF-8 range in the TeX string (a macro invocation's range for expanded tokens).
    var range: SourceRange

    /// The token as it was written, for messages and for text arguments.
    var spelling: String {
        switch kind {
        case .command(let name): "\\" + name
        case .character(let character): String(character)
        case .beginGroup: "{"
        case .endGroup: "}"
        case .caret: "^"
        case .underscore: "_"
        case .alignment: "&"
        case .parameter(let number): "#\(number)"
        case .space: " "
        }
    }
}

/// Splits a TeX string into tokens, skipping `%` comments.
struct TeXLexer {
    private let scalars: [Unicode.Scalar]
    private let offsets: [Int]  // UTF-8 offset of each scalar, plus the end
    private var index = 0

    init(_ source: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in source.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// The next token, nil at the end.
    mutating func next() -> TeXToken? {
        skipComments()
        guard index < scalars.count else { return nil }
        let start = index
        let scalar = scalars[index]
        index += 1
        let kind: TeXToken.Kind
        switch scalar {
        case "\\": kind = .command(readCommandName())
        case "{": kind = .beginGroup
        case "}": kind = .endGroup
        case "^": kind = .caret
        case "_": kind = .underscore
        case "&": kind = .alignment
        case " ", "\t", "\n", "\r":
            while index < scalars.count, Self.isSpace(scalars[index]) || scalars[index] == "%" {
                if scalars[index] == "%" { skipComments() } else { index += 1 }
            }
            kind = .space
        case "#" where index < scalars.count && ("1"..."9").contains(scalars[index]):
            kind = .parameter(Int(scalars[index].value - 48))
            index += 1
        default:
            // Keep combining marks with their base so `x̂` typed directly is one character.
            while index < scalars.count, scalars[index].properties.isGraphemeExtend { index += 1 }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[start..<index])
            if text.count != 1 {
                // Not one grapheme (a mark after a control character): take the scalar alone.
                index = start + 1
                text = String(scalar)
            }
            kind = .character(Character(text))
        }
        return TeXToken(kind: kind, range: SourceRange(offsets[start], offsets[index]))
    }

    /// After the backslash: a run of ASCII letters, or one character, or "" at the end.
    private mutating func readCommandName() -> String {
        guard index < scalars.count else { return "" }
        var name = ""
        if Self.isLetter(scalars[index]) {
            while index < scalars.count, Self.isLetter(scalars[index]) {
                name.unicodeScalars.append(scalars[index])
                index += 1
            }
        } else {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        return name
    }

    private mutating func skipComments() {
        while index < scalars.count, scalars[index] == "%" {
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
            if index < scalars.count { index += 1 }
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
