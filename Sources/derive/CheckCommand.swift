import ArgumentParser
import Foundation
import Pipeline
import Report

/// `derive check`: runs every check without writing HTML.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check of the notebooks and print the verdicts, without writing HTML.",
        discussion: """
            Formats: text (one line per check), json (docs/check-json.md), gfm (a Markdown \
            summary for a pull request or $GITHUB_STEP_SUMMARY), junit (one test case per \
            check row). When GITHUB_ACTIONS is true, GitHub annotations are written to stdout \
            with the text format, and with any format written to a file with --output.
            """)

    @OptionGroup var notebooks: NotebookOptions

    @Option(help: "The output format.")
    var format: CheckFormat = .text

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write the output to <file> (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        let results = try Terminal.exitingOnUsageError { () throws(StageError) in
            try notebooks.session.check(paths: notebooks.notebookPaths, report: Terminal.show)
        }
        let formatted = CheckSummary.render(results, format: format)
        // Annotations share stdout only with the text format; the other formats keep stdout
        // parseable unless they go to a file.
        let annotate =
            CheckSummary.wantsAnnotations(environment: ProcessInfo.processInfo.environment)
            && (format == .text || output != nil)
        let annotations = annotate ? CheckSummary.annotations(results) : ""
        if let output {
            do throws(StageError) {
                try ReportFiles.write(formatted, to: output)
            } catch {
                Terminal.show(.failure(error))
                throw ExitCode(RunResult.error.exitStatus)
            }
            print(annotations, terminator: "")
        } else {
            print(formatted + annotations, terminator: "")
        }
        if results.result != .pass { throw ExitCode(results.result.exitStatus) }
    }
}

extension CheckFormat: ExpressibleByArgument {}
