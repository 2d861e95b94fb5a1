import Checks
import Pipeline

/// The checks that changed between two runs of one notebook, one line each, in the text
/// format's words: `path:line:col: PASS → FAIL equation [i = 1…3] — hint`. A check is the same
/// check in both runs when its equation and indices read the same, or else, once edited, when
/// it is the same step of the same equation of the same checked block.
public enum ChangeSummary {
    /// One line per check that flipped, came or went between `old` and `new`.
    public static func changes(from old: NotebookRun, to new: NotebookRun) -> [String] {
        let before = keyed(old)
        let after = keyed(new)
        var unmatchedBefore = Set(before.indices)
        var pairs: [(old: Int?, new: Int)] = []
        var byText: [String: [Int]] = [:]
        for (index, entry) in before.enumerated() { byText[entry.text, default: []].append(index) }
        var unmatchedAfter: [Int] = []
        for (index, entry) in after.enumerated() {
            if let match = byText[entry.text]?.first(where: { unmatchedBefore.contains($0) }) {
                unmatchedBefore.remove(match)
                pairs.append((match, index))
            } else {
                unmatchedAfter.append(index)
            }
        }
        for index in unmatchedAfter {
            let match = unmatchedBefore.sorted().first { before[$0].place == after[index].place }
            if let match { unmatchedBefore.remove(match) }
            pairs.append((match, index))
        }
        var lines: [(position: Int, text: String)] = []
        for pair in pairs {
            let check = after[pair.new].check
            let verdict = check.verdict.rawValue.uppercased()
            if let previous = pair.old.map({ before[$0].check }) {
                guard previous.verdict != check.verdict else { continue }
                let change = "\(previous.verdict.rawValue.uppercased()) → \(verdict)"
                lines.append((check.relation.lowerBound, line(check, in: new, verdict: change)))
            } else {
                lines.append((check.relation.lowerBound, line(check, in: new, verdict: "new, \(verdict)")))
            }
        }
        let removed = unmatchedBefore.sorted().map {
            "\(old.notebook.file.path): removed: \(SummaryText.equation(before[$0].check))"
        }
        return lines.sorted { $0.position < $1.position }.map(\.text) + removed
    }

    /// Each check with what identifies it: its text (equation and indices, numbered among
    /// checks that read the same) and its place (which checked block, equation and step).
    private static func keyed(_ run: NotebookRun) -> [(text: String, place: [Int], check: CheckResult)] {
        let blocks = Array(Set(run.checks.map(\.cell))).sorted()
        var seen: [String: Int] = [:]
        return run.checks.map { check in
            let text = "\(SummaryText.equation(check)) [\(SummaryText.indices(check))]"
            seen[text, default: 0] += 1
            let block = blocks.firstIndex(of: check.cell) ?? -1
            return ("\(text) #\(seen[text] ?? 0)", [block, check.equation, check.step], check)
        }
    }

    private static func line(_ check: CheckResult, in run: NotebookRun, verdict: String) -> String {
        let file = run.notebook.file
        let location = file.location(of: check.relation.lowerBound)
        let indices = SummaryText.indices(check)
        var text = "\(file.path):\(location.line):\(location.column): \(verdict) \(SummaryText.equation(check))"
        if !indices.isEmpty { text += " [\(indices)]" }
        if let hint = check.judgement.hints.first { text += " — \(hint.message)" }
        return text
    }
}

extension ChangeSummary {
    /// The line for a report written: `output/x.html: updated, 2 checks: 1 pass, 1 fail`.
    public static func written(_ report: String, run: NotebookRun, first: Bool) -> String {
        "\(report): \(first ? "rendered" : "updated"), \(CheckSummary.counts(run.outcome))"
    }
}
