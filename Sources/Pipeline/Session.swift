import Diagnostics
import Foundation

/// What a session reports as it goes, for the command line to show: diagnostics and
/// failures on stderr, the rest on stdout.
public enum SessionEvent: Sendable {
    /// A notebook's diagnostics, sorted.
    case diagnostics([Diagnostic])
    /// A stage failed on a file (it cannot be read, a report cannot be written).
    case failure(StageError)
    /// A report was written: its path, its size in bytes, and the seconds the notebook took.
    case written(report: String, bytes: Int, seconds: Double)
    /// The report was also written in another format beside it (`PageFormat`): the file's path.
    case alsoWritten(String)
    /// Under `--check`: the job's report does not exist.
    case missing(Job)
    /// Under `--check`: the job's report was made from other inputs.
    case stale(Job)
    /// Under `--check`: a report in the output folder that no notebook renders to.
    case orphan(String)
}

/// Another format each report is also written in, a file per notebook beside it, made from
/// the rendered page (the PDF of `derive render --pdf`). Like the page's renderer, it is given,
/// so the pipeline knows nothing of PDF either.
public struct PageFormat: Sendable {
    /// The extension that replaces the report's `.html` in the file's name ("pdf").
    public let pathExtension: String
    /// The file's bytes, made from the page's HTML; a failure names the file it was for,
    /// which is the second argument.
    public let render: @Sendable (_ html: String, _ path: String) throws(StageError) -> Data

    /// A format of files named `*.<pathExtension>`, made by `render`.
    public init(
        pathExtension: String, render: @escaping @Sendable (_ html: String, _ path: String) throws(StageError) -> Data
    ) {
        self.pathExtension = pathExtension
        self.render = render
    }

    /// Where the report at `report` is written in this format: beside it, under the same name.
    public func path(forReport report: String) -> String {
        ((report as NSString).deletingPathExtension as NSString).appendingPathExtension(pathExtension) ?? report
    }
}

/// The notebooks named on the command line, run through the pipeline one after another:
/// `derive render` writes (or, with `--check`, verifies) their reports, `derive check`
/// collects their results. The renderer is given, so the pipeline knows nothing of HTML.
public struct Session: Sendable {
    /// The pipeline each notebook goes through.
    public var pipeline: Pipeline
    /// `--strict`: warnings count as errors and inconclusive checks as failures.
    public var strict: Bool

    /// A session of `pipeline`.
    public init(pipeline: Pipeline, strict: Bool = false) {
        self.pipeline = pipeline
        self.strict = strict
    }

    /// Renders the notebooks of `paths` into `outputDirectory` with `render`, writing each
    /// report atomically, and then beside it each of `formats` made from the page — or, with
    /// `verify`, writing nothing and reporting each report that is missing, stale, or (when
    /// every path is a folder) left over; the other formats are neither written nor looked at
    /// then. Returns the result the exit status says.
    public func render(
        paths: [String], outputDirectory: String, verify: Bool,
        render: (NotebookRun) -> String, alsoAs formats: [PageFormat] = [], report: (SessionEvent) -> Void
    ) throws(StageError) -> RunResult {
        let jobs = try Job.find(paths: paths, outputDirectory: outputDirectory)
        var result = RunResult.pass
        for job in jobs {
            let start = ContinuousClock.now
            let run: NotebookRun
            do {
                run = try pipeline.run(job.notebook)
            } catch {
                report(.failure(error))
                result = .error
                continue
            }
            if !run.diagnostics.isEmpty { report(.diagnostics(run.diagnostics)) }
            result = max(result, run.result(strict: strict))
            if verify {
                switch ReportFiles.freshness(of: job, inputs: run.inputs) {
                case .fresh: break
                case .missing:
                    report(.missing(job))
                    result = max(result, .fail)
                case .stale:
                    report(.stale(job))
                    result = max(result, .fail)
                }
                continue
            }
            let html = render(run)
            do {
                try ReportFiles.write(html, to: job.report)
            } catch {
                report(.failure(error))
                result = .error
                continue
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            report(.written(report: job.report, bytes: html.utf8.count, seconds: seconds))
            for format in formats {
                let path = format.path(forReport: job.report)
                do throws(StageError) {
                    try ReportFiles.write(try format.render(html, path), to: path)
                    report(.alsoWritten(path))
                } catch {
                    report(.failure(error))
                    result = .error
                }
            }
        }
        if verify, paths.allSatisfy(Self.isDirectory) {
            for orphan in ReportFiles.orphans(in: outputDirectory, jobs: jobs) {
                report(.orphan(orphan))
                result = max(result, .fail)
            }
        }
        return result
    }

    /// Runs the notebooks of `paths` and collects their results; a notebook that cannot be
    /// read becomes an error without a position.
    public func check(paths: [String], report: (SessionEvent) -> Void) throws(StageError) -> CheckResults {
        let jobs = try Job.find(paths: paths, outputDirectory: ".")
        var runs: [NotebookRun] = []
        var unreadable: [Diagnostic] = []
        for job in jobs {
            do {
                let run = try pipeline.run(job.notebook)
                if !run.diagnostics.isEmpty { report(.diagnostics(run.diagnostics)) }
                runs.append(run)
            } catch {
                report(.failure(error))
                unreadable.append(
                    .error(
                        "\(error.message) (while \(error.stage.rawValue))", file: SourceFile(path: error.path, text: "")
                    ))
            }
        }
        return CheckResults(runs: runs, unreadable: unreadable, strict: strict)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
