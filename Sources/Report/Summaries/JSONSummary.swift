import Checks
import Diagnostics
import Numerics
import Pipeline
import Setup

extension CheckSummary {
    /// The version of the JSON document's schema (`docs/check-report.schema.json`); it
    /// changes when a field is removed or changes meaning, not when one is added.
    public static let jsonVersion = 2
    /// Values (sides, ratios, norms, parameters, steps) keep eight significant digits: more
    /// than a reviewer compares, fewer than the digits in which finite differences differ
    /// between CPUs.
    static let valueDigits = 8
    /// A matrix side lists its entries when it has at most this many (a 5×5 matrix); larger
    /// ones give their shape and Frobenius norm only.
    public static let jsonEntryLimit = 25

    /// The whole result as one JSON document (docs/check-json.md): the run's result and exit
    /// status, counts, and per notebook its checks, their rows and its diagnostics.
    public static func json(_ results: CheckResults) -> String {
        JSONValue.object([
            ("version", .integer(jsonVersion)),
            ("derive", .string(DeriveVersion.current)),
            ("strict", .bool(results.strict)),
            ("result", .string(results.result.rawValue)),
            ("exitStatus", .integer(Int(results.result.exitStatus))),
            ("counts", JSONReport.counts(results.runs)),
            ("notebooks", .array(results.runs.map { JSONReport.notebook($0, strict: results.strict) })),
            ("diagnostics", .array(results.unreadable.map(JSONReport.diagnostic))),
        ]).written()
    }
}

/// The walker behind `CheckSummary.json`: one function per kind of node of the document.
enum JSONReport {
    static func notebook(_ run: NotebookRun, strict: Bool) -> JSONValue {
        .object([
            ("path", .string(run.notebook.file.path)),
            ("title", .string(run.notebook.title)),
            ("expectsFailure", .bool(run.expectsFailure)),
            ("surprisePass", .bool(run.outcome.isSurprisePass)),
            ("result", .string(run.result(strict: strict).rawValue)),
            ("counts", counts([run])),
            ("checks", .array(run.checks.map { check($0, in: run) })),
            ("diagnostics", .array(run.diagnostics.map(diagnostic))),
        ])
    }

    static func counts(_ runs: [NotebookRun]) -> JSONValue {
        let checks = runs.flatMap(\.checks)
        let diagnostics = runs.flatMap(\.diagnostics)
        let expected = runs.map { run in run.checks.filter(run.isExpectedFailure).count }.reduce(0, +)
        let rows = checks.map(\.judgement.rows.count).reduce(0, +)
        let counts: [(String, Int)] = [
            ("checks", checks.count),
            ("pass", checks.filter { $0.status == .pass }.count),
            ("fail", checks.filter { $0.status == .fail }.count),
            ("expectedFail", expected),
            ("inconclusive", checks.filter { $0.status == .inconclusive }.count),
            ("notRun", checks.filter { $0.status == .notRun }.count),
            ("vacuous", checks.filter(\.isVacuous).count),
            ("rows", rows),
            ("errors", diagnostics.filter { $0.severity == .error }.count),
            ("warnings", diagnostics.filter { $0.severity == .warning }.count),
        ]
        return .object(counts.map { ($0, JSONValue.integer($1)) })
    }

    static func check(_ check: CheckResult, in run: NotebookRun) -> JSONValue {
        let file = run.notebook.file
        let start = file.location(of: check.range.lowerBound)
        let end = file.location(of: check.range.upperBound)
        let equals = file.location(of: check.relation.lowerBound)
        return .object([
            ("line", .integer(start.line)),
            ("column", .integer(start.column)),
            ("endLine", .integer(end.line)),
            ("endColumn", .integer(end.column)),
            ("equalsLine", .integer(equals.line)),
            ("equalsColumn", .integer(equals.column)),
            ("relation", .string("\(file.path):\(equals.line):\(equals.column)")),
            ("cell", .integer(check.cell)),
            ("equation", .integer(check.equation)),
            ("step", .integer(check.step)),
            ("label", .string(check.label)),
            ("left", .string(check.leftTeX)),
            ("right", .string(check.rightTeX)),
            ("claim", .string(check.claimIsLeft ? "left" : "right")),
            ("parameter", .string(check.parameterName)),
            ("rowIndices", .array(check.rowIndices.map(index))),
            ("entryIndices", .array(check.entryIndices.map(index))),
            ("verdict", .string(check.status.rawValue)),
            ("notRun", check.notRun.map(notRun) ?? .null),
            ("expectedFailure", .bool(run.isExpectedFailure(check))),
            ("vacuous", .bool(check.isVacuous)),
            ("hints", .array(check.judgement.hints.map(hint))),
            ("warnings", .array(check.judgement.warnings.map(JSONValue.string))),
            ("rows", .array(zip(check.judgement.rows, check.assignments).map { row($0, $1, of: check) })),
        ])
    }

