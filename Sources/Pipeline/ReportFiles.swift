import Foundation

/// Reports on disk: written atomically, judged fresh or stale by the inputs hash they embed,
/// and found when no notebook renders to them any more.
public enum ReportFiles {
    // MARK: - Writing

    /// Writes `html` to `path` atomically: a temporary file beside it, then a rename, so a
    /// reader never sees half a report and a failed render leaves the old one in place.
    public static func write(_ html: String, to path: String) throws(StageError) {
        try write(Data(html.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically, as `write(_:to:)` writes text (a report's PDF).
    public static func write(_ bytes: Data, to path: String) throws(StageError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw StageError(.write, path: directory, "cannot create the folder")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: bytes) else {
            throw StageError(.write, path: path, "cannot write the file")
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw StageError(.write, path: path, "cannot move the finished report into place")
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
