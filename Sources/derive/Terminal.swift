import ArgumentParser
import Diagnostics
import Foundation
import Pipeline
import Report

/// Where output goes: results on stdout, diagnostics on stderr, colours only on a terminal
/// and never under `NO_COLOR`.
enum Terminal {
    static var colors: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Shows what a session reports.
    static func show(_ event: SessionEvent) {
        switch event {
        case .diagnostics(let diagnostics):
            printError(DiagnosticRenderer(colors: colors).render(diagnostics))
        case .failure(let error):
            printError("\(error)\n")
        case .written(let report, let bytes, let seconds):
            let size = String(format: "%.1f", Double(bytes) / 1024)
            print("\(report)  \(size) KiB  \(String(format: "%.2f", seconds)) s")
        case .alsoWritten(let path):
            print(path)
        case .missing(let job):
            print("missing: \(job.report) (render \(job.notebook))")
        case .stale(let job):
            print("stale: \(job.report) (\(job.notebook) or derive changed since it was rendered)")
        case .orphan(let path):
            print("orphan: \(path) (no notebook renders to it any more)")
        }
    }

    /// Shows what a watch session reports, each line at once (someone is waiting for it).
    static func watched(_ event: WatchEvent) {
        switch event {
        case .diagnostics(let diagnostics):
            printError(DiagnosticRenderer(colors: colors).render(diagnostics))
        case .failure(let error):
            printError("\(error)\n")
        case .changes(let old, let new):
            for line in ChangeSummary.changes(from: old, to: new) { say(line) }
        case .written(let report, let run, let first):
            say(ChangeSummary.written(report, run: run, first: first))
        case .kept(let job):
            say("\(job.report): kept, since \(job.notebook) has an error (shown above)")
        case .gone(let notebook):
            say("\(notebook): gone; its report stays")
        }
    }

    /// A line on stdout, written at once rather than when a buffer fills.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A line on stderr, as given.
    static func sayOnStderr(_ line: String) {
        printError(line + "\n")
    }

    /// `body`, with a notebook that cannot be found turned into a usage error (exit 64).
    static func exitingOnUsageError<T>(_ body: () throws(StageError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("\(error)\n")
            throw ExitCode(64)
        }
    }

    /// An error that is no stage's and has no file (the command line cannot do what it was
    /// asked), as `error: message`.
    static func showError(_ message: String) {
        printError("error: \(message)\n")
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
