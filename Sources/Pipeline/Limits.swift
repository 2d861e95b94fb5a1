import Checks
import Diagnostics
import Notebook
import Setup

/// The limits of evaluation as the command line and a notebook's front matter name them.
/// The command line sets them (`--time-limit`, …); a notebook may lower them in its front
/// matter but never raise them: notebooks come from pull requests, and a fork must not grant
/// itself more.
public enum Limits {
    /// One limit: its names and where it lives in `EvaluationOptions`.
    struct Setting {
        var limit: EvaluationLimit
        /// The front matter key, e.g. `time-limit`.
        var key: String
        /// The command-line option, e.g. `--time-limit`, and its value's name.
        var option: String
        var valueName: String
        /// What it limits, in words.
        var what: String
        var get: @Sendable (EvaluationOptions) -> Double
        var set: @Sendable (inout EvaluationOptions, Double) -> Void
        /// Whether the value is a whole number.
        var integral: Bool

        /// A value as messages write it: `20 s`, `1000`.
        func text(_ value: Double) -> String {
            limit == .time ? number(value) + " s" : number(value)
        }

        /// A value as the command line takes it: `20`, `0.5`.
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
    }

    static let settings: [Setting] = [
        Setting(
            limit: .time, key: "time-limit", option: "--time-limit", valueName: "SECONDS",
            what: "the time budget", get: { $0.timeBudget }, set: { $0.timeBudget = $1 }, integral: false),
        Setting(
            limit: .entries, key: "max-entries", option: "--max-entries", valueName: "N",
            what: "the limit on a value's entries", get: { Double($0.maxElements) },
            set: { $0.maxElements = Int($1) }, integral: true),
        Setting(
            limit: .callDepth, key: "max-call-depth", option: "--max-call-depth", valueName: "N",
            what: "the limit on nested function calls", get: { Double($0.maxCallDepth) },
            set: { $0.maxCallDepth = Int($1) }, integral: true),
        Setting(
            limit: .iterations, key: "max-iterations", option: "--max-iterations", valueName: "N",
            what: "the limit on the steps of 'fixpoint'", get: { Double($0.fixpointLimit) },
            set: { $0.fixpointLimit = Int($1) }, integral: true),
    ]

    static func setting(_ limit: EvaluationLimit) -> Setting {
        settings.first { $0.limit == limit } ?? settings[0]
    }

    /// `options` with the limits the front matter lowers, and a diagnostic for each value
    /// that is not a number, or that would raise a limit (which keeps the command line's).
    static func applying(_ frontMatter: FrontMatter, to options: EvaluationOptions, file: SourceFile) -> (
        EvaluationOptions, [Diagnostic]
    ) {
        var result = options
        var diagnostics: [Diagnostic] = []
        for setting in settings {
            guard let text = frontMatter[setting.key] else { continue }
            let range = frontMatter.range(of: setting.key)
            let allowed = setting.get(options)
            guard let value = Double(text), value.isFinite, value >= 0, !setting.integral || value == value.rounded()
            else {
                diagnostics.append(
                    .error(
                        "'\(setting.key)' must be a \(setting.integral ? "whole number" : "number of seconds"), not '\(text)'",
                        file: file, range: range, help: "write '\(setting.key): \(setting.text(allowed))' or less"))
                continue
            }
            guard value <= allowed else {
                diagnostics.append(
                    .warning(
                        "'\(setting.key): \(text)' would raise \(setting.what) above \(setting.text(allowed)); \(setting.text(allowed)) is used",
                        file: file, range: range,
                        help:
                            "a notebook may lower a limit, never raise it; to allow more, run derive with \(setting.option) \(setting.number(value))"
                    ))
                continue
            }
            setting.set(&result, value)
        }
        return (result, diagnostics)
    }

    /// One error naming every check a limit stopped, and how to raise the limit: nil when
    /// none was.
    static func notRunDiagnostic(
        _ checks: [CheckResult], file: SourceFile, options: EvaluationOptions, frontMatter: FrontMatter
    ) -> Diagnostic? {
        let stopped = checks.filter { $0.notRun?.limit != nil }
        guard let first = stopped.first, let reason = first.notRun?.reason else { return nil }
        let limits = stopped.compactMap { $0.notRun?.limit }.reduce(into: [EvaluationLimit]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        let count = "\(stopped.count) of \(checks.count) check\(checks.count == 1 ? "" : "s")"
        let help = limits.map { limit -> String in
            let setting = setting(limit)
            var text =
                "raise \(setting.what) with \(setting.option) \(setting.valueName) (it is \(setting.text(setting.get(options))))"
            if frontMatter[setting.key] != nil {
                text += "; this notebook's front matter lowered it with '\(setting.key)'"
            }
            return text
        }.joined(separator: "; ")
        return .error(
            "\(count) did not run: \(reason)", file: file, range: first.relation,
            help: help,
            notes: stopped.map { check in
                .init("did not run: \(check.leftTeX.oneLine) = \(check.rightTeX.oneLine)", range: check.relation)
            })
    }
}

extension String {
    /// The text on one line, runs of white space collapsed.
    fileprivate var oneLine: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
