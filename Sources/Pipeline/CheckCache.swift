import Checks
import Diagnostics
import Foundation
import Setup

/// Judged checks kept on disk under a hash of everything they depend on, as Quarto's
/// `freeze` keeps computations: re-rendering a notebook whose setup and equations did not
/// change does not run its finite differences again.
///
/// One entry per check cell, keyed by SHA-256 of derive's version, every gp block, the
/// bytes of the data files evaluation read, all the notebook's math (its macros) and the
/// cell's own TeX — not the prose, so editing words re-renders in milliseconds. Positions
/// are stored relative to the cell, so prose added above it moves them correctly. Entries
/// are JSON files `<key>.json` in the cache folder (`.derive-cache/` by default);
/// deleting the folder is always safe.
public struct CheckCache: Sendable {
    /// The folder of the entries.
    public let directory: String

    /// A cache in `directory`.
    public init(directory: String = ".derive-cache") {
        self.directory = directory
    }

    /// A cached cell: its checks and problems, positions relative to the cell's code.
    struct Entry: Codable {
        var checks: [CheckResult]
        var problems: [StoredDiagnostic]
    }

    /// A diagnostic without its file, for storage.
    struct StoredDiagnostic: Codable {
        var severity: Severity
        var message: String
        var range: SourceRange?
        var help: String?
        var notes: [StoredNote]

        struct StoredNote: Codable {
            var message: String
            var range: SourceRange?
        }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// What every check of a notebook depends on besides its own TeX: the gp blocks, the
    /// data files evaluation read and all the math (whose `\newcommand`s a check may use).
    static func context(
        _ parse: NotebookParse, dataFiles: [DataFile], requirements: DataFile? = nil, codeAllowed: Bool = false
    ) -> String {
        let notebook = parse.notebook
        var context = ""
        for cell in notebook.cells {
            switch cell.kind {
            case .setup: context += "gp \(cell.code.text.utf8.count)\n\(cell.code.text)\n"
            case .code(let language): context += "\(language) \(cell.code.text.utf8.count)\n\(cell.code.text)\n"
            case .check: break
            }
        }
        // A check that needs code is judged only when code runs: a verdict made with code
        // allowed is never shown to a run without it.
        if notebook.cells.contains(where: { if case .code = $0.kind { true } else { false } }) {
            context += "code \(codeAllowed ? "allowed" : "not allowed")\n"
        }
        if let requirements {
            var hasher = SHA256()
            hasher.update(requirements.bytes)
            context += "requirements \(requirements.path) \(hasher.hexDigest())\n"
        }
        for file in dataFiles {
            var hasher = SHA256()
            hasher.update(file.bytes)
            context += "data \(file.path) \(hasher.hexDigest())\n"
        }
        for span in notebook.math { context += "math \(span.tex.text.utf8.count)\n\(span.tex.text)\n" }
        for cell in notebook.cells where cell.kind == .check {
            context += "check \(cell.code.text.utf8.count)\n\(cell.code.text)\n"
        }
        return context
    }

    /// The key of a check cell. The entry holds what the check stage found for the cell (the
    /// reader's diagnostics come from parsing, every time).
    static func key(cellTeX: String, context: String) -> String {
        var hasher = SHA256()
        hasher.update("derive \(DeriveVersion.current) checks 3\n")
        hasher.update(context)
        hasher.update("\ncell \(cellTeX.utf8.count)\n")
        hasher.update(cellTeX)
        return hasher.hexDigest()
    }

    /// The checks of a cell, if cached; positions are moved to where the cell is now.
    func load(key: String, cell: Int, origin: Int, file: SourceFile) -> (checks: [CheckResult], problems: [Diagnostic])?
    {
        let path = (directory as NSString).appendingPathComponent(key + ".json")
        guard let data = FileManager.default.contents(atPath: path),
            let entry = try? Self.decoder.decode(Entry.self, from: data)
        else { return nil }
        func moved(_ range: SourceRange?) -> SourceRange? {
            range.map { SourceRange($0.lowerBound + origin, $0.upperBound + origin) }
        }
        let checks = entry.checks.map { check in
            var copy = check
            copy.cell = cell
            copy.range = moved(check.range) ?? check.range
            copy.relation = moved(check.relation) ?? check.relation
            return copy
        }
        let problems = entry.problems.map { stored in
            Diagnostic(
                stored.severity, stored.message, file: file, range: moved(stored.range), help: stored.help,
                notes: stored.notes.map { Diagnostic.Note($0.message, range: moved($0.range)) })
        }
        return (checks, problems)
    }

    /// Stores the checks of a cell whose code starts at `origin` in the file. A failure to
    /// write only costs the next render its speed, so it is not an error.
    func store(key: String, origin: Int, checks: [CheckResult], problems: [Diagnostic]) {
        func relative(_ range: SourceRange?) -> SourceRange? {
            range.map { SourceRange($0.lowerBound - origin, $0.upperBound - origin) }
        }
        let entry = Entry(
            checks: checks.map { check in
                var copy = check
                copy.range = relative(check.range) ?? check.range
                copy.relation = relative(check.relation) ?? check.relation
                return copy
            },
            problems: problems.map { diagnostic in
                StoredDiagnostic(
                    severity: diagnostic.severity, message: diagnostic.message, range: relative(diagnostic.range),
                    help: diagnostic.help,
                    notes: diagnostic.notes.map { .init(message: $0.message, range: relative($0.range)) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(key + ".json")
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }
}
