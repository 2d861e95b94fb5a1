import ArgumentParser
import Foundation
import Pipeline
import Report

/// Set by SIGINT and SIGTERM; read by the watch loop.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

/// `derive watch`: renders, then renders again whatever changes, until Ctrl-C.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Render the notebooks, then again each time one of them or a data file it reads changes.",
        discussion: """
            Prints only what changed: a check that flipped, came or went, a new diagnostic, \
            the report updated. A notebook with an error keeps its last good report. Ctrl-C \
            stops it (exit status 0).
            """)

    @OptionGroup var notebooks: NotebookOptions

    @Option(name: [.short, .customLong("output")], help: "The folder for the reports.")
    var output = "output"

    @Flag(name: .customLong("unsafe-html"), help: "Let raw HTML in notebooks through (it is shown escaped by default).")
    var unsafeHTML = false

    func run() throws {
        let paths = notebooks.notebookPaths
        _ = try Terminal.exitingOnUsageError { () throws(StageError) in
            try Job.find(paths: paths, outputDirectory: output)
        }
        let watcher: FolderWatcher
        do {
            watcher = try FolderWatcher()
        } catch {
            Terminal.sayOnStderr("error: \(error)")
            throw ExitCode(1)
        }
        stopOnInterrupt()

        let options = ReportOptions(unsafeHTML: unsafeHTML)
        let render = { (run: NotebookRun) in ReportPage(run: run, options: options).html() }
        var session = WatchSession(pipeline: notebooks.session.pipeline, paths: paths, outputDirectory: output)
        // Watched before rendering, so that a change made while rendering is seen.
        for folder in session.folders { watcher.watch(folder) }
        session.refresh(render: render, report: Terminal.watched)
        Terminal.say("watching \(paths.joined(separator: " ")) (Ctrl-C to stop)")
        while watcher.waitForChange(stop: { stopRequested != 0 }) {
            for folder in session.folders { watcher.watch(folder) }
            session.refresh(render: render, report: Terminal.watched)
        }
    }

    /// Ctrl-C (SIGINT) and SIGTERM end the watch with exit status 0, even when the process
    /// that started derive left them blocked.
    private func stopOnInterrupt() {
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
