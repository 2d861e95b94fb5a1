import ArgumentParser
import Pipeline

/// The options every subcommand shares: which notebooks, and how strict to be.
struct NotebookOptions: ParsableArguments {
    @Argument(help: "Notebooks, or folders searched for *.md notebooks (default: notebooks).")
    var paths: [String] = []

    @Flag(help: "Also fail on warnings and inconclusive checks.")
    var strict = false

    @Flag(name: .customLong("no-cache"), help: "Run every check again instead of reusing results from .derive-cache/.")
    var noCache = false

    /// The paths to read, with the default folder when none is given.
    var notebookPaths: [String] { paths.isEmpty ? ["notebooks"] : paths }

    /// A session of the pipeline these options ask for.
    var session: Session {
        Session(pipeline: Pipeline(cache: noCache ? nil : CheckCache()), strict: strict)
    }
}
