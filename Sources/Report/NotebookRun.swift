import Diagnostics
import Checks
import Setup
import Foundation
import Notebook

/// Everything derive computes for one notebook, before any output is written: the parsed
/// notebook, its typeset math, its evaluated setup, and its judged checks. The HTML report
/// and `derive check`'s summaries are both made from a run.
public struct NotebookRun: Sendable {
    /// The notebook.
    public let notebook: ParsedNotebook
    /// Its gp blocks, evaluated.
    public let evaluation: NotebookEvaluation
    /// Every `=` of its checked equations, judged, in document order.
    public let checks: [CheckResult]
    /// Everything found wrong or suspicious, sorted by position.
    public let diagnostics: [Diagnostic]
    /// The math, parsed and typeset.
    let typesetter: MathTypesetter

    /// Reads, evaluates and checks `file`, taking judged checks from `cache` when their
    /// inputs are unchanged.
    public init(file: SourceFile, cache: CheckCache? = nil) {
        self.init(notebook: ParsedNotebook(file: file), cache: cache)
    }

    /// Evaluates and checks a parsed notebook.
    public init(notebook: ParsedNotebook, cache: CheckCache? = nil) {
        let typesetter = MathTypesetter(notebook: notebook)
        let evaluation = SetupResults.evaluate(notebook)
        let runner = CheckRunner(evaluation: evaluation)
        var checks: [CheckResult] = []
        var diagnostics = notebook.diagnostics + evaluation.diagnostics + typesetter.diagnostics
        let context = cache == nil ? "" : Self.cacheContext(notebook)
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .check {
            // A checked equation whose TeX has an error is reported once, by the TeX parser.
            guard let piece = typesetter.cells[index], !piece.hasIssues else { continue }
            let origin = cell.code.fileOffset(0)
            let key = CheckCache.key(cellTeX: cell.code.text, context: context)
            if let cache, let cached = cache.load(key: key, cell: index, origin: origin, file: notebook.file) {
                checks += cached.checks
                diagnostics += cached.problems
                continue
            }
            let (results, problems) = runner.run(cell: index, fragment: cell.code, parsed: piece.parsed)
            checks += results
            diagnostics += problems
            cache?.store(key: key, origin: origin, checks: results, problems: problems)
        }
        self.notebook = notebook
        self.evaluation = evaluation
        self.checks = checks
        // One diagnostic per root cause: a failed definition that several checks use is
        // reported once, not once per check.
        var seen = Set<Diagnostic>()
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }.sortedByPosition()
        self.typesetter = typesetter
    }

    /// What every check of the notebook depends on besides its own TeX: the gp blocks, the
    /// data files and all the math (whose `\newcommand`s a check may use).
    static func cacheContext(_ notebook: ParsedNotebook) -> String {
        var context = ""
        for cell in notebook.cells where cell.kind == .setup { context += "gp \(cell.code.text.utf8.count)\n\(cell.code.text)\n" }
        for file in SetupResults.dataFiles(of: notebook) {
            var hasher = SHA256()
            hasher.update(file.bytes)
            context += "data \(file.name) \(hasher.hexDigest())\n"
        }
        for span in notebook.math { context += "math \(span.tex.text.utf8.count)\n\(span.tex.text)\n" }
        for cell in notebook.cells where cell.kind == .check { context += "check \(cell.code.text.utf8.count)\n\(cell.code.text)\n" }
        return context
    }

    /// Whether the notebook is a lesson whose checks are expected to fail (`expect: fail`).
    public var expectsFailure: Bool { notebook.frontMatter.expectsFailure }

    /// How the notebook's checks came out, for the exit status.
    public var outcome: CheckOutcome {
        CheckOutcome(
            passed: checks.filter { $0.verdict == .pass }.count,
            failed: checks.filter { $0.verdict == .fail }.count,
            inconclusive: checks.filter { $0.verdict == .inconclusive }.count,
            expectsFailure: expectsFailure, hasErrors: diagnostics.hasErrors,
            hasWarnings: diagnostics.contains { $0.severity == .warning })
    }
}

/// The counts of a notebook's verdicts and what they mean for the run.
public struct CheckOutcome: Sendable, Hashable {
    /// Checks that passed, failed, or could not be decided.
    public var passed: Int
    public var failed: Int
    public var inconclusive: Int
    /// The notebook says `expect: fail`.
    public var expectsFailure: Bool
    /// A notebook error (syntax, unknown name, shape, TeX in a checked equation).
    public var hasErrors: Bool
    /// A warning.
    public var hasWarnings: Bool

    /// A notebook marked `expect: fail` in which nothing failed: the lesson no longer shows
    /// what it was kept to show.
    public var isSurprisePass: Bool { expectsFailure && failed == 0 && !hasErrors }

    /// Whether the checks fail the run: a failed check, or a surprise pass of a lesson; with
    /// `strict`, also an inconclusive check.
    public func fails(strict: Bool) -> Bool {
        if expectsFailure { return isSurprisePass || (strict && inconclusive > 0) }
        return failed > 0 || (strict && inconclusive > 0)
    }
}

extension NotebookRun {
    /// The anchor of a check's panel: `check.<equation>.<k>`, with the equation's anchor
    /// (its label or number) and k counting the `=`s of its cell from 1.
    func panelID(_ result: CheckResult) -> String {
        let base = typesetter.number(forCell: result.cell).map { String($0.anchor.dropFirst(3)) } ?? "cell\(result.cell)"
        let position = checks.filter { $0.cell == result.cell }.firstIndex(of: result) ?? 0
        return "check.\(base).\(position + 1)"
    }
}
