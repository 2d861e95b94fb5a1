import Checks
import Diagnostics
import Notebook
import Setup
import TeX

/// Everything derive computes for one notebook, before any output is written: the parse,
/// the evaluated setup, the judged checks, the diagnostics and the hash of the inputs. The
/// HTML report and `derive check`'s summaries are both made from a run.
public struct NotebookRun: Sendable {
    /// The notebook parsed once.
    public let parse: NotebookParse
    /// Its gp blocks, evaluated.
    public let evaluation: NotebookEvaluation
    /// Every `=` of its checked equations, judged or not run, in document order: the list
    /// the parse found, whatever evaluation reached.
    public let checks: [CheckResult]
    /// Everything found wrong or suspicious, one per root cause, sorted by position.
    public let diagnostics: [Diagnostic]
    /// The hash of what the run was made from: the notebook, the data files evaluation
    /// read, the requirements file it names, and derive's version.
    public let inputs: InputsHash
    /// What the code cells' processes said they are ("Python 3.11.7", "numpy 2.4.6", …);
    /// empty when no code ran.
    public let codeVersions: [String]

    /// A run of `file` with the default pipeline and no cache.
    public init(file: SourceFile) {
        self = Pipeline().run(file)
    }

    init(
        parse: NotebookParse, evaluation: NotebookEvaluation, checks: [CheckResult], diagnostics: [Diagnostic],
        inputs: InputsHash, codeVersions: [String] = []
    ) {
        self.codeVersions = codeVersions
        self.parse = parse
        self.evaluation = evaluation
        self.checks = checks
        // One diagnostic per root cause: a failed definition that several checks use is
        // reported once, not once per check.
        var seen = Set<Diagnostic>()
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }.sortedByPosition()
        self.inputs = inputs
    }

    /// The notebook.
    public var notebook: ParsedNotebook { parse.notebook }
    /// Its math, parsed and numbered.
    public var math: NotebookMath { parse.math }

    /// Whether the notebook is a lesson whose checks are expected to fail (`expect: fail`).
    public var expectsFailure: Bool { notebook.frontMatter.expectsFailure }

    /// What gp block `cell` (an index into the notebook's cells) defined, if it is one.
    public func setupResults(forCell cell: Int) -> BlockResults? {
        guard let block = parse.setupBlock(ofCell: cell), evaluation.blocks.indices.contains(block) else { return nil }
        return evaluation.blocks[block]
    }

    /// What code cell `cell` (an index into the notebook's cells) did, if it is one.
    public func codeResults(forCell cell: Int) -> CodeCellResults? {
        guard let index = parse.codeCell(ofCell: cell), evaluation.codeCells.indices.contains(index) else { return nil }
        return evaluation.codeCells[index]
    }

    /// The TeX trees of the two sides of a judged check, cut from its cell's one parse.
    public func formulas(of check: CheckResult) -> (left: TeXNode, right: TeXNode)? {
        guard
            let planned = parse.readings[check.cell]?.checks.first(where: {
                $0.equation == check.equation && $0.step == check.step
            })
        else { return nil }
        return (planned.leftFormula, planned.rightFormula)
    }

    /// How the notebook's checks came out, for the exit status.
    public var outcome: CheckOutcome {
        CheckOutcome(
            passed: checks.filter { $0.status == .pass }.count,
            failed: checks.filter { $0.status == .fail }.count,
            inconclusive: checks.filter { $0.status == .inconclusive }.count,
            notRun: checks.filter { $0.status == .notRun }.count,
            expectsFailure: expectsFailure, hasErrors: diagnostics.hasErrors,
            hasWarnings: diagnostics.contains { $0.severity == .warning })
    }
}

/// The counts of a notebook's verdicts and what they mean for the run.
public struct CheckOutcome: Sendable, Hashable {
    /// Checks that passed, failed, could not be decided, or did not run.
    public var passed: Int
    public var failed: Int
    public var inconclusive: Int
    public var notRun: Int
    /// The notebook says `expect: fail`.
    public var expectsFailure: Bool
    /// A notebook error (syntax, unknown name, shape, TeX in a checked equation).
    public var hasErrors: Bool
    /// A warning.
    public var hasWarnings: Bool

    /// Counts as given.
    public init(
        passed: Int, failed: Int, inconclusive: Int, notRun: Int = 0, expectsFailure: Bool, hasErrors: Bool,
        hasWarnings: Bool
    ) {
        self.passed = passed
        self.failed = failed
        self.inconclusive = inconclusive
        self.notRun = notRun
        self.expectsFailure = expectsFailure
        self.hasErrors = hasErrors
        self.hasWarnings = hasWarnings
    }

    /// Every check, whatever became of it.
    public var total: Int { passed + failed + inconclusive + notRun }

    /// A notebook marked `expect: fail` in which nothing failed: the lesson no longer shows
    /// what it was kept to show.
    public var isSurprisePass: Bool { expectsFailure && failed == 0 && !hasErrors && notRun == 0 }

    /// Whether the checks fail the run: a failed check, or a surprise pass of a lesson; with
    /// `strict`, also an inconclusive check.
    public func fails(strict: Bool) -> Bool {
        if expectsFailure { return isSurprisePass || (strict && inconclusive > 0) }
        return failed > 0 || (strict && inconclusive > 0)
    }

    /// No checks, no problems.
    public static let zero = CheckOutcome(
        passed: 0, failed: 0, inconclusive: 0, expectsFailure: false, hasErrors: false, hasWarnings: false)

    /// The counts of two runs together (a sum of runs expects no failure as a whole).
    public func adding(_ other: CheckOutcome) -> CheckOutcome {
        CheckOutcome(
            passed: passed + other.passed, failed: failed + other.failed,
            inconclusive: inconclusive + other.inconclusive, notRun: notRun + other.notRun,
            expectsFailure: false, hasErrors: hasErrors || other.hasErrors,
            hasWarnings: hasWarnings || other.hasWarnings)
    }
}
