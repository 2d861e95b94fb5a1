import Diagnostics
import Evaluation
import Foundation

/// `derive watch`'s memory between renders: each notebook's inputs when it was last rendered,
/// its last run, and whether the report on disk is a good one. `refresh()` re-renders only
/// the notebooks whose inputs (the notebook or a data file it reads) changed, and says only
/// what changed: a check that flipped, came or went, a new diagnostic, a report kept.
public struct WatchSession {
    /// What a refresh has to say, for the command line to print.
    public struct Update: Sendable {
        /// Lines for stdout, in order.
        public var lines: [String] = []
        /// Diagnostics not seen in the notebook's previous run, for stderr.
        public var diagnostics: [Diagnostic] = []
        /// Files that could not be read or written (`path: error: message (while …)`), for stderr.
        public var failures: [String] = []
    }

    private struct Tracked {
        var inputs: InputsHash
        var run: NotebookRun
        /// The last run without a notebook error: flips are told against it.
        var good: NotebookRun?
        /// Whether the report on disk was rendered from a run without a notebook error.
        var reportIsGood: Bool
    }

    private let pipeline: RenderPipeline
    private let paths: [String]
    private let outputDirectory: String
    private var tracked: [String: Tracked] = [:]

    /// A session over the notebooks of `paths`, reported into `outputDirectory`.
    public init(pipeline: RenderPipeline, paths: [String], outputDirectory: String) {
        self.pipeline = pipeline
        self.paths = paths
        self.outputDirectory = outputDirectory
    }

    /// The folders to watch: each named folder and each named notebook's folder, with their
    /// subfolders (a notebook's data files are inside its folder), but not the output folder
    /// or hidden folders.
    public var folders: [String] {
        let output = (outputDirectory as NSString).standardizingPath
        var folders: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let root = exists && isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
            let base = root.isEmpty ? "." : root
            folders.append(base)
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = (base as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue else {
                    continue
                }
                if (relative as NSString).lastPathComponent.hasPrefix(".")
                    || (full as NSString).standardizingPath == output
                {
                    enumerator.skipDescendants()
                    continue
                }
                folders.append(full)
            }
        }
        return folders
    }

    /// Renders every notebook whose inputs changed since the last refresh (all of them the
    /// first time). A notebook that has an error keeps its last good report.
    public mutating func refresh() -> Update {
        var update = Update()
        let jobs: [RenderPipeline.Job]
        do {
            jobs = try RenderPipeline.jobs(paths: paths, outputDirectory: outputDirectory)
        } catch {
            update.failures.append("\(error)")
            return update
        }
        let current = Set(jobs.map(\.notebook))
        for notebook in tracked.keys.sorted() where !current.contains(notebook) {
            tracked[notebook] = nil
            update.lines.append("\(notebook): gone; its report stays")
        }
        for job in jobs { refresh(job, into: &update) }
        return update
    }

    private mutating func refresh(_ job: RenderPipeline.Job, into update: inout Update) {
        let before = tracked[job.notebook]
        let rendered: RenderedReport
        do {
            if let before, try pipeline.inputs(of: job) == before.inputs { return }
            rendered = try pipeline.render(job)
        } catch {
            update.failures.append("\(error)")
            return
        }
        let run = rendered.run
        let hasErrors = run.outcome.hasErrors
        let seen = Set((before?.run.diagnostics ?? []).map(Self.identity))
        update.diagnostics += run.diagnostics.filter { !seen.contains(Self.identity($0)) }
        // While the notebook has an error its checks may not run: the diagnostics say why,
        // and flips are told once it is fixed, against its last good run.
        if let before, !hasErrors {
            update.lines += ChangeSummary.changes(from: before.good ?? before.run, to: run)
        }
        let keep = hasErrors && before?.reportIsGood == true
        if keep {
            update.lines.append("\(job.report): kept, since \(job.notebook) has an error (shown above)")
        } else {
            do {
                try RenderPipeline.write(rendered.html, to: job.report)
            } catch {
                update.failures.append("\(error)")
                return
            }
            let counts = CheckSummary.counts(run.outcome)
            update.lines.append("\(job.report): \(before == nil ? "rendered" : "updated"), \(counts)")
        }
        tracked[job.notebook] = Tracked(
            inputs: rendered.inputs, run: run, good: hasErrors ? before?.good : run,
            reportIsGood: keep ? true : !hasErrors)
    }

    /// A diagnostic as it reads without its position, so that one moved by an edit above it
    /// is not new.
    private static func identity(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.severity.rawValue): \(diagnostic.message) | \(diagnostic.help ?? "")"
    }
}

/// The checks that changed between two runs of one notebook, one line each, in the text
/// format's words: `path:line:col: PASS → FAIL equation [i = 1…3] — hint`. A check is the same
/// check in both runs when its equation and indices read the same, or else, once edited, when
/// it is the same step of the same equation of the same checked block.
enum ChangeSummary {
    static func changes(from old: NotebookRun, to new: NotebookRun) -> [String] {
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
