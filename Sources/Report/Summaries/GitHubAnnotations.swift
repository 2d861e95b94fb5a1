import Checks
import Diagnostics
import Pipeline
import Setup

extension CheckSummary {
    /// Whether `environment` is a GitHub Actions job (`GITHUB_ACTIONS` is `true`), where
    /// `derive check` annotates the notebooks.
    public static func wantsAnnotations(environment: [String: String]) -> Bool {
        environment["GITHUB_ACTIONS"] == "true"
    }

    /// GitHub Actions workflow commands that put the results on the notebooks' lines in a
    /// pull request: `::error` for each error diagnostic and each failed check (a failure a
    /// lesson marked `expect: fail` is kept to show is none), `::warning` for each warning,
    /// each inconclusive check and each warning of a check's judge; `::error` for each check
    /// that did not run. One line per command,
    /// in the order of the notebooks.
    public static func annotations(_ results: CheckResults) -> String {
        var out = results.unreadable.map(Annotation.init(diagnostic:)).map(\.command).joined()
        for run in results.runs {
            let file = run.notebook.file
            for diagnostic in run.diagnostics where diagnostic.severity != .note {
                out += Annotation(diagnostic: diagnostic).command
            }
            for check in run.checks {
                let start = file.location(of: check.range.lowerBound)
                let end = file.location(of: check.range.upperBound)
                func annotate(_ level: String, _ title: String, _ lines: [String]) {
                    out +=
                        Annotation(
                            level: level, file: file.path, start: start, end: end, title: "derive: " + title,
                            message: ([SummaryText.equation(check)] + lines).joined(separator: "\n")
                        ).command
                }
                let details = SummaryText.troubledRows(check) + check.judgement.hints.map { "hint: \($0.message)" }
                switch check.status {
                case .fail where !run.isExpectedFailure(check): annotate("error", "the check fails", details)
                case .inconclusive: annotate("warning", "the check is inconclusive", details)
                case .notRun where check.notRun?.cause != .error:
                    // A check's own error is annotated already, as a diagnostic.
                    annotate("error", "the check did not run", [check.notRun?.reason ?? ""])
                default: break
                }
                for warning in check.judgement.warnings { annotate("warning", "warning", [warning]) }
            }
        }
        return out
    }
}

/// One workflow command, `::level file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
/// escaped the way GitHub's toolkit does: in the message `%`, CR and LF as `%25`, `%0D`,
/// `%0A`; in properties also `:` and `,` as `%3A` and `%2C`.
struct Annotation {
    var level: String
    var file: String?
    var start: SourceLocation?
    var end: SourceLocation?
    var title: String
    var message: String

    /// A diagnostic as an annotation of its severity, its help on a line of its own.
    init(diagnostic: Diagnostic) {
        level = diagnostic.severity == .error ? "error" : "warning"
        file = diagnostic.file?.path
        start = diagnostic.location
        end = diagnostic.file.flatMap { file in diagnostic.range.map { file.location(of: $0.upperBound) } }
        title = "derive: \(diagnostic.severity.rawValue)"
        message = diagnostic.message + (diagnostic.help.map { "\nhelp: \($0)" } ?? "")
    }

    init(level: String, file: String?, start: SourceLocation?, end: SourceLocation?, title: String, message: String) {
        self.level = level
        self.file = file
        self.start = start
        self.end = end
        self.title = title
        self.message = message
    }

    var command: String {
        var properties: [(String, String)] = []
        if let file { properties.append(("file", file)) }
        if let start {
            properties += [("line", String(start.line)), ("col", String(start.column))]
        }
        if let end {
            properties += [("endLine", String(end.line)), ("endColumn", String(end.column))]
        }
        properties.append(("title", title))
        let list = properties.map { "\($0)=\(Self.escapeProperty($1))" }.joined(separator: ",")
        return "::\(level) \(list)::\(Self.escapeData(message))\n"
    }

    /// `%`, CR and LF as `%25`, `%0D`, `%0A`.
    static func escapeData(_ text: String) -> String { escape(text, property: false) }

    /// `escapeData`, and `:` and `,` as `%3A` and `%2C`.
    static func escapeProperty(_ text: String) -> String { escape(text, property: true) }

    private static func escape(_ text: String, property: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where property: out += "%3A"
            case "," where property: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
