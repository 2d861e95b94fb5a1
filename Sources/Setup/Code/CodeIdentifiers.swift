import Foundation

/// How a gp name becomes an identifier of a cell's language.
///
/// The identifier is the name as the cell's options spell it — `theta` stays `theta` and `θ`
/// stays `θ` in the code, though both are the gp name `θ` — except that Python normalises
/// every identifier in its source with NFKC, so `ℓ` written in a Python cell *is* `l`, and
/// the value is passed under `l`. A name that is a keyword of the language (`lambda` in
/// Python) is renamed with `as`: `#| reads: lambda as lam`.
public enum CodeIdentifiers {
    /// Python's keywords (`keyword.kwlist`), which no variable can be named.
    public static let pythonKeywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Whether `spelling` is a name as the gp language writes one (a letter, then letters,
    /// digits, `_` and combining marks).
    static func isGPName(_ spelling: String) -> Bool {
        guard let first = spelling.unicodeScalars.first, first.properties.isXIDStart || first == "_" else {
            return false
        }
        return spelling.unicodeScalars.allSatisfy { $0.properties.isXIDContinue }
    }

    /// The identifier a cell of `language` uses for a name spelt `spelling` in its options.
    public static func identifier(for spelling: String, in language: CodeLanguage) -> String {
        switch language {
        case .python: spelling.precomposedStringWithCompatibilityMapping
        case .swift: spelling
        }
    }

    /// Why `identifier` cannot name a variable of `language`, if it cannot.
    static func problem(with identifier: String, in language: CodeLanguage) -> String? {
        guard isGPName(identifier) else { return "'\(identifier)' is not a \(language.displayName) identifier" }
        switch language {
        case .python:
            if pythonKeywords.contains(identifier) { return "'\(identifier)' is a Python keyword" }
            if identifier.hasPrefix("__derive") { return "names starting with '__derive' are derive's own" }
        case .swift:
            if identifier.hasPrefix("__derive") { return "names starting with '__derive' are derive's own" }
        }
        return nil
    }
}
