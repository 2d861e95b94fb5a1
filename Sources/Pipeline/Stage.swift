/// The named stages a notebook goes through, in order. A failure says which stage and which
/// file it came from.
public enum Stage: String, Sendable, CaseIterable {
    /// Finding the notebooks named on the command line.
    case discover = "finding notebooks"
    /// Reading a notebook's bytes as UTF-8 text.
    case read = "reading the notebook"
    /// Parsing it once: Markdown, every math span with its macros, the gp blocks, and the
    /// checked equations as computations.
    case parse = "parsing the notebook"
    /// Evaluating the gp blocks, data files read once.
    case evaluate = "evaluating the setup"
    /// Judging every check, or taking it from the cache.
    case check = "checking the equations"
    /// Rendering the HTML report, and any other format made from it (its PDF).
    case render = "rendering the report"
    /// Writing the report to disk, atomically.
    case write = "writing the report"
}

/// A failure outside the notebook's text (a missing file, a folder that cannot be written):
/// the stage, the file or folder, and what went wrong.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public let stage: Stage
    /// The file or folder it failed on.
    public let path: String
    /// What went wrong, lower case.
    public let message: String

    /// An error of `stage` on `path`.
    public init(_ stage: Stage, path: String, _ message: String) {
        self.stage = stage
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message) (while \(stage.rawValue))" }
}
