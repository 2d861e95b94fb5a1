import Diagnostics
import Foundation
import Report

/// Where output goes: results on stdout, diagnostics on stderr, colours only on a terminal
/// and never under `NO_COLOR`.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static var colors: Bool {
        let environment = ProcessInfo.processInfo.environment
        return stderrIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        printError(DiagnosticRenderer(colors: colors).render(diagnostics))
    }
}

/// The exit status of a run, from the worst thing that happened (DESIGN: 3 for a notebook
/// error, else 1 for a failed check or a stale report, else 0).
struct Outcome {
    var notebookError = false
    var failed = false

    mutating func record(_ run: NotebookRun, strict: Bool) {
        switch run.result(strict: strict) {
        case .error: notebookError = true
        case .fail: failed = true
        case .pass: break
        }
    }

    var exitCode: Int32 { notebookError ? 3 : failed ? 1 : 0 }
}
