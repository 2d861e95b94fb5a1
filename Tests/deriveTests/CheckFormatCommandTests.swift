import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `derive check --format …`, `--output`, GitHub annotations and `--strict`, run as a CI job
/// would run them.
@Suite struct CheckFormatCommandTests {
    @Test func aFailingNotebookExitsWith1WithAReadableGFMSummary() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let result = try DeriveProcess.run(["check", "--format", "gfm"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("## ❌ derive check failed\n\n**1 check** in 1 notebook: 0 pass · 1 fail"))
        golden.check(result.stdout, against: "check-fail/slip.gfm")
    }

    @Test func jsonOnStdoutParsesAndAgreesWithTheExitStatus() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic", "check-fail"])
        let result = try DeriveProcess.run(["check", "--format", "json"], in: workspace)
        #expect(result.status == 1)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["result"] as? String == "fail")
        #expect(document["exitStatus"] as? Int == 1)
        let notebooks = try #require(document["notebooks"] as? [[String: Any]])
        #expect(notebooks.map { $0["path"] as? String } == ["notebooks/derivation.md", "notebooks/slip.md"])
        #expect(notebooks.map { $0["result"] as? String } == ["pass", "fail"])
    }

    @Test func outputGoesAtomicallyToAFileAndStdoutStaysEmpty() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let result = try DeriveProcess.run(["check", "--format", "junit", "-o", "reports/junit.xml"], in: workspace)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let reports = workspace.appendingPathComponent("reports")
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.path) == ["junit.xml"])
        let xml = try XMLDocument(contentsOf: reports.appendingPathComponent("junit.xml"))
        let root = try #require(xml.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "2")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
    }

    @Test func anOutputFileThatCannotBeWrittenIsAnError() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(["check", "--output", "notebooks"], in: workspace)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("notebooks: error: "))
    }

    @Test func githubActionsGetsAnnotationsAfterTheTextSummary() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let plain = try DeriveProcess.run(["check"], in: workspace)
        let annotated = try DeriveProcess.run(["check"], in: workspace, environment: ["GITHUB_ACTIONS": "true"])
        #expect(annotated.status == 1)
        #expect(annotated.stdout.hasPrefix(plain.stdout))
        golden.check(String(annotated.stdout.dropFirst(plain.stdout.count)), against: "check-fail/slip.annotations")
    }

    @Test func annotationsStayOffAMachineFormatOnStdoutButJoinOneWrittenToAFile() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-fail"])
        let environment = ["GITHUB_ACTIONS": "true"]
        let json = try DeriveProcess.run(["check", "--format", "json"], in: workspace, environment: environment)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
        #expect(!json.stdout.contains("::error"))
        let toFile = try DeriveProcess.run(
            ["check", "--format", "gfm", "-o", "summary.md"], in: workspace, environment: environment)
        #expect(toFile.stdout.hasPrefix("::error file=notebooks/slip.md,line=12,col=1,"))
        let summary = try String(contentsOf: workspace.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("## ❌ derive check failed"))
    }

    @Test func strictFailsOnAnInconclusiveCheckInEveryFormat() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["check-inconclusive"])
        let lenient = try DeriveProcess.run(["check", "--format", "gfm"], in: workspace)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.hasPrefix("## ⚠️ derive check passed; 1 check is inconclusive\n"))
        let strict = try DeriveProcess.run(["check", "--format", "gfm", "--strict"], in: workspace)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasPrefix("## ❌ derive check failed\n"))
        let junit = try DeriveProcess.run(["check", "--format", "junit", "--strict"], in: workspace)
        #expect(
            junit.stdout.contains(
                "<failure type=\"inconclusive\" message=\"the finite-difference reference is unreliable"))
    }

    @Test func strictCallsWarningsErrors() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["tex-prose"])
        #expect(try DeriveProcess.run(["check", "--format", "json"], in: workspace).status == 0)
        let strict = try DeriveProcess.run(["check", "--format", "json", "--strict"], in: workspace)
        #expect(strict.status == 3)
        #expect(strict.stdout.contains("\"result\": \"error\""))
    }

    @Test func aNotebookThatCannotBeReadIsAnErrorInTheJSONToo() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: workspace.appendingPathComponent("notebooks/binary.md"))
        let result = try DeriveProcess.run(["check", "--format", "json"], in: workspace)
        #expect(result.status == 3)
        #expect(
            result.stderr == "notebooks/binary.md: error: the file is not UTF-8 text (while reading the notebook)\n")
        #expect(result.stdout.contains("\"message\": \"the file is not UTF-8 text (while reading the notebook)\""))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["basic"])
        let result = try DeriveProcess.run(["check", "--format", "yaml"], in: workspace)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'yaml'"))
    }
}
