import Checks
import Diagnostics
import Numerics
import Pipeline
import Setup
import TeX

extension CheckSummary {
    /// JUnit XML for CI test reporters: a `<testsuite>` per notebook (named by its path), a
    /// `<testcase>` per check row (classname the notebook's path, name the line, the equation
    /// and the row's index values), with `<failure>` for a failed row (message: reason and
    /// hint), `<skipped>` for an inconclusive one (message: reason) and for a failure a lesson
    /// (`expect: fail`) is kept to show, and an `<error>` test case per notebook error. With
    /// `strict`, inconclusive rows fail and warnings are errors, so the XML fails exactly
    /// when the exit status does.
    public static func junit(_ results: CheckResults) -> String {
        var suites: [JUnitReport.Suite] = results.runs.map { JUnitReport.suite($0, strict: results.strict) }
        if !results.unreadable.isEmpty {
            suites.append(JUnitReport.Suite(name: "derive", cases: results.unreadable.map(JUnitReport.errorCase)))
        }
        let totals = suites.reduce(into: JUnitReport.Counts()) { $0.add($1.counts) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"derive check\"\(totals.attributes)>\n"
        for suite in suites { out += suite.xml }
        return out + "</testsuites>\n"
    }
}

/// The walker behind `CheckSummary.junit`.
enum JUnitReport {
    /// One `<testcase>`: where it is, its name, and at most one outcome element.
    struct Case {
        enum Outcome {
            case pass
            case failure(type: String, message: String, text: String)
            case skipped(type: String, message: String)
            case error(type: String, message: String, text: String)
        }
        var classname: String
        var name: String
        var file: String?
        var line: Int?
        var outcome: Outcome
    }

    struct Counts {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }

        var attributes: String {
            " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        }
    }

    struct Suite {
        var name: String
        var cases: [Case]

        var counts: Counts {
            var counts = Counts(tests: cases.count)
            for item in cases {
                switch item.outcome {
                case .pass: break
                case .failure: counts.failures += 1
                case .skipped: counts.skipped += 1
                case .error: counts.errors += 1
                }
            }
            return counts
        }

        var xml: String {
            var out = "  <testsuite name=\"\(XMLText.escape(name, in: .attribute))\"\(counts.attributes)>\n"
            for item in cases { out += JUnitReport.xml(item) }
            return out + "  </testsuite>\n"
        }
    }

    static func suite(_ run: NotebookRun, strict: Bool) -> Suite {
        let path = run.notebook.file.path
        var cases: [Case] = []
        for diagnostic in run.diagnostics
        where diagnostic.severity == .error || (strict && diagnostic.severity == .warning) {
            cases.append(errorCase(diagnostic))
        }
        for check in run.checks {
            let line = run.notebook.file.location(of: check.range.lowerBound).line
            if let notRun = check.notRun {
                let message = "did not run: " + notRun.reason
                cases.append(
                    Case(
                        classname: path, name: "line \(line): \(SummaryText.equation(check))", file: path, line: line,
                        outcome: .error(type: "not run", message: message, text: message)))
                continue
            }
            for (row, values) in zip(check.judgement.rows, check.assignments) {
                let assignment = SummaryText.assignment(values, of: check)
                var name = "line \(line): \(SummaryText.equation(check))"
                if !assignment.isEmpty { name += " [\(assignment)]" }
                let outcome = self.outcome(row, of: check, expected: run.isExpectedFailure(check), strict: strict)
                cases.append(Case(classname: path, name: name, file: path, line: line, outcome: outcome))
            }
        }
        if run.outcome.isSurprisePass {
            let message = "marked 'expect: fail' but nothing failed"
            cases.append(
                Case(
                    classname: path, name: "expect: fail", file: path, line: 1,
                    outcome: .failure(type: "unexpected pass", message: message, text: message)))
        }
        return Suite(name: path, cases: cases)
    }

    static func outcome(_ row: RowJudgement, of check: CheckResult, expected: Bool, strict: Bool) -> Case.Outcome {
        let hint = check.judgement.hints.first.map { " — \($0.message)" } ?? ""
        let text = ([SummaryText.numbers(row)] + check.judgement.hints.map { "hint: \($0.message)" }).joined(
            separator: "\n")
        switch row.verdict {
        case .pass: return .pass
        case .fail where expected:
            return .skipped(type: "expected failure", message: "fails as expected: " + row.reason + hint)
        case .fail: return .failure(type: "fail", message: row.reason + hint, text: text)
        case .inconclusive where strict: return .failure(type: "inconclusive", message: row.reason, text: text)
        case .inconclusive: return .skipped(type: "inconclusive", message: row.reason)
        }
    }

    /// A notebook error (or, with `--strict`, a warning) as a test case of its own.
    static func errorCase(_ diagnostic: Diagnostic) -> Case {
        let path = diagnostic.file?.path ?? "derive"
        let location = diagnostic.location
        var name = "\(diagnostic.severity.rawValue): \(diagnostic.message)"
        if let location { name = "line \(location.line): " + name }
        return Case(
            classname: path, name: name, file: diagnostic.file?.path, line: location?.line,
            outcome: .error(
                type: diagnostic.severity.rawValue, message: diagnostic.message,
                text: DiagnosticRenderer().render(diagnostic)))
    }

    static func xml(_ item: Case) -> String {
        var out =
            "    <testcase classname=\"\(XMLText.escape(item.classname, in: .attribute))\" name=\"\(XMLText.escape(item.name, in: .attribute))\""
        if let file = item.file { out += " file=\"\(XMLText.escape(file, in: .attribute))\"" }
        if let line = item.line { out += " line=\"\(line)\"" }
        func element(_ tag: String, _ type: String, _ message: String, _ text: String) -> String {
            "      <\(tag) type=\"\(XMLText.escape(type, in: .attribute))\" message=\"\(XMLText.escape(message, in: .attribute))\">"
                + XMLText.escape(text, apostrophes: false) + "</\(tag)>\n"
        }
        switch item.outcome {
        case .pass: return out + "/>\n"
        case .failure(let type, let message, let text): out += ">\n" + element("failure", type, message, text)
        case .error(let type, let message, let text): out += ">\n" + element("error", type, message, text)
        case .skipped(let type, let message):
            out +=
                ">\n      <skipped type=\"\(XMLText.escape(type, in: .attribute))\" message=\"\(XMLText.escape(message, in: .attribute))\"/>\n"
        }
        return out + "    </testcase>\n"
    }
}
