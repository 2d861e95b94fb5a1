import Diagnostics
import Foundation
import Setup

/// A notebook's Swift cells compiled once into one executable: each cell a function of its
/// reads returning its defines, against `SwiftRuntime`, with `swiftc -O`. The executable is
/// kept under the hash of the generated source and the compiler's version, so a second run
/// does not compile. Compiler errors are placed at the notebook's line and column (the
/// generated source marks each cell with `#sourceLocation`).
final class SwiftCompilation: @unchecked Sendable {
    let cells: [CodeCell]
    let options: CodeOptions
    let clock: CodeClock
    let environment: [String: String]
    /// A cryptographic digest of a text, as hex (the pipeline's SHA-256).
    let digest: @Sendable (String) -> String
    private var result: Result<String, CompileFailure>?
    /// How many times this compilation ran the compiler (0 when the executable was cached).
    private(set) var compilations = 0

    /// The compiler's errors, by cell (each cell's first), and whether any was outside a cell.
    struct CompileFailure: Error {
        var byCell: [Int: EvaluationError]
        var general: EvaluationError
    }

    init(
        cells: [CodeCell], options: CodeOptions, clock: CodeClock, environment: [String: String],
        digest: @escaping @Sendable (String) -> String
    ) {
        self.digest = digest
        self.cells = cells
        self.options = options
        self.clock = clock
        self.environment = environment
    }

    /// The executable, compiled at the first call.
    func executable(for cell: CodeCell) throws(EvaluationError) -> String {
        if result == nil { result = compile(for: cell) }
        switch result {
        case .success(let path)?: return path
        case .failure(let failure)?: throw failure.byCell[cell.index] ?? failure.general.located(at: cell.range)
        case nil: throw EvaluationError(.invalid, "not compiled")
        }
    }

    private func failure(_ message: String, help: String? = nil, at cell: CodeCell) -> CompileFailure {
        CompileFailure(byCell: [:], general: EvaluationError(.invalid, message, help: help, range: cell.range))
    }

    private func compile(for cell: CodeCell) -> Result<String, CompileFailure> {
        guard let swiftc = CodeEnvironment.find(options.swiftc, path: environment["PATH"]) else {
            return .failure(
                failure(
                    "'\(options.swiftc)' was not found\(options.swiftc.contains("/") ? "" : " on PATH"): Swift cells need the Swift compiler",
                    help: "install a Swift toolchain (swift.org), or set DERIVE_SWIFTC to the swiftc to use", at: cell))
        }
        let version: String
        switch run(swiftc, ["--version"], cell: cell) {
        case .success(let (status, output)) where status == 0: version = output
        case .success(let (_, output)):
            return .failure(failure("'\(swiftc) --version' failed: \(output.prefix(200))", at: cell))
        case .failure(let error): return .failure(error)
        }
        let source = Self.program(cells, version: version)
        let key = digest("derive swift cells 1\n\(version)\n\(source)")
        var base = options.buildCache ?? (NSTemporaryDirectory() + "derive-swift-\(getpid())")
        if !base.hasPrefix("/") {
            base = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base)
        }
        let folder = (base as NSString).appendingPathComponent(key)
        let executable = (folder as NSString).appendingPathComponent("cells")
        if FileManager.default.isExecutableFile(atPath: executable) { return .success(executable) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try source.write(toFile: folder + "/main.swift", atomically: true, encoding: .utf8)
        } catch {
            return .failure(failure("cannot write the Swift cells' source to '\(folder)': \(error)", at: cell))
        }
        compilations += 1
        let partial = executable + ".\(getpid()).partial"
        switch run(
            swiftc, ["-O", "-parse-as-library", "-module-name", "DeriveCells", "-o", partial, folder + "/main.swift"],
            cell: cell)
        {
        case .success(let (0, _)):
            // Renamed into place only when complete: a half-written executable is never run.
            guard rename(partial, executable) == 0 else {
                return .failure(failure("cannot move the compiled Swift cells into '\(folder)'", at: cell))
            }
            return .success(executable)
        case .success(let (_, output)):
            return .failure(Self.errors(in: output, cells: cells, at: cell))
        case .failure(let error): return .failure(error)
        }
    }

    /// Runs the compiler within the notebook's time, its whole process group killed at the
    /// deadline; returns its exit status and output.
    private func run(_ swiftc: String, _ arguments: [String], cell: CodeCell) -> Result<(Int32, String), CompileFailure>
    {
        guard let deadline = clock.deadline(within: options.notebookTimeLimit) else {
            return .failure(
                failure("the notebook's code took longer than its limit; the Swift cells were not compiled", at: cell))
        }
        do {
            let process = try ChildProcess(
                executable: swiftc, arguments: arguments, environment: environment,
                directory: NSTemporaryDirectory(), outputLimit: 1 << 20)
            let status = try process.waitForExit(deadline: deadline)
            return .success((status, process.printed))
        } catch ChildProcess.Failure.timeout {
            return .failure(
                failure(
                    "compiling the Swift cells took longer than the notebook's limit of \(Int(options.notebookTimeLimit)) s",
                    help: "raise it with --code-notebook-time-limit", at: cell))
        } catch {
            return .failure(failure("'\(swiftc)' could not be run: \(error)", at: cell))
        }
    }
}
