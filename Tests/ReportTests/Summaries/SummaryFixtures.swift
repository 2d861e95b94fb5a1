import Diagnostics
import Foundation
import Pipeline
import Report
import TestSupport

/// The small notebooks under `Fixtures/summaries/notebooks` that the summary formats are
/// tested on, run once, and their golden outputs under `Fixtures/summaries/expected`.
enum SummaryFixtures {
    /// `Tests/ReportTests/Fixtures`.
    static let golden = Golden(besides: URL(fileURLWithPath: #filePath).deletingLastPathComponent().path)

    /// One passing, one failing, one with matrix checks, one with notebook errors, one with
    /// an inconclusive check and warnings, and a lesson marked `expect: fail`.
    static let names = ["passing", "failing", "matrix", "error", "doubtful", "lesson"]

    /// The runs, by name, with paths as `derive check` shows them (`notebooks/<name>.md`).
    static let runs: [String: NotebookRun] = {
        var runs: [String: NotebookRun] = [:]
        for name in names {
            let url = golden.url("summaries/notebooks/\(name).md")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            runs[name] = NotebookRun(file: SourceFile(path: "notebooks/\(name).md", text: text))
        }
        return runs
    }()

    /// The results of the named notebooks, in the order given.
    static func results(_ names: [String], strict: Bool = false) -> CheckResults {
        CheckResults(runs: names.compactMap { runs[$0] }, strict: strict)
    }

    /// The results of every fixture, sorted by name as `derive check notebooks` finds them.
    static func all(strict: Bool = false) -> CheckResults { results(names.sorted(), strict: strict) }

    /// The file name extension of each format's golden files.
    static func fileExtension(_ format: CheckFormat) -> String {
        switch format {
        case .text: "txt"
        case .json: "json"
        case .gfm: "gfm.md"
        case .junit: "junit.xml"
        }
    }
}
