import Checks
import CodeCells
import Diagnostics
import Foundation
import Numerics
import Pipeline
import Report
import Setup
import TestSupport
import Testing

/// Golden results for the gallery: every check of every notebook in `notebooks/`, with its
/// verdict and, per row, the row's verdict, the two sides (a scalar's value, a matrix's
/// Frobenius norm) and their ratio to
/// six significant digits, fewer where the row's error estimate says the finite differences
/// do not reach six (so the numbers are the same on every CPU). Inconclusive and vacuous rows show their verdict only: their
/// numbers are rounding noise. A change in any verdict or number shows as a diff.
@Suite struct GalleryResultsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let golden = Golden(besides: #filePath)
    static let notebooks: [String] = {
        let folder = root.appendingPathComponent("notebooks").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }()

    /// One BLAS thread, as derive's command line uses, whatever the environment says: the
    /// error estimates that decide how many digits are kept must not depend on it.
    init() { BLASThreads.set(1) }

    @Test func theGalleryHasNotebooks() {
        let expected = [
            "sklearn-pr-11116.md", "sklearn-pr-11116-wrong.md", "sklearn-issue-26502.md", "sklearn-issue-26502-half.md",
            "kernel-matern.md", "kernel-rational-quadratic.md", "kernel-exp-sine-squared.md", "kernel-dot-product.md",
            "kernel-constant-white-sum-product.md", "sklearn-issue-31366-grid.md", "mauna-loa-co2.md", "laplace-gpc.md",
            "sklearn-rbf-code.md", "sklearn-issue-31366-code.md", "matern-swift.md",
        ]
        #expect(Set(expected).subtracting(Self.notebooks) == [])
    }

    /// Each notebook is also counted: cmark reads its raw text once (for where code is) and
    /// its masked text once; the TeX parser reads each math span and checked equation once;
    /// the setup parser each gp block once; each data file is read once; nothing is typeset.
    @Test(arguments: notebooks) func galleryResultsMatchTheirGoldenFileAndEachInputIsParsedOnce(name: String) throws {
        let (run, counts) = try Self.run(name)
        #expect(run.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        Self.golden.check(Self.summary(run), against: "gallery/\(name.dropLast(3)).results")

        let cells = run.notebook.cells
        #expect(counts[.markdownBlocks] == 1)
        #expect(counts[.markdownDocument] == 1)
        #expect(counts[.texSpan] == run.notebook.math.count + cells.filter { $0.kind == .check }.count)
        #expect(counts[.setupBlock] == cells.filter { $0.kind == .setup }.count)
        #expect(counts[.dataFile] == run.evaluation.dataFiles.count)
        #expect(counts[.mathML] == 0)
    }

    @Test func theMaunaLoaNotebookReadsItsDataFileOnceForEvaluationTheHashAndTheCache() throws {
        let counts = InputCounts()
        let pipeline = Pipeline(
            cache: CheckCache(directory: NSTemporaryDirectory() + "derive-cache-\(UUID())"), limits: Self.galleryLimits)
        let path = Self.root.appendingPathComponent("notebooks/mauna-loa-co2.md").path
        let run = try InputCounts.$current.withValue(counts) { () throws(StageError) in try pipeline.run(path) }
        #expect(run.evaluation.dataFiles.map(\.path) == ["data/co2.csv"])
        #expect(counts[.dataFile] == 1)
        #expect(counts[.setupBlock] == 3)
    }

    /// The gallery is trusted and its verdicts are what these tests check, so the time budget
    /// (which guards against notebooks from pull requests) is generous: the tests run in
    /// parallel on a machine others share. The budget itself is tested in deriveTests.
    static let galleryLimits = EvaluationOptions(timeBudget: 600)

    /// Runs a gallery notebook, counting what it parses and reads.
    static func run(_ name: String) throws -> (NotebookRun, InputCounts) {
        let path = Self.root.appendingPathComponent("notebooks/\(name)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let counts = InputCounts()
        // The gallery's code cells run (with DERIVE_PYTHON's Python, as make test sets it).
        var code = CodeOptions.from(environment: ProcessInfo.processInfo.environment)
        code.allowed = true
        let pipeline = Pipeline(limits: galleryLimits, code: code)
        let run = InputCounts.$current.withValue(counts) {
            pipeline.run(SourceFile(path: "notebooks/\(name)", text: text))
        }
        return (run, counts)
    }

    /// A scalar's value, or a matrix's shape and Frobenius norm, to six digits.
    static func number(_ matrix: Matrix, digits: Int = 6) -> String {
        if let scalar = matrix.scalarValue { return NumberText.format(scalar, significant: digits) }
        return "\(matrix.rows)×\(matrix.columns)‖\(NumberText.format(matrix.frobeniusNorm, significant: digits))‖"
    }

    /// Six significant digits, or fewer when the row's finite differences are not that
    /// accurate: a digit is kept only where the error estimate is ten times smaller.
    static func digits(_ row: RowJudgement) -> Int {
        guard let estimate = row.errorEstimate, estimate > 0,
            let size = row.reference.map(\.frobeniusNorm), size > 0
        else { return 6 }
        return max(1, min(6, Int((log10(size / (10 * estimate))).rounded(.down))))
    }

    /// The checks of a run as stable text.
    static func summary(_ run: NotebookRun) -> String {
        var out = ""
        for check in run.checks {
            let location = run.notebook.file.location(of: check.range.lowerBound)
            out += "check \(location.line):\(location.column) \(check.verdict.rawValue)"
            out += check.isVacuous ? " vacuous" : ""
            out += " claim=\(check.claimIsLeft ? "left" : "right")"
            out += " rows[\(check.rowIndices.map(\.description).joined(separator: ", "))]"
            out +=
                check.entryIndices.isEmpty
                ? "" : " entries[\(check.entryIndices.map(\.description).joined(separator: ", "))]"
            out += "\n"
            for hint in check.judgement.hints { out += "  hint: \(hint.message)\n" }
            for warning in check.judgement.warnings { out += "  warning: \(warning)\n" }
            for (row, assignment) in zip(check.judgement.rows, check.assignments) {
                let label = assignment.map(String.init).joined(separator: ",")
                out += "  row \(label.isEmpty ? "-" : label): \(row.verdict.rawValue)\(row.vacuous ? " vacuous" : "")"
                // An inconclusive or vacuous row's numbers are rounding noise, different on every CPU.
                guard row.verdict != .inconclusive, !row.vacuous else {
                    out += "\n"
                    continue
                }
                let digits = Self.digits(row)
                out += " claim=\(row.claimed.map { Self.number($0, digits: digits) } ?? "-")"
                out += " reference=\(row.reference.map { Self.number($0, digits: digits) } ?? "-")"
                out += " ratio=\(row.ratio.map { NumberText.format($0, significant: 6) } ?? "-")\n"
            }
        }
        return out
    }
}
