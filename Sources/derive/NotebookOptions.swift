import ArgumentParser
import CodeCells
import Foundation
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
        guard codeTimeLimit > 0, codeNotebookTimeLimit > 0 else {
            throw ValidationError("--code-time-limit and --code-notebook-time-limit must be more than 0 seconds")
        }
    }

    @Flag(
        name: .customLong("allow-code"),
        help: """
            Run the notebooks' python and swift cells (also DERIVE_ALLOW_CODE=1). Only for \
            notebooks whose code you trust: never for one from a pull request you have not read.
            """)
    var allowCode = false

    @Option(
        name: .customLong("code-time-limit"),
        help: ArgumentHelp("Seconds one run of a code cell may take.", valueName: "seconds"))
    var codeTimeLimit: Double = 30

    @Option(
        name: .customLong("code-notebook-time-limit"),
        help: ArgumentHelp("Seconds a notebook's code may take in all, compiling included.", valueName: "seconds"))
    var codeNotebookTimeLimit: Double = 300

    @Option(
        name: .customLong("code-env"),
        help: ArgumentHelp(
            "Pass this environment variable to code cells (besides PATH, HOME and the locale); repeatable.",
            valueName: "name"))
    var codeEnvironment: [String] = []

    /// How code cells run: the flags, then the environment (DERIVE_ALLOW_CODE, DERIVE_PYTHON,
    /// DERIVE_SWIFTC, DERIVE_CODE_ENV).
    var code: CodeOptions {
        var options = CodeOptions.from(environment: ProcessInfo.processInfo.environment)
        options.allowed = options.allowed || allowCode
        options.runTimeLimit = codeTimeLimit
        options.notebookTimeLimit = codeNotebookTimeLimit
        options.passedEnvironment += codeEnvironment
        options.buildCache = noCache ? nil : ".derive-cache/swift"
        return options
    }

    /// The paths to read, with the default folder when none is given.
    var notebookPaths: [String] { paths.isEmpty ? ["notebooks"] : paths }

    /// A session of the pipeline these options ask for.
    var session: Session {
        let limits = EvaluationOptions(
            maxElements: maxEntries, timeBudget: timeLimit, maxCallDepth: maxCallDepth, fixpointLimit: maxIterations)
        return Session(
            pipeline: Pipeline(cache: noCache ? nil : CheckCache(), limits: limits, code: code), strict: strict)
    }
}
