import ArgumentParser
import Pipeline
import Report

/// `derive render`: notebooks to self-contained HTML reports.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render notebooks to self-contained HTML reports.")

    @OptionGroup var notebooks: NotebookOptions

    @Option(name: [.short, .customLong("output")], help: "The folder for the reports.")
    var output = "output"

    @Flag(help: "Write nothing; fail when a report in the output folder is stale or missing.")
    var check = false

    @Flag(name: .customLong("unsafe-html"), help: "Let raw HTML in notebooks through (it is shown escaped by default).")
    var unsafeHTML = false

    @Flag(help: "Also print each report to a PDF beside it with headless Chromium, for pull-request attachments.")
    var pdf = false

    func run() throws {
        let options = ReportOptions(unsafeHTML: unsafeHTML)
        // The browser is found before anything is rendered; `--check` writes no PDF and needs none.
        var formats: [PageFormat] = []
        if pdf, !check {
            do throws(PDFPrinter.Failure) {
                formats.append(try PDFPrinter.find().format)
            } catch {
                Terminal.showError(error.message)
                throw ExitCode(RunResult.error.exitStatus)
            }
        }
        let result = try Terminal.exitingOnUsageError { () throws(StageError) in
            try notebooks.session.render(
                paths: notebooks.notebookPaths, outputDirectory: output, verify: check,
                render: { ReportPage(run: $0, options: options).html() }, alsoAs: formats, report: Terminal.show)
        }
        if result != .pass { throw ExitCode(result.exitStatus) }
    }
}
