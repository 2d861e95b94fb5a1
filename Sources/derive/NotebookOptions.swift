import ArgumentParser

/// The options every subcommand shares: which notebooks, and how strict to be.
struct NotebookOptions: ParsableArguments {
    @Argument(help: "Notebooks, or folders searched for *.md notebooks (default: notebooks).")
    var paths: [String] = []

    @Flag(help: "Also fail on warnings and inconclusive checks.")
    var strict = false

    /// The paths to read, with the default folder when none is given.
    var notebookPaths: [String] { paths.isEmpty ? ["notebooks"] : paths }
}
