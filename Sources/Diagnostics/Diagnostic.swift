/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Something the user may want to know; never changes the exit status.
    case note
    /// Suspicious but usable input (unknown TeX in prose, a letter run read as a product).
    case warning
    /// Input derive cannot use (a syntax error, an unknown name, a shape mismatch).
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in the input, as a value: where it is, what it is, and how to fix it.
///
/// Messages are lower case with no trailing period and put names in 'quotes'; the fix, when
/// one is known, goes in `help`. One diagnostic per root cause.
public struct Diagnostic: Sendable, Hashable {
    /// Error, warning or note.
    public var severity: Severity
    /// What is wrong, e.g. "unknown name 'lamda'".
    public var message: String
    /// The file the problem is in, if it is in one.
    public var file: SourceFile?
    /// The bytes the problem covers in `file`.
    public var range: SourceRange?
    /// How to fix it, e.g. "did you mean 'lambda'?".
    public var help: String?
    /// Further positions that explain the problem ("first defined here").
    public var notes: [Note]

    /// A secondary message, optionally at its own position in the same file.
    public struct Note: Sendable, Hashable {
        /// What the position shows.
        public var message: String
        /// Where, in the diagnostic's file.
        public var range: SourceRange?

        /// A note with an optional position.
        public init(_ message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// A diagnostic of the given severity.
    public init(
        _ severity: Severity, _ message: String, file: SourceFile? = nil, range: SourceRange? = nil,
        help: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.help = help
        self.notes = notes
    }

    /// An error.
    public static func error(
        _ message: String, file: SourceFile? = nil, range: SourceRange? = nil, help: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, file: file, range: range, help: help, notes: notes)
    }

    /// A warning.
    public static func warning(
        _ message: String, file: SourceFile? = nil, range: SourceRange? = nil, help: String? = nil,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, message, file: file, range: range, help: help, notes: notes)
    }

    /// The 1-based start position, when the diagnostic has one.
    public var location: SourceLocation? {
        guard let file, let range else { return nil }
        return file.location(of: range.lowerBound)
    }

    /// The same diagnostic with its severity raised to error (used by `--strict`).
    public func promoted(to severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = max(self.severity, severity)
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then severity (errors first), keeping the order of
    /// equal positions, so output is the same on every run.
    public func sortedByPosition() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let pathA = a.element.file?.path ?? ""
            let pathB = b.element.file?.path ?? ""
            if pathA != pathB { return pathA < pathB }
            let offsetA = a.element.range?.lowerBound ?? -1
            let offsetB = b.element.range?.lowerBound ?? -1
            if offsetA != offsetB { return offsetA < offsetB }
            return a.offset < b.offset
        }.map(\.element)
    }
}
