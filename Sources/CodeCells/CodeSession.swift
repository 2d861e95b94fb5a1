import Diagnostics
import Foundation
import Numerics
import Setup

/// How to start the process of one language: the executable, its arguments and what the
/// process is called in messages ("the Python process").
struct Launch {
    var executable: String
    var arguments: [String]
}

/// The clock of a notebook's code: every run's deadline is its own limit or what is left of
/// the notebook's, whichever comes first.
final class CodeClock: @unchecked Sendable {
    let start = ContinuousClock.now
    let options: CodeOptions

    init(options: CodeOptions) { self.options = options }

    /// The deadline of something that may take `seconds`, or nil when the notebook's time is spent.
    func deadline(within seconds: Double) -> ContinuousClock.Instant? {
        let notebook = start + .milliseconds(Int64(options.notebookTimeLimit * 1000))
        guard ContinuousClock.now < notebook else { return nil }
        return min(ContinuousClock.now + .milliseconds(Int64(seconds * 1000)), notebook)
    }
}

/// One language's long-lived process for a notebook, talking derive's protocol (`Wire`): it is
/// started at the first run, told each cell's code once, and asked to run cells with inputs.
/// A process that hangs is killed with its process group; one that ends or sends garbage is
/// started again at the next run.
final class CodeSession: @unchecked Sendable {
    let language: CodeLanguage
    let options: CodeOptions
    let clock: CodeClock
    let directory: String
    let environment: [String: String]
    /// Starts the language's program (for Swift: compiles first); throws a diagnostic-ready error.
    let launch: (CodeCell) throws(EvaluationError) -> Launch
    /// The gp names defined anywhere in the notebook, for the help of an undeclared name.
    let notebookNames: Set<String>

    private var child: ChildProcess?
    private var told: Set<Int> = []
    /// Failures that running the cell again would only repeat (its syntax, a hang).
    private var lasting: [Int: EvaluationError] = [:]
    /// A failure of the whole language (no interpreter, no numpy, no compiler).
    private var fatal: EvaluationError?
    var versions: [String] = []

    init(
        language: CodeLanguage, options: CodeOptions, clock: CodeClock, directory: String,
        environment: [String: String], notebookNames: Set<String>,
        launch: @escaping (CodeCell) throws(EvaluationError) -> Launch
    ) {
        self.language = language
        self.options = options
        self.clock = clock
        self.directory = directory
        self.environment = environment
        self.notebookNames = notebookNames
        self.launch = launch
    }

    /// "the Python process".
    var processName: String { "the \(language.displayName) process" }

    /// Runs `cell` with its inputs (by gp name).
    func run(_ cell: CodeCell, inputs: [String: Matrix]) throws(EvaluationError) -> CodeRun {
        if let fatal { throw fatal.located(at: cell.range) }
        if let failure = lasting[cell.index] { throw failure }
        let process = try started(for: cell)
        do throws(ChildProcess.Failure) {
            if !told.contains(cell.index) {
                var message = Wire.Writer(.cell)
                message.u32(cell.index)
                message.string(cell.fragment.file.path)
                message.u32(cell.notebookLine(ofCellLine: 0))
                message.string(cell.source)
                message.u32(cell.reads.count)
                for read in cell.reads { message.string(read.identifier) }
                message.u32(cell.defines.count)
                for define in cell.defines { message.string(define.identifier) }
                try exchange(message, with: process, cell: cell, within: options.runTimeLimit)
                told.insert(cell.index)
            }
            var message = Wire.Writer(.run)
            message.u32(cell.index)
            message.u32(cell.reads.count)
            for read in cell.reads {
                guard let value = inputs[read.name] else { continue }
                message.array(Wire.Array(name: read.identifier, matrix: value))
            }
            let reply = try exchange(message, with: process, cell: cell, within: options.runTimeLimit)
            return try outputs(reply, cell: cell)
        } catch {
            throw failure(error, cell: cell)
        }
    }

    /// Stops the process.
    func stop() {
        child?.stop()
        child = nil
    }

    // MARK: - The process

