import Diagnostics
import Foundation
import Notebook

/// The named steps from notebook files to reports on disk. A failure says which step and
/// which file it came from.
public struct RenderPipeline: Sendable {
    /// One step of the pipeline, as named in errors.
    public enum Step: String, Sendable {
        case discovering = "finding notebooks"
        case reading = "reading the notebook"
        case writing = "writing the report"
    }

    /// A failure outside the notebook's text (a missing file, a folder that cannot be written).
    public struct StepError: Error, Sendable, CustomStringConvertible {
        /// The step that failed.
        public let step: Step
        /// The file or folder it failed on.
        public let path: String
        /// What went wrong, lower case.
        public let message: String

        public var description: String { "\(path): error: \(message) (while \(step.rawValue))" }
    }

    /// One notebook to render and where its report goes.
    public struct Job: Sendable, Hashable {
        /// The notebook's path as the user named it (or as found in a named folder).
        public let notebook: String
        /// The report's path.
        public let report: String
    }

    /// Options for every report.
    public var options: ReportOptions
    /// Where judged checks are kept between runs (nil: always recompute).
    public var cache: CheckCache?

    /// A pipeline with the given options.
    public init(options: ReportOptions = ReportOptions(), cache: CheckCache? = nil) {
        self.options = options
        self.cache = cache
    }

    // MARK: - Discovering

    /// The notebooks named by `paths` — files as given, folders searched recursively for
    /// `*.md` (a folder's `README.md` is its description, not a notebook) — sorted, each
    /// with its report path in `outputDirectory` (the path below the named folder, `.html`).
    public static func jobs(paths: [String], outputDirectory: String) throws(StepError) -> [Job] {
        var jobs: [Job] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StepError(step: .discovering, path: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(atPath: path) else {
                    throw StepError(step: .discovering, path: path, message: "cannot list the folder")
                }
                var found: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if relative.hasSuffix(".md"), name != "README.md", !name.hasPrefix(".") {
                        found.append(relative)
                    }
                }
                for relative in found.sorted() {
                    jobs.append(
                        Job(
                            notebook: (path as NSString).appendingPathComponent(relative),
                            report: reportPath(relative, in: outputDirectory)))
                }
            } else {
                jobs.append(
                    Job(notebook: path, report: reportPath((path as NSString).lastPathComponent, in: outputDirectory)))
            }
        }
        var seen: [String: String] = [:]
        for job in jobs {
            if let other = seen[job.report], other != job.notebook {
                throw StepError(
                    step: .discovering, path: job.notebook,
                    message: "'\(other)' and '\(job.notebook)' would both be rendered to '\(job.report)'")
            }
            seen[job.report] = job.notebook
        }
        return jobs.reduce(into: []) { unique, job in if !unique.contains(job) { unique.append(job) } }
    }

    private static func reportPath(_ relative: String, in directory: String) -> String {
        let stem = (relative as NSString).deletingPathExtension
        return (directory as NSString).appendingPathComponent(stem + ".html")
    }

    // MARK: - Reading and rendering

    /// Reads and renders one notebook in memory.
    public func render(_ job: Job) throws(StepError) -> RenderedReport {
        let file = try read(job.notebook)
        let notebook = ParsedNotebook(file: file)
        let inputs = InputsHash(notebook: file.text, dataFiles: SetupResults.dataFiles(of: notebook))
        return ReportPage(run: NotebookRun(notebook: notebook, cache: cache), inputs: inputs, options: options).render()
    }

    /// Reads, evaluates and checks one notebook, without rendering it.
    public func run(_ job: Job) throws(StepError) -> NotebookRun {
        NotebookRun(file: try read(job.notebook), cache: cache)
    }

    /// The inputs hash of a notebook as it is now on disk.
    public func inputs(of job: Job) throws(StepError) -> InputsHash {
        let file = try read(job.notebook)
        return InputsHash(notebook: file.text, dataFiles: SetupResults.dataFiles(of: ParsedNotebook(file: file)))
    }

    private func read(_ path: String) throws(StepError) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StepError(step: .reading, path: path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StepError(step: .reading, path: path, message: "the file is not UTF-8 text")
        }
        return SourceFile(path: path, text: text)
    }

    // MARK: - Writing

    /// Writes `html` to `path` atomically: a temporary file beside it, then a rename, so a
    /// reader never sees half a report and a failed render leaves the old one in place.
    public static func write(_ html: String, to path: String) throws(StepError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw StepError(step: .writing, path: directory, message: "cannot create the folder")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(html.utf8)) else {
            throw StepError(step: .writing, path: path, message: "cannot write the file")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StepError(step: .writing, path: path, message: "cannot move the finished report into place")
        }
    }

    // MARK: - Staleness

    /// Whether the report on disk was made from the notebook's current inputs.
    public enum Freshness: Sendable, Equatable {
        /// The embedded hash matches.
        case fresh
        /// There is no report.
        case missing
        /// The report was made from other inputs (or by another derive version).
        case stale
    }

    /// Compares the hash embedded in the job's report with `inputs`.
    public static func freshness(of job: Job, inputs: InputsHash) -> Freshness {
        guard let data = FileManager.default.contents(atPath: job.report) else { return .missing }
        let html = String(decoding: data, as: UTF8.self)
        return InputsHash.embedded(in: html) == inputs ? .fresh : .stale
    }

    /// Reports in `directory` (recursively) that derive made but that no job renders any
    /// more: their notebook was removed or renamed.
    public static func orphans(in directory: String, jobs: [Job]) -> [String] {
        let expected = Set(jobs.map { ($0.report as NSString).standardizingPath })
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var orphans: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            guard !expected.contains((path as NSString).standardizingPath),
                let data = FileManager.default.contents(atPath: path),
                InputsHash.embedded(in: String(decoding: data, as: UTF8.self)) != nil
            else { continue }
            orphans.append(path)
        }
        return orphans.sorted()
    }
}