    static func notRun(_ notRun: NotRun) -> JSONValue {
        .object([
            ("reason", .string(notRun.reason)), ("cause", .string(notRun.cause.rawValue)),
            ("limit", .string(notRun.limit?.rawValue)),
        ])
    }

    static func index(_ range: IndexRange) -> JSONValue {
        .object([("name", .string(range.name)), ("first", .integer(1)), ("last", .integer(range.upper))])
    }

    static func hint(_ hint: Hint) -> JSONValue {
        let (kind, factor, power): (String, Double?, Int?) =
            switch hint.kind {
            case .parameterInsteadOfLogarithm: ("parameterInsteadOfLogarithm", nil, nil)
            case .logarithmInsteadOfParameter: ("logarithmInsteadOfParameter", nil, nil)
            case .constantFactor(let c): ("constantFactor", c, nil)
            case .signFlip: ("signFlip", -1, nil)
            case .powerOfParameter(let p, let c): ("powerOfParameter", c, p)
            }
        return .object([
            ("kind", .string(kind)),
            ("message", .string(hint.message)),
            ("factor", .real(factor, significant: CheckSummary.valueDigits)),
            ("power", .integer(power)),
        ])
    }

    static func row(_ row: RowJudgement, _ values: [Int], of check: CheckResult) -> JSONValue {
        let digits = CheckSummary.valueDigits
        let noise = 2
        return .object([
            ("assignment", .object(zip(check.rowIndices, values).map { ($0.name, .integer($1)) })),
            ("verdict", .string(row.verdict.rawValue)),
            ("reason", .string(row.reason)),
            ("vacuous", .bool(row.vacuous)),
            ("parameter", .real(row.parameter, significant: digits)),
            ("claimed", row.claimed.map(value) ?? .null),
            ("reference", row.reference.map(value) ?? .null),
            ("absoluteError", .real(row.absoluteError, significant: noise)),
            ("relativeError", .real(row.relativeError, significant: noise)),
            (
                "worstIndex",
                row.worstIndex.map { .object([("row", .integer($0.row + 1)), ("column", .integer($0.column + 1))]) }
                    ?? .null
            ),
            ("worstAbsoluteError", .real(row.worstAbsoluteError, significant: noise)),
            ("ratio", .real(row.ratio, significant: digits)),
            ("allowance", .real(row.allowance, significant: noise)),
            ("errorEstimate", .real(row.errorEstimate, significant: noise)),
            ("step", .real(row.step, significant: digits)),
            ("taylorSlope", .real(row.taylorSlope, significant: noise)),
        ])
    }

    /// A scalar as a number; a matrix as its shape, Frobenius norm and, up to
    /// `jsonEntryLimit` entries, its entries row by row.
    static func value(_ matrix: Matrix) -> JSONValue {
        let digits = CheckSummary.valueDigits
        if let scalar = matrix.scalarValue { return .real(scalar, significant: digits) }
        let entries: JSONValue =
            matrix.count <= CheckSummary.jsonEntryLimit
            ? .array(
                (0..<matrix.rows).map { i in
                    .array((0..<matrix.columns).map { j in .real(matrix[i, j], significant: digits) })
                }) : .null
        return .object([
            ("rows", .integer(matrix.rows)),
            ("columns", .integer(matrix.columns)),
            ("norm", .real(matrix.frobeniusNorm, significant: digits)),
            ("entries", entries),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        let start = diagnostic.location
        let end = diagnostic.file.flatMap { file in diagnostic.range.map { file.location(of: $0.upperBound) } }
        return .object([
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("help", .string(diagnostic.help)),
            ("path", .string(diagnostic.file?.path)),
            ("line", .integer(start?.line)),
            ("column", .integer(start?.column)),
            ("endLine", .integer(end?.line)),
            ("endColumn", .integer(end?.column)),
            ("notes", .array(diagnostic.notes.map { note(note: $0, of: diagnostic) })),
        ])
    }

    static func note(note: Diagnostic.Note, of diagnostic: Diagnostic) -> JSONValue {
        let location = diagnostic.file.flatMap { file in note.range.map { file.location(of: $0.lowerBound) } }
        return .object([
            ("message", .string(note.message)),
            ("line", .integer(location?.line)),
            ("column", .integer(location?.column)),
        ])
    }
}
