import Diagnostics

/// A problem in a TeX string, positioned in that string.
///
/// The TeX module does not decide how bad a problem is — unknown TeX is a warning in prose
/// and an error in a checked block — so an issue has no severity. The caller turns it into
/// a `Diagnostic` with `diagnostic(_:in:)`, which maps the range through the
/// `SourceFragment` the TeX string was cut from.
public struct TeXIssue: Sendable, Hashable {
    /// What kind of problem this is, for callers and tests that branch on it.
    public var code: Code
    /// Lower case, no trailing period, names in 'quotes'.
    public var message: String
    /// The UTF-8 range in the TeX string.
    public var range: SourceRange
    /// How to fix it, when that is known.
    public var help: String?
    /// Related positions in the same TeX string ("'\left' is here").
    public var notes: [Diagnostic.Note]

    /// An issue.
    public init(
        _ code: Code, _ message: String, range: SourceRange, help: String? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        self.code = code
        self.message = message
        self.range = range
        self.help = help
        self.notes = notes
    }

    /// The kinds of issues.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case unknownCommand
        case unknownEnvironment
        case unbalancedBrace
        case missingArgument
        case missingDelimiter
        case unmatchedLeft
        case unmatchedRight
        case misplacedMiddle
        case mismatchedEnvironment
        case unclosedEnvironment
        case doubleScript
        case invalidMacroDefinition
        case expansionLimit
        case nestingLimit
        case duplicateLabel
        case unresolvedReference
        case unexpectedCharacter
    }

    /// The issue as a diagnostic of `severity` in the file `fragment` was cut from, its
    /// ranges mapped from TeX-string offsets to file offsets (the fragment's text is the
    /// TeX string).
    public func diagnostic(_ severity: Severity, in fragment: SourceFragment) -> Diagnostic {
        let mapped = notes.map { note in
            Diagnostic.Note(
                note.message,
                range: note.range.map { fragment.fileRange($0.lowerBound, $0.upperBound) })
        }
        return Diagnostic(
            severity, message, file: fragment.file,
            range: fragment.fileRange(range.lowerBound, range.upperBound), help: help, notes: mapped)
    }

    /// The issue as a diagnostic with no file, its ranges left in TeX-string offsets.
    public func diagnostic(_ severity: Severity) -> Diagnostic {
        Diagnostic(severity, message, range: range, help: help, notes: notes)
    }
}
