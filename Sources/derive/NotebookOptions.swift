import ArgumentParser
import Pipeline
import Setup

/// The options every subcommand shares: which notebooks, how strict to be, and the limits of
/// evaluation (a notebook's front matter may lower them, never raise them).
struct NotebookOptions: ParsableArguments {
    @Argument(help: "Notebooks, or folders searched for *.md notebooks (default: notebooks).")
    var paths: [String] = []

    @Flag(help: "Also fail on warnings and inconclusive checks.")
    var strict = false

    @Flag(name: .customLong("no-cache"), help: "Run every check again instead of reusing results from .derive-cache/.")
    var noCache = false

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp(
            "Seconds of evaluation a notebook may take in all, checks included; checks it stops are reported as not run.",
            valueName: "seconds"))
    var timeLimit: Double = EvaluationOptions().timeBudget

    @Option(
        name: .customLong("max-entries"), help: ArgumentHelp("The most entries of any one value.", valueName: "n"))
    var maxEntries: Int = EvaluationOptions().maxElements

    @Option(
        name: .customLong("max-call-depth"),
        help: ArgumentHelp("How deeply function calls of the setup language may nest.", valueName: "n"))
    var maxCallDepth: Int = EvaluationOptions().maxCallDepth

    @Option(
        name: .customLong("max-iterations"),
        help: ArgumentHelp("The most steps 'fixpoint' takes before it reports that it did not settle.", valueName: "n"))
    var maxIterations: Int = EvaluationOptions().fixpointLimit

    func validate() throws {
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit must be 0 or more seconds")
        }
        for (name, value) in [("--max-entries", maxEntries), ("--max-call-depth", maxCallDepth)]
        where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1") }
    }

    /// The paths to read, with the default folder when none is given.
    var notebookPaths: [String] { paths.isEmpty ? ["notebooks"] : paths }

    /// A session of the pipeline these options ask for.
    var session: Session {
        let limits = EvaluationOptions(
            maxElements: maxEntries, timeBudget: timeLimit, maxCallDepth: maxCallDepth, fixpointLimit: maxIterations)
        return Session(pipeline: Pipeline(cache: noCache ? nil : CheckCache(), limits: limits), strict: strict)
    }
}
