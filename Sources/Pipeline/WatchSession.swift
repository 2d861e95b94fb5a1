import Diagnostics
import Foundation

/// What a watch session reports as it goes, for the command line to show.
public enum WatchEvent: Sendable {
    /// Diagnostics a notebook's previous run did not have (all of them the first time).
    case diagnostics([Diagnostic])
    /// A stage failed on a file (it cannot be read, a report cannot be written).
    case failure(StageError)
    /// A notebook ran again: its checks before (its last run without an error) and now.
    case changes(from: NotebookRun, to: NotebookRun)
    /// A report was written, the first time (`first`) or again.
    case written(report: String, run: NotebookRun, first: Bool)
    /// A notebook has an error, so its last good report was left as it was.
    case kept(Job)
    /// A notebook that was rendered no longer exists; its report is left.
    case gone(String)
}

/// `derive watch`'s memory between renders: each notebook's inputs and last run, and whether
/// the report on disk is a good one. `refresh` runs again only the notebooks whose inputs —
/// the notebook, or a data file it read — changed.
public struct WatchSession: Sendable {
    private struct Tracked: Sendable {
        var run: NotebookRun
        /// The last run without a notebook error: flips are told against it.
        var good: NotebookRun?
        /// Whether the report on disk was rendered from a run without a notebook error.
        var reportIsGood: Bool
    }

    /// The pipeline each notebook goes through.
    public var pipeline: Pipeline
    /// The notebooks and folders named on the command line.
    public let paths: [String]
    /// The folder the reports go to.
    public let outputDirectory: String
    private var tracked: [String: Tracked] = [:]

    /// A session over the notebooks of `paths`, reported into `outputDirectory`.
    public init(pipeline: Pipeline, paths: [String], outputDirectory: String) {
        self.pipeline = pipeline
        self.paths = paths
        self.outputDirectory = outputDirectory
    }

    /// The folders to watch: each named folder and each named notebook's folder, with their
    /// subfolders (a notebook's data files are inside its folder), but not the output folder
    /// or hidden folders.
    public var folders: [String] {
        let output = (outputDirectory as NSString).standardizingPath
        var folders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let root = exists && isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
            let base = root.isEmpty ? "." : root
            folders.append(base)
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = (base as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue else {
                    continue
                }
                if (relative as NSString).lastPathComponent.hasPrefix(".")
                    || (full as NSString).standardizingPath == output
                {
                    enumerator.skipDescendants()
                    continue
                }
                folders.append(full)
            }
        }
        return folders
    }

    /// Renders with `render` every notebook whose inputs changed since the last refresh (all
    /// of them the first time) and writes its report, except that a notebook with an error
    /// keeps its last good report.
    public mutating func refresh(render: (NotebookRun) -> String, report: (WatchEvent) -> Void) {
        let jobs: [Job]
        do {
            jobs = try Job.find(paths: paths, outputDirectory: outputDirectory)
        } catch {
            report(.failure(error))
            return
        }
        let current = Set(jobs.map(\.notebook))
        for notebook in tracked.keys.sorted() where !current.contains(notebook) {
            tracked[notebook] = nil
            report(.gone(notebook))
        }
        for job in jobs { refresh(job, render: render, report: report) }
    }

    private mutating func refresh(_ job: Job, render: (NotebookRun) -> String, report: (WatchEvent) -> Void) {
        let before = tracked[job.notebook]
        if let before, Self.inputs(of: job, dataFiles: before.run) == before.run.inputs { return }
        let run: NotebookRun
        do {
            run = try pipeline.run(job.notebook)
        } catch {
            report(.failure(error))
            return
        }
        let hasErrors = run.outcome.hasErrors
        let seen = Set((before?.run.diagnostics ?? []).map(Self.identity))
        let new = run.diagnostics.filter { !seen.contains(Self.identity($0)) }
        if !new.isEmpty { report(.diagnostics(new)) }
        // While the notebook has an error its checks may not run: the diagnostics say why,
        // and flips are told once it is fixed, against its last good run.
        if let before, !hasErrors { report(.changes(from: before.good ?? before.run, to: run)) }
        let keep = hasErrors && before?.reportIsGood == true
        if keep {
            report(.kept(job))
        } else {
            do {
                try ReportFiles.write(render(run), to: job.report)
            } catch {
                report(.failure(error))
                return
            }
            report(.written(report: job.report, run: run, first: before == nil))
        }
        tracked[job.notebook] = Tracked(
            run: run, good: hasErrors ? before?.good : run, reportIsGood: keep || !hasErrors)
    }

    /// The inputs hash of the notebook as it is on disk, with the data files its last run
    /// read; nil when one cannot be read (the run that follows says why).
    private static func inputs(of job: Job, dataFiles run: NotebookRun) -> InputsHash? {
        guard let data = FileManager.default.contents(atPath: job.notebook),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let folder = (job.notebook as NSString).deletingLastPathComponent
        var files: [(name: String, bytes: [UInt8])] = []
        for file in run.evaluation.dataFiles {
            let path = folder.isEmpty ? file.path : (folder as NSString).appendingPathComponent(file.path)
            guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
            files.append((file.path, [UInt8](bytes)))
        }
        return InputsHash(notebook: text, dataFiles: files)
    }

    /// A diagnostic as it reads without its position, so that one moved by an edit above it
    /// is not new.
    private static func identity(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity.rawValue): \(diagnostic.message) | \(diagnostic.help ?? "")"
    }
}
