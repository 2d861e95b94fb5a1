import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersEveryNotebookOfAFolderIntoTheOutputFolder() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("output/derivation.html  "))
        let html = try String(contentsOf: workspace.appendingPathComponent("output/derivation.html"), encoding: .utf8)
        #expect(html.contains("<title>A small derivation</title>"))
        #expect(html.contains("<meta name=\"derive-inputs\" content=\"sha256:"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;injected&quot;)&lt;/script&gt;"))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: workspace.appendingPathComponent("output").path)
        #expect(leftovers == ["derivation.html"])
    }

    @Test func twoRendersAreByteIdentical() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        _ = try DeriveProcess.run(["render", "-o", "first"], in: workspace)
        _ = try DeriveProcess.run(["render", "-o", "second"], in: workspace)
        let first = try Data(contentsOf: workspace.appendingPathComponent("first/derivation.html"))
        let second = try Data(contentsOf: workspace.appendingPathComponent("second/derivation.html"))
        #expect(first == second)
    }

    @Test func checkFailsNamingMissingAndStaleReports() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let missing = try DeriveProcess.run(["render", "--check"], in: workspace)
        #expect(missing.status == 1)
        #expect(missing.stdout == "missing: output/derivation.html (render notebooks/derivation.md)\n")

        #expect(try DeriveProcess.run(["render"], in: workspace).status == 0)
        #expect(try DeriveProcess.run(["render", "--check"], in: workspace).status == 0)

        let notebook = workspace.appendingPathComponent("notebooks/derivation.md")
        try (String(contentsOf: notebook, encoding: .utf8) + "\nOne more line.\n").write(
            to: notebook, atomically: true, encoding: .utf8)
        let stale = try DeriveProcess.run(["render", "--check"], in: workspace)
        #expect(stale.status == 1)
        #expect(
            stale.stdout
                == "stale: output/derivation.html (notebooks/derivation.md or derive changed since it was rendered)\n")
    }

    @Test func checkJudgesByTheEmbeddedHashNotByBytes() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        #expect(try DeriveProcess.run(["render"], in: workspace).status == 0)
        // A report made elsewhere differs in noise digits but carries the same inputs hash.
        let report = workspace.appendingPathComponent("output/derivation.html")
        let html = try String(contentsOf: report, encoding: .utf8)
        try html.replacingOccurrences(of: "A small derivation</h1>", with: "A small derivation </h1>")
            .write(to: report, atomically: true, encoding: .utf8)
        #expect(try DeriveProcess.run(["render", "--check"], in: workspace).status == 0)
    }

    @Test func checkNamesReportsWhoseNotebookIsGone() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        #expect(try DeriveProcess.run(["render"], in: workspace).status == 0)
        try FileManager.default.moveItem(
            at: workspace.appendingPathComponent("notebooks/derivation.md"),
            to: workspace.appendingPathComponent("notebooks/renamed.md"))
        let result = try DeriveProcess.run(["render", "--check"], in: workspace)
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "missing: output/renamed.html (render notebooks/renamed.md)\norphan: output/derivation.html (no notebook renders to it any more)\n"
        )
    }

    @Test func usageErrorsExitWith64() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        #expect(try DeriveProcess.run(["render", "--bogus"], in: workspace).status == 64)
        let missing = try DeriveProcess.run(["render", "nowhere"], in: workspace)
        #expect(missing.status == 64)
        #expect(missing.stderr == "nowhere: error: no such file or folder (while finding notebooks)\n")
    }

    @Test func aNotebookErrorExitsWith3AndIsReportedWithItsPosition() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["errors"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 3)
        golden.check(result.stderr, against: "errors/bad-front-matter.stderr")
    }
}

@Suite struct TeXDiagnosticsEndToEndTests {
    @Test func unknownTeXInProseIsAWarningAndAVisibleError() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["tex-prose"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 0)
        golden.check(result.stderr, against: "tex-prose/prose.stderr")
        let html = try String(contentsOf: workspace.appendingPathComponent("output/prose.html"), encoding: .utf8)
        #expect(html.contains("<merror>"))
        #expect(html.contains("(??)"))
    }

    @Test func strictTurnsProseWarningsIntoFailure() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["tex-prose"])
        #expect(try DeriveProcess.run(["render", "--strict"], in: workspace).status == 3)
    }

    @Test func unknownTeXInACheckedEquationIsAnError() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["tex-check"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 3)
        golden.check(result.stderr, against: "tex-check/checked.stderr")
    }
}

@Suite struct BLASThreadsTests {
    @Test func withoutOpenBLASNumThreadsAReportIsTheOneOfASingleThread() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        #expect(try DeriveProcess.run(["render", "-o", "pinned"], in: workspace).status == 0)
        let unset = try DeriveProcess.run(
            ["render", "-o", "default", "--no-cache"], in: workspace, removing: ["OPENBLAS_NUM_THREADS"])
        #expect(unset.status == 0)
        let pinned = try Data(contentsOf: workspace.appendingPathComponent("pinned/derivation.html"))
        let byDefault = try Data(contentsOf: workspace.appendingPathComponent("default/derivation.html"))
        #expect(pinned == byDefault)
    }

    @Test func pdfWithoutABrowserNamesThePackageAndWritesNothing() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(
            ["render", "--pdf"], in: workspace, environment: ["PATH": workspace.path], removing: ["DERIVE_CHROMIUM"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("error: --pdf needs headless Chromium, and none was found"))
        #expect(result.stderr.contains("install Debian's 'chromium' package"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("output").path))
    }

    @Test func pdfWithABrowserThatIsNotOneSaysSo() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(
            ["render", "--pdf"], in: workspace, environment: ["DERIVE_CHROMIUM": "/nonexistent/chromium"])
        #expect(result.status == 3)
        #expect(result.stderr == "error: DERIVE_CHROMIUM names '/nonexistent/chromium', which is not an executable\n")
    }
}
