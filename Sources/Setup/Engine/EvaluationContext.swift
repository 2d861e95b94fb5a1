import Foundation

/// What every scope of one notebook shares: the options, the clock of the time budget, and
/// the data files.
final class EvaluationContext: @unchecked Sendable {
    let options: EvaluationOptions
    /// The notebook's data files, each read once.
    let data: DataFolder
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var exceeded = false
    /// The runs of the notebook's code cells.
    let code: CodeRuns

    init(options: EvaluationOptions, executor: CodeExecutor? = nil) {
        self.options = options
        data = DataFolder(baseDirectory: options.baseDirectory)
        code = CodeRuns(executor: executor)
    }

    /// Throws once the notebook's time budget is spent: the first time with the budget's
    /// diagnostic, afterwards as a dependency failure (reported once).
    func checkTime() throws(EvaluationError) {
        // Time spent in code cells has limits of its own.
        let elapsed = ContinuousClock.now - start - .seconds(code.seconds)
        guard elapsed > .seconds(options.timeBudget) else { return }
        let first: Bool = lock.withLock {
            defer { exceeded = true }
            return !exceeded
        }
        guard first else { throw EvaluationError(.dependency, "the time budget is spent", limit: .time) }
        throw EvaluationError(
            .limit, "evaluation took longer than the time budget of \(Self.seconds(options.timeBudget))",
            help:
                "make the data smaller or the iteration shorter; the budget guards against notebooks that never finish",
            limit: .time)
    }

    /// Throws when a value of `rows`×`columns` would pass the size limit.
    func checkSize(rows: Int, columns: Int) throws(EvaluationError) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard overflow || count > options.maxElements else { return }
        throw EvaluationError(.tooLarge(rows: rows, columns: columns), maxElements: options.maxElements)
    }

    /// The data files read so far, sorted by path.
    var dataFiles: [DataFile] { data.files }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }
}

/// A data file a notebook read: its path as written (relative to the notebook's folder) and
/// its bytes, for the report's inputs hash.
public struct DataFile: Sendable, Hashable {
    /// The path as the notebook wrote it, e.g. `data/co2.csv`.
    public let path: String
    /// The file's contents.
    public let bytes: [UInt8]

    /// A file read.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
