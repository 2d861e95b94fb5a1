import ArgumentParser
import Foundation
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
        let pipeline = RenderPipeline(options: ReportOptions(unsafeHTML: unsafeHTML), cache: notebooks.cache)
        do {
            _ = try RenderPipeline.jobs(paths: notebooks.notebookPaths, outputDirectory: output)
        } catch {
            Terminal.printError("\(error)\n")
            throw ExitCode(64)
        }
        let watcher: FolderWatcher
        do {
            watcher = try FolderWatcher()
        } catch {
            Terminal.printError("error: \(error)\n")
            throw ExitCode(1)
        }
        stopOnInterrupt()

        var session = WatchSession(pipeline: pipeline, paths: notebooks.notebookPaths, outputDirectory: output)
        // Watched before rendering, so that a change made while rendering is seen.
        for folder in session.folders { watcher.watch(folder) }
        show(session.refresh())
        say("watching \(notebooks.notebookPaths.joined(separator: " ")) (Ctrl-C to stop)")
        while watcher.waitForChange(stop: { stopRequested != 0 }) {
            for folder in session.folders { watcher.watch(folder) }
            show(session.refresh())
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

    private func show(_ update: WatchSession.Update) {
        Terminal.report(update.diagnostics)
        for failure in update.failures { Terminal.printError(failure + "\n") }
        for line in update.lines { say(line) }
    }

    /// A line on stdout at once, not when a buffer fills: someone is waiting for it.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
