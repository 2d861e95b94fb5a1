import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// No check is ever lost: a check that a limit stops is listed as not run, with its reason, in
/// every format, and the notebook exits 3 with a diagnostic that names the checks and says how
/// to raise the limit.
@Suite struct NotRunCommandTests {
    static let equations = [
        #"\frac{\partial \ell}{\partial \theta_i} = \tfrac12 \operatorname{tr}\left((\alpha\alpha^\top - K^{-1}) \frac{\partial K}{\partial \theta_i}\right)"#,
        #"\frac{\partial K}{\partial \lambda_i} = \frac{1}{\lambda_i^3}\, D_i \circ K"#,
        #"\frac{\partial K}{\partial \theta_i} = \frac{1}{\lambda_i^2}\, D_i \circ K"#,
    ]

    /// The text format's check lines: status and reason.
    static func checkLines(_ stdout: String) -> [Substring] {
        stdout.split(separator: "\n").filter { $0.hasPrefix("notebooks/budget.md:") && $0.contains(": ") }
            .filter { !$0.hasPrefix("notebooks/budget.md: ") }
    }

    @Test func aBudgetTheChecksRunOutOfListsEveryCheckThatDidNotRunAndExits3InEveryFormat() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-budget"])

        let text = try DeriveProcess.run(["check", "--no-cache"], in: workspace)
        #expect(text.status == 3)
        let lines = Self.checkLines(text.stdout)
        #expect(lines.count == 3, "\(text.stdout)")
        #expect(lines.last?.contains(": NOT RUN ") == true)
        let notRun = lines.filter { $0.contains(": NOT RUN ") }
        #expect(notRun.allSatisfy { $0.hasSuffix("— did not run: the time budget of 0.2 s was spent") })
        #expect(text.stderr.contains("of 3 checks did not run: the time budget of 0.2 s was spent"))
        #expect(text.stderr.contains("help: raise the time budget with --time-limit SECONDS (it is 0.2 s)"))
        #expect(text.stderr.components(separatedBy: "note: did not run: ").count - 1 == notRun.count)

        let json = try DeriveProcess.run(["check", "--no-cache", "--format", "json"], in: workspace)
        #expect(json.status == 3)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["result"] as? String == "error")
        let notebook = try #require((document["notebooks"] as? [[String: Any]])?.first)
        let checks = try #require(notebook["checks"] as? [[String: Any]])
        #expect(
            checks.map { $0["left"] as? String ?? "" } == Self.equations.map { String($0.split(separator: " = ")[0]) })
        let last = try #require(checks.last)
        #expect(last["verdict"] as? String == "not-run")
        let reason = try #require(last["notRun"] as? [String: Any])
        #expect(reason["limit"] as? String == "time" && reason["cause"] as? String == "limit")
        #expect((last["rows"] as? [Any])?.isEmpty == true)
        let (status, output) = try Self.validate(json.stdout)
        #expect(status == 0, "\(output)")

        let gfm = try DeriveProcess.run(["check", "--no-cache", "--format", "gfm"], in: workspace)
        #expect(gfm.status == 3)
        #expect(gfm.stdout.hasPrefix("## 🛑 derive check failed: "))
        #expect(gfm.stdout.contains("| ⛔ **not run** | 32 |"))

        let junit = try DeriveProcess.run(["check", "--no-cache", "--format", "junit"], in: workspace)
        #expect(junit.status == 3)
        let root = try #require(try XMLDocument(data: Data(junit.stdout.utf8)).rootElement())
        let notRunCases = try root.nodes(forXPath: "//error[@type='not run']")
        #expect(notRunCases.count == notRun.count)

        let render = try DeriveProcess.run(["render", "--no-cache", "-o", "out"], in: workspace)
        #expect(render.status == 3)
        #expect(render.stderr.contains("of 3 checks did not run: the time budget of 0.2 s was spent"))
        let html = try String(contentsOf: workspace.appendingPathComponent("out/budget.html"), encoding: .utf8)
        #expect(html.contains("of 3 checks did not run</h2>"))
        #expect(
            html.components(separatedBy: "<span class=\"badge not-run small\">NOT RUN</span>").count - 1 == notRun.count
        )
        #expect(html.contains("<strong>Not run:</strong> the time budget of 0.2 s was spent."))
    }

    @Test func aTimeLimitOfNothingStopsEveryCheckAndTheCommandLineSaysSo() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-budget"])
        let result = try DeriveProcess.run(["check", "--no-cache", "--time-limit", "0"], in: workspace)
        #expect(result.status == 3)
        let lines = Self.checkLines(result.stdout)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(": NOT RUN ") && $0.hasSuffix("the time budget of 0 s was spent") })
        #expect(result.stdout.hasSuffix("notebooks/budget.md: 3 checks: 0 pass, 3 not run\n"))
        #expect(result.stderr.contains("error: 3 of 3 checks did not run: the time budget of 0 s was spent"))
        // The front matter's 0.2 s cannot raise the command line's 0 s.
        #expect(result.stderr.contains("warning: 'time-limit: 0.2' would raise the time budget above 0 s; 0 s is used"))
    }

    @Test func aLimitBelowZeroIsAUsageError() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-budget"])
        let result = try DeriveProcess.run(["check", "--time-limit=-1"], in: workspace)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--time-limit must be 0 or more seconds"))
    }

    /// Validates a JSON document against the published schema with Python's jsonschema.
    static func validate(_ document: String) throws -> (status: Int32, output: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("derive-not-run-\(UUID()).json")
        try document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("Tests/ReportTests/Fixtures/summaries/validate-json.py").path,
            root.appendingPathComponent("docs/check-report.schema.json").path, file.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
