import ArgumentParser
import Foundation
import Report

/// `derive check`: runs every check without writing HTML.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check of the notebooks and print the verdicts, without writing HTML.")

    @OptionGroup var notebooks: NotebookOptions

    func run() throws {
        let pipeline = RenderPipeline(cache: notebooks.cache)
        let jobs: [RenderPipeline.Job]
        do {
            jobs = try RenderPipeline.jobs(paths: notebooks.notebookPaths, outputDirectory: ".")
        } catch {
            Terminal.printError("\(error)\n")
            throw ExitCode(64)
        }
        var outcome = Outcome()
        var runs: [NotebookRun] = []
        for job in jobs {
            do {
                let run = try pipeline.run(job)
                Terminal.report(run.diagnostics)
                outcome.record(run, strict: notebooks.strict)
                runs.append(run)
            } catch {
                Terminal.printError("\(error)\n")
                outcome.notebookError = true
            }
        }
        print(CheckSummary.text(runs), terminator: "")
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
