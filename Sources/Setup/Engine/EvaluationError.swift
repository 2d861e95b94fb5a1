import Diagnostics

/// Why a definition, a member of a family or a call could not be evaluated, as a value:
/// a lower-case message, an optional help, and where in the notebook it happened.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is; callers use it to tell an index error (the end of a
    /// family's range) or an error already reported from the rest.
    public enum Kind: Sendable, Hashable {
        /// A name, function or label that does not exist.
        case unknownName
        /// Operands or arguments of the wrong shape.
        case shape
        /// An index that is 0, not an integer, or out of range.
        case index
        /// A factorization or solve that failed (not positive definite, singular).
        case linearAlgebra
        /// A data file that is missing, outside the notebook's folder or not numeric.
        case file
        /// The size limit or the time budget.
        case limit
        /// A wrong argument, a function used as a value, an iteration that did not settle.
        case invalid
        /// The definition failed because one it uses has an error that was reported there.
        case dependency
        /// A code cell that was not run because code is not allowed (reported once per notebook).
        case codeNotRun
    }

    /// What kind of failure it is.
    public var kind: Kind
    /// What is wrong, e.g. "'*' needs 25×3 and 3×k; got 25×3 and 25×3".
    public var message: String
    /// How to fix it, when known.
    public var help: String?
    /// Where it happened, in UTF-8 offsets of the notebook; nil for a call from outside
    /// the notebook's setup code (the caller knows its own position).
    public var range: SourceRange?
    /// Further positions ("'K' is defined here").
    public var notes: [Diagnostic.Note]
    /// The sandbox's limit that stopped the evaluation, if one did (kept when the error is
    /// seen again from a definition that uses the one that failed).
    public var limit: EvaluationLimit?

    /// An error of `kind`.
    public init(
        _ kind: Kind, _ message: String, help: String? = nil, range: SourceRange? = nil,
        notes: [Diagnostic.Note] = [], limit: EvaluationLimit? = nil
    ) {
        self.kind = kind
        self.message = message
        self.help = help
        self.range = range
        self.notes = notes
        self.limit = limit
    }

    /// The message, and the help when there is one.
    public var description: String { help.map { "\(message) (help: \($0))" } ?? message }

    /// The error as a diagnostic in `file`.
    public func diagnostic(in file: SourceFile) -> Diagnostic {
        .error(message, file: file, range: range, help: help, notes: notes)
    }

    /// The error as seen from a definition that uses the one that failed: the same message
    /// (a finite-difference judge shows it), marked as reported where it arose.
    func asDependency(at use: SourceRange?) -> EvaluationError {
        var copy = self
        if copy.kind != .codeNotRun { copy.kind = .dependency }
        if copy.range == nil { copy.range = use }
        return copy
    }

    /// Whether the error was reported where it arose (or, for code not allowed, once for the
    /// notebook), so that a definition or check that meets it again says nothing more.
    public var isReported: Bool { kind == .dependency || kind == .codeNotRun }

    /// The same error placed at `range` when it has no position yet.
    public func located(at range: SourceRange?) -> EvaluationError {
        var copy = self
        if copy.range == nil { copy.range = range }
        return copy
    }
}

/// The limits that keep a notebook from a pull request from running the machine out, as
/// errors name them.
public enum EvaluationLimit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Seconds of evaluation a notebook may take in all (`EvaluationOptions.timeBudget`).
    case time
    /// Entries of any one value (`EvaluationOptions.maxElements`).
    case entries
    /// How deeply function calls nest (`EvaluationOptions.maxCallDepth`).
    case callDepth
    /// The steps `fixpoint` may take (`EvaluationOptions.fixpointLimit`).
    case iterations
}
