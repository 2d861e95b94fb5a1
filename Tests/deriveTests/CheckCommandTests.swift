import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func passingChecksExitWith0() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(["check"], in: workspace)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                notebooks/derivation.md:20:39: PASS \\frac{\\partial K}{\\partial \\lambda_i} = \\frac{1}{\\lambda_i^3}\\, D_i \\circ K [i = 1…2]
                notebooks/derivation.md: 1 check: 1 pass

                """)
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("output").path))
    }

    @Test func aFailedCheckExitsWith1AndSaysWhy() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let result = try DeriveProcess.run(["check"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stdout.contains(": FAIL \\frac{\\partial K}{\\partial \\theta_i}"))
        #expect(
            result.stdout.contains(
                "— claim/reference follows 1/λᵢ: a derivative with respect to λ where ln λ was meant"))
    }

    @Test func aLessonThatFailsAsExpectedExitsWith0() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-lesson"])
        let result = try DeriveProcess.run(["check"], in: workspace)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("notebooks/lesson.md: 1 check: 0 pass, 1 fail (expected)\n"))
    }

    @Test func aLessonThatPassesIsASurpriseAndExitsWith1() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-surprise"])
        let result = try DeriveProcess.run(["check"], in: workspace)
        #expect(result.status == 1)
        #expect(
            result.stdout.hasSuffix(
                "notebooks/surprise.md: 1 check: 1 pass, 0 fail (expected); marked 'expect: fail' but nothing failed\n")
        )
    }

    @Test func notebookErrorsExitWith3WithPositionsAndHelp() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-error"])
        let result = try DeriveProcess.run(["check"], in: workspace)
        #expect(result.status == 3)
        golden.check(result.stderr, against: "check-error/misplaced.stderr")
    }

    @Test func renderAlsoExitsWith1OnAFailedCheck() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        #expect(try DeriveProcess.run(["render"], in: workspace).status == 1)
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("output/slip.html").path))
    }
}

@Suite struct CheckCacheTests {
    @Test func aCachedRenderIsByteIdenticalToAColdOne() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        #expect(try DeriveProcess.run(["render", "-o", "cold"], in: workspace).status == 1)
        let entries = try FileManager.default.contentsOfDirectory(
            atPath: workspace.appendingPathComponent(".derive-cache").path)
        #expect(entries.count == 1 && entries[0].hasSuffix(".json"))
        #expect(try DeriveProcess.run(["render", "-o", "warm"], in: workspace).status == 1)
        let cold = try Data(contentsOf: workspace.appendingPathComponent("cold/slip.html"))
        let warm = try Data(contentsOf: workspace.appendingPathComponent("warm/slip.html"))
        #expect(cold == warm)
    }

    @Test func cachedPositionsFollowProseAddedAboveTheCheck() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let first = try DeriveProcess.run(["check"], in: workspace)
        #expect(first.stdout.hasPrefix("notebooks/slip.md:12:38: FAIL"))
        let notebook = workspace.appendingPathComponent("notebooks/slip.md")
        let text = try String(contentsOf: notebook, encoding: .utf8)
        try ("Two new lines\nof prose.\n\n" + text).write(to: notebook, atomically: true, encoding: .utf8)
        let second = try DeriveProcess.run(["check"], in: workspace)
        #expect(second.stdout.hasPrefix("notebooks/slip.md:15:38: FAIL"))
        let cold = try DeriveProcess.run(["check", "--no-cache"], in: workspace)
        #expect(cold.stdout == second.stdout)
    }
}
