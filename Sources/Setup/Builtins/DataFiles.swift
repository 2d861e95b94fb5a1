import Diagnostics
import Foundation
import Numerics

/// Data files beside the notebook: `csv("data/co2.csv")` reads only inside the notebook's
/// folder, after resolving symbolic links (a link that leads out of the folder is refused).
enum DataFiles {
    /// Reads `path` (relative to `baseDirectory`), refusing absolute paths and anything that
    /// resolves outside the folder.
    static func read(_ path: String, in baseDirectory: String?) throws(EvaluationError) -> DataFile {
        guard let baseDirectory else {
            throw EvaluationError(.file, "cannot read '\(path)': this notebook has no folder to read data from")
        }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else {
            throw EvaluationError(
                .file, "'\(path)' is not beside the notebook", help: "give a path relative to the notebook's folder")
        }
        let base = URL(fileURLWithPath: baseDirectory).standardizedFileURL.resolvingSymlinksInPath()
        let resolved = base.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        let folder = base.path.hasSuffix("/") ? base.path : base.path + "/"
        guard resolved.path.hasPrefix(folder) else {
            throw EvaluationError(
                .file, "'\(path)' is outside the notebook's folder",
                help: "data files must be in the notebook's folder or below it (symbolic links are followed first)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
            throw EvaluationError(
                .file, "no data file '\(path)' beside the notebook", help: "paths are relative to the notebook's folder"
            )
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: resolved.path) else {
            throw EvaluationError(.file, "cannot read the data file '\(path)'")
        }
        return DataFile(path: path, bytes: [UInt8](data))
    }
}

/// The data files of one notebook's evaluation: each file is read from disk and parsed at
/// most once, however many `csv(…)` calls and perturbed scopes ask for it, and the files
/// read are remembered for the report's inputs hash and the cache of judged checks.
final class DataFolder: @unchecked Sendable {
    private let baseDirectory: String?
    private let lock = NSLock()
    private var tables: [String: Result<(file: DataFile, matrix: Matrix), EvaluationError>] = [:]

    init(baseDirectory: String?) {
        self.baseDirectory = baseDirectory
    }

    /// The numbers of the data file at `path`, read and parsed the first time it is asked for.
    func table(_ path: String) throws(EvaluationError) -> Matrix {
        lock.lock()
        defer { lock.unlock() }
        if let known = tables[path] { return try known.get().matrix }
        let result = Result { () throws(EvaluationError) -> (file: DataFile, matrix: Matrix) in
            InputCounts.record(.dataFile)
            let file = try DataFiles.read(path, in: baseDirectory)
            return (file, try CSVTable.parse(file.bytes, path: path))
        }
        tables[path] = result
        return try result.get().matrix
    }

    /// The files read without an error, sorted by path.
    var files: [DataFile] {
        lock.withLock { tables.values.compactMap { try? $0.get().file }.sorted { $0.path < $1.path } }
    }
}

/// Numbers from comma-separated text: one row per line, the same count of fields on each,
/// an optional header row (a first line with a field that is not a number), blank lines and
/// surrounding spaces ignored.
enum CSVTable {
    static func parse(_ bytes: [UInt8], path: String) throws(EvaluationError) -> Matrix {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw EvaluationError(.file, "the data file '\(path)' is not UTF-8 text")
        }
        var rows: [[Double]] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = fields.map { Double($0) }
            if let bad = numbers.firstIndex(where: { $0 == nil }) {
                if rows.isEmpty && index == firstContentLine(text) { continue }  // the header
                throw EvaluationError(
                    .file, "'\(path)' line \(index + 1), column \(bad + 1): '\(fields[bad])' is not a number",
                    help: "a data file holds numbers only, with an optional header row")
            }
            let values = numbers.compactMap { $0 }
            if let first = rows.first, first.count != values.count {
                throw EvaluationError(
                    .file, "'\(path)' line \(index + 1) has \(values.count) fields; the rows above have \(first.count)")
            }
            rows.append(values)
        }
        guard !rows.isEmpty else { throw EvaluationError(.file, "the data file '\(path)' holds no numbers") }
        return Matrix(rows)
    }

    private static func firstContentLine(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? 0
    }
}
