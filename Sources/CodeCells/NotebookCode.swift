import Diagnostics
import Foundation
import Numerics
import Setup

/// The code cells of one notebook, run: one long-lived process per language, started at the
/// first run and stopped by `stop()`. Runs are serialised (the protocol answers one request
/// at a time).
public final class NotebookCode: CodeExecutor, @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [CodeLanguage: CodeSession] = [:]
    private var swiftCompilation: SwiftCompilation?
    private let options: CodeOptions
    private let clock: CodeClock
    private let directory: String
    private let environment: [String: String]
    private let definitions: NotebookDefinitions
    private let digest: @Sendable (String) -> String

    /// Code for the cells of `definitions`, run in `directory` (the notebook's folder) with
    /// an environment scrubbed from `environment`.
    /// `digest` names compiled Swift cells by their source (a cryptographic hash, as hex).
    public init(
        definitions: NotebookDefinitions, options: CodeOptions, directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        digest: @escaping @Sendable (String) -> String
    ) {
        self.digest = digest
        self.definitions = definitions
        self.options = options
        self.clock = CodeClock(options: options)
        self.directory = directory.isEmpty ? "." : directory
        self.environment = CodeEnvironment.scrubbed(environment, passing: options.passedEnvironment)
        // Writing to a process that died must be an error, not the end of derive.
        signal(SIGPIPE, SIG_IGN)
    }

    public func run(_ cell: CodeCell, inputs: [String: Matrix]) throws(EvaluationError) -> CodeRun {
        let session: CodeSession = lock.withLock { self.session(for: cell.language) }
        return try session.run(cell, inputs: inputs)
    }

    /// What the processes said they are, in order: "Python 3.11.7", "numpy 2.4.6",
    /// "scikit-learn 1.9.1" (when a cell imported it).
    public var versions: [String] {
        lock.withLock { CodeLanguage.allCases.compactMap { sessions[$0] }.flatMap(\.versions) }
    }

    /// How many times the Swift compiler ran for this notebook (0: its executable was cached).
    public var swiftCompilations: Int {
        lock.withLock { swiftCompilation?.compilations ?? 0 }
    }

    /// Stops every process.
    public func stop() {
        lock.withLock {
            for session in sessions.values { session.stop() }
        }
    }

    deinit { stop() }

    private func session(for language: CodeLanguage) -> CodeSession {
        if let session = sessions[language] { return session }
        let names = Set(definitions.names)
        let session: CodeSession
        switch language {
        case .python:
            let options = self.options
            let path = environment["PATH"]
            session = CodeSession(
                language: .python, options: options, clock: clock, directory: directory, environment: environment,
                notebookNames: names
            ) { (cell: CodeCell) throws(EvaluationError) -> Launch in
                guard let python = CodeEnvironment.find(options.python, path: path) else {
                    throw EvaluationError(
                        .invalid, "'\(options.python)' was not found\(options.python.contains("/") ? "" : " on PATH")",
                        help:
                            "install Python 3 with numpy (Debian: python3 python3-numpy), or set DERIVE_PYTHON to the interpreter to use",
                        range: cell.range)
                }
                return Launch(
                    executable: python, arguments: ["-B", "-c", PythonRuntime.source, String(options.printedLimit)])
            }
        case .swift:
            let options = self.options
            let compiler = SwiftCompilation(
                cells: definitions.codeCells.filter { $0.language == .swift }, options: options, clock: clock,
                environment: environment, digest: digest)
            swiftCompilation = compiler
            session = CodeSession(
                language: .swift, options: options, clock: clock, directory: directory, environment: environment,
                notebookNames: names
            ) { (cell: CodeCell) throws(EvaluationError) -> Launch in
                Launch(executable: try compiler.executable(for: cell), arguments: [String(options.printedLimit)])
            }
        }
        sessions[language] = session
        return session
    }
}
