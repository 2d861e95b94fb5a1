import CodeCells
import Diagnostics
import Foundation
import Pipeline
import Setup

/// A notebook written to a fresh folder and run with code allowed (or not), Python from
/// `DERIVE_PYTHON` or `python3` as derive finds it.
struct CodeNotebook {
    let folder: String
    let path: String

    init(_ text: String, name: String = "notebook.md") throws {
        folder = NSTemporaryDirectory() + "derive-code-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static var options: CodeOptions {
        var options = CodeOptions.from(environment: ProcessInfo.processInfo.environment)
        options.allowed = true
        return options
    }

    /// Runs the notebook through the whole pipeline.
    func run(allowed: Bool = true, cache: CheckCache? = nil, adjust: (inout CodeOptions) -> Void = { _ in })
        throws -> NotebookRun
    {
        var options = Self.options
        options.allowed = allowed
        adjust(&options)
        return try Pipeline(cache: cache, code: options).run(path)
    }

    /// The diagnostics of a run as `line:column: severity: message`.
    static func located(_ run: NotebookRun) -> [String] {
        run.diagnostics.map { diagnostic in
            "\(diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"): \(diagnostic.severity): \(diagnostic.message)"
        }
    }
}

extension NotebookRun {
    /// The value of a defined name at the base point.
    func value(_ name: String) throws -> [[Double]] {
        let matrix = try evaluation.scope.value(of: name).matrix
        return (0..<matrix.rows).map { i in (0..<matrix.columns).map { j in matrix[i, j] } }
    }
}
