import ArgumentParser
import Foundation
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

    func run() throws {
        let pipeline = RenderPipeline(options: ReportOptions(unsafeHTML: unsafeHTML), cache: notebooks.cache)
        let jobs: [RenderPipeline.Job]
        do {
            jobs = try RenderPipeline.jobs(paths: notebooks.notebookPaths, outputDirectory: output)
        } catch {
            Terminal.printError("\(error)\n")
            throw ExitCode(64)
        }
        var outcome = Outcome()
        for job in jobs {
            do {
                let start = Date()
                let report = try pipeline.render(job)
                Terminal.report(report.diagnostics)
                outcome.record(report.run, strict: notebooks.strict)
                if check {
                    switch RenderPipeline.freshness(of: job, inputs: report.inputs) {
                    case .fresh: break
                    case .missing:
                        print("missing: \(job.report) (render \(job.notebook))")
                        outcome.failed = true
                    case .stale:
                        print("stale: \(job.report) (\(job.notebook) or derive changed since it was rendered)")
                        outcome.failed = true
                    }
                } else {
                    try RenderPipeline.write(report.html, to: job.report)
                    let size = Double(report.html.utf8.count) / 1024
                    let seconds = Date().timeIntervalSince(start)
                    print("\(job.report)  \(String(format: "%.1f", size)) KiB  \(String(format: "%.2f", seconds)) s")
                }
            } catch {
                Terminal.printError("\(error)\n")
                outcome.notebookError = true
            }
        }
        if check, notebooks.paths.isEmpty || notebooks.paths.allSatisfy(isDirectory) {
            for orphan in RenderPipeline.orphans(in: output, jobs: jobs) {
                print("orphan: \(orphan) (no notebook renders to it any more)")
                outcome.failed = true
            }
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
