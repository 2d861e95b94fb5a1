import Checks
import CodeCells
import Diagnostics
import Foundation
import Numerics
import Setup

/// The stages from a notebook file to a run: read → parse → evaluate → check. Each input is
/// parsed once and its values are carried forward; a failure outside the notebook's text
/// names its stage and file (`StageError`), everything found in the text is a diagnostic.
public struct Pipeline: Sendable {
    /// Where judged checks are kept between runs (nil: always recompute).
    public var cache: CheckCache?
    /// The judge of every check.
    public var judge: Judge
    /// The limits of evaluation (the command line's), which a notebook's front matter may
    /// lower; the folder of data files is each notebook's own.
    public var limits: EvaluationOptions
    /// Whether and how code cells run (`--allow-code`).
    public var code: CodeOptions

    /// A pipeline that keeps judged checks in `cache`, evaluates within `limits` and runs code
    /// cells as `code` says.
    public init(
        cache: CheckCache? = nil, judge: Judge = Judge(), limits: EvaluationOptions = EvaluationOptions(),
        code: CodeOptions = CodeOptions()
    ) {
        self.cache = cache
        self.judge = judge
        self.limits = limits
        self.code = code
    }

    /// Reads, parses, evaluates and checks the notebook at `path`.
    public func run(_ path: String) throws(StageError) -> NotebookRun {
        run(try Self.read(path))
    }

    /// Parses, evaluates and checks a notebook already read.
    public func run(_ file: SourceFile) -> NotebookRun {
        let parse = NotebookParse(file: file)
        let (options, limitDiagnostics) = Limits.applying(parse.notebook.frontMatter, to: limits, file: file)
        let requirements = Requirements.read(parse.notebook)
        let executor =
            code.allowed && parse.definitions.codeCells.contains(where: \.evaluates)
            ? NotebookCode(
                definitions: parse.definitions, options: code, directory: Self.folder(of: file.path),
                digest: { text in
                    var hasher = SHA256()
                    hasher.update(text)
                    return hasher.hexDigest()
                }) : nil
        defer { executor?.stop() }
        let evaluation = evaluate(parse, options: options, executor: executor)
        var data = evaluation.dataFiles.map { ($0.path, $0.bytes) }
        if let file = requirements.file { data.append(("requirements " + file.path, file.bytes)) }
        let inputs = InputsHash(notebook: file.text, dataFiles: data)
        let (checks, problems) = check(parse, evaluation, requirements: requirements)
        let readingDiagnostics = parse.readings.keys.sorted().flatMap { parse.readings[$0]?.diagnostics ?? [] }
        let notRun = Limits.notRunDiagnostic(
            checks, file: file, options: options, frontMatter: parse.notebook.frontMatter)
        return NotebookRun(
            parse: parse, evaluation: evaluation, checks: checks,
            diagnostics: parse.notebook.diagnostics + parse.codeDiagnostics + requirements.diagnostics
                + limitDiagnostics + evaluation.diagnostics + parse.math.diagnostics + readingDiagnostics + problems
                + (notRun.map { [$0] } ?? []),
            inputs: inputs, codeVersions: executor?.versions ?? [])
    }

    /// The folder of a notebook, "." for one in the current folder.
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    // MARK: - Stages

    /// Read: the notebook's bytes as UTF-8 text.
    public static func read(_ path: String) throws(StageError) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.read, path: path, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StageError(.read, path: path, "the file is not UTF-8 text")
        }
        return SourceFile(path: path, text: text)
    }

    /// Evaluate: the gp blocks at their base point within `options`' limits, data files read
    /// from the notebook's folder, code cells run on `executor` (nil: code is not allowed).
    func evaluate(_ parse: NotebookParse, options: EvaluationOptions, executor: CodeExecutor?) -> NotebookEvaluation {
        var options = options
        options.baseDirectory = Self.folder(of: parse.notebook.file.path)
        return NotebookEvaluation(definitions: parse.definitions, options: options, executor: executor)
    }

    /// Check: every planned check judged or not run, cell by cell, or taken from the cache
    /// when nothing it depends on changed. A cell with a check a limit stopped is not cached:
    /// the next run, with another limit, may get further.
    func check(_ parse: NotebookParse, _ evaluation: NotebookEvaluation, requirements: Requirements) -> (
        checks: [CheckResult], problems: [Diagnostic]
    ) {
        let runner = CheckRunner(evaluation: evaluation, judge: judge)
        let context =
            cache == nil
            ? ""
            : CheckCache.context(
                parse, dataFiles: evaluation.dataFiles, requirements: requirements.file, codeAllowed: code.allowed)
        var checks: [CheckResult] = []
        var problems: [Diagnostic] = []
        for cell in parse.readings.keys.sorted() {
            guard let reading = parse.readings[cell] else { continue }
            let code = parse.notebook.cells[cell].code
            let origin = code.fileOffset(0)
            let key = CheckCache.key(cellTeX: code.text, context: context)
            if let cache, let cached = cache.load(key: key, cell: cell, origin: origin, file: parse.notebook.file) {
                checks += cached.checks
                problems += cached.problems
                continue
            }
            let (results, found) = runner.run(reading.checks)
            checks += results
            problems += found
            // Code cells fail for reasons outside the notebook (a missing compiler, a process
            // that crashed, a limit): a check they stopped is not kept, so the next run tries
            // again; neither is one a limit of evaluation stopped.
            let stoppedByCode = evaluation.codeCells.contains { if case .failed = $0.outcome { true } else { false } }
            if results.allSatisfy({ $0.notRun?.limit == nil }),
                !(stoppedByCode && results.contains { $0.notRun != nil })
            {
                cache?.store(key: key, origin: origin, checks: results, problems: found)
            }
        }
        return (checks, problems)
    }
}
