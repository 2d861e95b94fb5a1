import Foundation

/// One notebook to run and where its report goes.
public struct Job: Sendable, Hashable {
    /// The notebook's path as the user named it (or as found in a named folder).
    public let notebook: String
    /// The report's path.
    public let report: String

    /// A job for `notebook` with its report at `report`.
    public init(notebook: String, report: String) {
        self.notebook = notebook
        self.report = report
    }
}

extension Job {
    /// The notebooks named by `paths` — files as given, folders searched recursively for
    /// `*.md` (a folder's `README.md` is its description, not a notebook) — sorted, each
    /// with its report path in `outputDirectory` (the path below the named folder, `.html`).
    public static func find(paths: [String], outputDirectory: String) throws(StageError) -> [Job] {
        var jobs: [Job] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StageError(.discover, path: path, "no such file or folder")
            }
            if isDirectory.boolValue {
                guard let enumerator = manager.enumerator(atPath: path) else {
                    throw StageError(.discover, path: path, "cannot list the folder")
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
                throw StageError(
                    .discover, path: job.notebook,
                    "'\(other)' and '\(job.notebook)' would both be rendered to '\(job.report)'")
            }
            seen[job.report] = job.notebook
        }
        return jobs.reduce(into: []) { unique, job in if !unique.contains(job) { unique.append(job) } }
    }

    private static func reportPath(_ relative: String, in directory: String) -> String {
        let stem = (relative as NSString).deletingPathExtension
        return (directory as NSString).appendingPathComponent(stem + ".html")
    }
}
