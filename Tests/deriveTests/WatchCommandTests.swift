import Foundation
import Testing

/// `derive watch` running in the background, its stdout and stderr collected as they come.
private final class WatchProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = DeriveProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Haswell",
        ]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.append(handle.availableData, toError: false)
        }
        stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.append(handle.availableData, toError: true)
        }
        try process.run()
    }

    private func append(_ data: Data, toError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toError {
            err += String(decoding: data, as: UTF8.self)
        } else {
            out += String(decoding: data, as: UTF8.self)
        }
    }

    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }

    /// Waits until stdout holds `text` after its first `offset` characters; false after `seconds`.
    func waitFor(_ text: String, after offset: Int = 0, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if String(stdout.dropFirst(offset)).contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Sends SIGINT, as Ctrl-C does, and returns the exit status.
    func interrupt() -> Int32 {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            // Never leave it behind: SIGTERM is one of the signals it catches.
            kill(process.processIdentifier, SIGKILL)
            return -1
        }
        return process.terminationStatus
    }
}

@Suite struct WatchCommandTests {
    /// Saves `text` to `url` as editors do: a new file beside it, renamed over it.
    private func saveLikeAnEditor(_ text: String, to url: URL) throws {
        let swap = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).swp")
        try Data(text.utf8).write(to: swap)
        #expect(rename(swap.path, url.path) == 0)
    }

    @Test func watchRendersThenTellsOnlyWhatChangedAndStopsOnCtrlC() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["setup-data"])
        #expect(try DeriveProcess.run(["init"], in: workspace).status == 0)
        let notebook = workspace.appendingPathComponent("notebooks/rbf-chain-rule.md")
        let report = workspace.appendingPathComponent("output/rbf-chain-rule.html")
        let right = try String(contentsOf: notebook, encoding: .utf8)

        let watch = try WatchProcess(["watch"], in: workspace)
        #expect(watch.waitFor("watching notebooks (Ctrl-C to stop)\n"))
        #expect(
            watch.stdout == """
                output/rbf-chain-rule.html: rendered, 2 checks: 2 pass
                output/regression.html: rendered, 0 checks: 0 pass
                watching notebooks (Ctrl-C to stop)

                """)

        // The slip the notebook invites: the check flips, and only that is told.
        var mark = watch.stdout.count
        try saveLikeAnEditor(
            right.replacingOccurrences(of: #"\frac{1}{\lambda_i^2}\, D_i"#, with: #"\frac{1}{\lambda_i^3}\, D_i"#),
            to: notebook)
        #expect(watch.waitFor("output/rbf-chain-rule.html: updated", after: mark))
        #expect(
            String(watch.stdout.dropFirst(mark)) == """
                notebooks/rbf-chain-rule.md:34:3: PASS → FAIL \\lambda_i \\frac{\\partial K}{\\partial \\lambda_i} = \
                \\frac{1}{\\lambda_i^3}\\, D_i \\circ K [i = 1…2] — claim/reference follows 1/λᵢ: a derivative with \
                respect to λ where ln λ was meant
                output/rbf-chain-rule.html: updated, 2 checks: 1 pass, 1 fail

                """)
        let failing = try Data(contentsOf: report)
        #expect(String(decoding: failing, as: UTF8.self).contains(#"<span class="chip fail">1 fail</span>"#))

        // Mid-edit, a name that does not exist: the last good report stays, and derive says why.
        mark = watch.stdout.count
        try saveLikeAnEditor(right.replacingOccurrences(of: "lengthScale: λ)", with: "lengthScale: λλ)"), to: notebook)
        #expect(watch.waitFor("kept", after: mark))
        #expect(
            String(watch.stdout.dropFirst(mark))
                == "output/rbf-chain-rule.html: kept, since notebooks/rbf-chain-rule.md has an error (shown above)\n")
        #expect(watch.stderr.contains("notebooks/rbf-chain-rule.md:29:29: error: unknown name 'λλ'"))
        #expect(try Data(contentsOf: report) == failing)

        // Fixed: the flip is told against the last good run.
        mark = watch.stdout.count
        try saveLikeAnEditor(right, to: notebook)
        #expect(watch.waitFor("output/rbf-chain-rule.html: updated", after: mark))
        #expect(
            String(watch.stdout.dropFirst(mark)) == """
                notebooks/rbf-chain-rule.md:34:3: FAIL → PASS \\lambda_i \\frac{\\partial K}{\\partial \\lambda_i} = \
                \\frac{1}{\\lambda_i^2}\\, D_i \\circ K [i = 1…2]
                output/rbf-chain-rule.html: updated, 2 checks: 2 pass

                """)

        // A data file a notebook reads: that notebook alone is rendered again.
        mark = watch.stdout.count
        let data = workspace.appendingPathComponent("notebooks/data/points.csv")
        try saveLikeAnEditor("x,y\n0.0,0.1\n0.5,0.4\n1.0,0.8\n2.5,0.9\n", to: data)
        #expect(watch.waitFor("output/regression.html: updated", after: mark))
        #expect(String(watch.stdout.dropFirst(mark)) == "output/regression.html: updated, 0 checks: 0 pass\n")
        let regression = try String(
            contentsOf: workspace.appendingPathComponent("output/regression.html"), encoding: .utf8)
        #expect(regression.contains("<code>[0, 0.5, 1, 2.5]&#39;</code>"))

        // A notebook that appears is rendered; one that goes is named, its report left.
        mark = watch.stdout.count
        let added = workspace.appendingPathComponent("notebooks/added.md")
        try saveLikeAnEditor("# Added\n\nNo checks yet.\n", to: added)
        #expect(watch.waitFor("output/added.html: rendered", after: mark))
        #expect(String(watch.stdout.dropFirst(mark)) == "output/added.html: rendered, 0 checks: 0 pass\n")
        mark = watch.stdout.count
        try FileManager.default.removeItem(at: added)
        #expect(watch.waitFor("gone", after: mark))
        #expect(String(watch.stdout.dropFirst(mark)) == "notebooks/added.md: gone; its report stays\n")
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("output/added.html").path))

        #expect(watch.interrupt() == 0)
        #expect(!watch.stderr.contains("error: cannot"))
    }

    @Test func watchRefusesAFolderThatDoesNotExist() throws {
        let workspace = try DeriveProcess.workspace(fixtures: [])
        let result = try DeriveProcess.run(["watch", "nowhere"], in: workspace)
        #expect(result.status == 64)
        #expect(result.stderr == "nowhere: error: no such file or folder (while finding notebooks)\n")
    }
}