    private func started(for cell: CodeCell) throws(EvaluationError) -> ChildProcess {
        if let child { return child }
        let program: Launch
        do throws(EvaluationError) {
            program = try launch(cell)
        } catch {
            if error.kind != .limit { fatal = error }
            throw error
        }
        guard let deadline = clock.deadline(within: options.runTimeLimit) else { throw notebookLimit(cell) }
        let process: ChildProcess
        do {
            process = try ChildProcess(
                executable: program.executable, arguments: program.arguments, environment: environment,
                directory: directory, outputLimit: options.printedLimit)
        } catch {
            let failure = EvaluationError(
                .invalid, "\(processName) could not be started: \(error)", range: cell.range)
            fatal = failure
            throw failure
        }
        do throws(ChildProcess.Failure) {
            var reader = Wire.Reader(try process.receive(deadline: deadline, limit: options.outputLimit))
            let tag: Wire.Tag
            do { tag = try reader.tag() } catch { throw .garbage(error.message) }
            switch tag {
            case .hello:
                do { versions = Self.merged(versions, try reader.string()) } catch { throw .garbage(error.message) }
            case .error:
                let failure: EvaluationError
                do { failure = try errorReply(&reader, cell: cell) } catch { throw .garbage(error.message) }
                fatal = failure
                throw .cell(failure)
            default: throw .garbage("a first message other than its greeting")
            }
        } catch {
            process.stop()
            throw self.failure(error, cell: cell)
        }
        child = process
        told = []
        return process
    }

    /// Sends a message and reads the reply: `outputs`, or an `error` turned into an evaluation
    /// error (the cell's own fault, kept for later runs when running again would repeat it).
    @discardableResult
    private func exchange(_ message: Wire.Writer, with process: ChildProcess, cell: CodeCell, within seconds: Double)
        throws(ChildProcess.Failure) -> Wire.Reader
    {
        guard let deadline = clock.deadline(within: seconds) else { throw .timeout }
        try process.send(message.framed, deadline: deadline)
        var reader = Wire.Reader(try process.receive(deadline: deadline, limit: options.outputLimit))
        let tag: Wire.Tag
        do { tag = try reader.tag() } catch { throw .garbage(error.message) }
        switch tag {
        case .outputs: return reader
        case .error:
            let failure: EvaluationError
            do { failure = try errorReply(&reader, cell: cell) } catch { throw .garbage(error.message) }
            throw .cell(failure)
        default: throw .garbage("an unexpected message")
        }
    }

    private func notebookLimit(_ cell: CodeCell) -> EvaluationError {
        EvaluationError(
            .limit,
            "the notebook's code took longer than its limit of \(Int(options.notebookTimeLimit)) s; this run was not made",
            help: "raise the limit with --code-notebook-time-limit, or make the code faster", range: cell.range)
    }

    /// A failure of the process, in the cell's words.
    private func failure(_ failure: ChildProcess.Failure, cell: CodeCell) -> EvaluationError {
        switch failure {
        case .cell(let error):
            return error
        case .timeout:
            stop()
            guard clock.deadline(within: 0.001) != nil else { return notebookLimit(cell) }
            let error = EvaluationError(
                .limit,
                "the cell did not finish within \(Int(options.runTimeLimit)) s: derive stopped \(processName) and every process it started",
                help: "make the cell faster, or raise the limit with --code-time-limit", range: cell.range)
            lasting[cell.index] = error
            return error
        case .ended(let how):
            let printed = child?.printed ?? ""
            stop()
            let lines = printed.split(separator: "\n")
            // A Swift trap says why on a line of its own; a Python crash leaves its last words.
            let fatal = lines.first { $0.contains("Fatal error") || $0.contains("Precondition failed") }
            let tail = fatal.map(String.init) ?? lines.suffix(3).joined(separator: " | ")
            return EvaluationError(
                .invalid, "\(processName) ended while running the cell: \(how)",
                help: tail.isEmpty ? "derive starts it again for the next run" : "its last output: \(tail)",
                range: cell.range)
        case .garbage(let what):
            stop()
            return EvaluationError(
                .invalid, "\(processName) sent something that is not derive's protocol: \(what)",
                help: "a cell must not write to file descriptors 3 and 4; derive stopped the process",
                range: cell.range)
        }
    }

    static func merged(_ old: [String], _ new: String) -> [String] {
        var result = old
        for line in new.split(separator: "\n").map(String.init) {
            let name = line.split(separator: " ").first.map(String.init) ?? line
            if let index = result.firstIndex(where: { $0.split(separator: " ").first.map(String.init) == name }) {
                result[index] = line
            } else {
                result.append(line)
            }
        }
        return result
    }
}
