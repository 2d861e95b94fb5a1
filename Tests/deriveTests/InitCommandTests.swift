import Foundation
import Testing

@Suite struct InitCommandTests {
    /// A new empty folder.
    private func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func initThenCheckThenRenderAllSucceedInAnEmptyFolder() throws {
        let folder = try emptyFolder()
        let initialised = try DeriveProcess.run(["init"], in: folder)
        #expect(initialised.status == 0)
        #expect(initialised.stderr == "")
        #expect(
            initialised.stdout == """
                created notebooks/rbf-chain-rule.md
                created .github/workflows/derive.yml
                next: derive check && derive render (the reports go to output/)

                """)

        let checked = try DeriveProcess.run(["check"], in: folder)
        #expect(checked.status == 0)
        #expect(checked.stderr == "")
        #expect(checked.stdout.hasSuffix("notebooks/rbf-chain-rule.md: 2 checks: 2 pass\n"))

        let rendered = try DeriveProcess.run(["render"], in: folder)
        #expect(rendered.status == 0)
        #expect(rendered.stdout.hasPrefix("output/rbf-chain-rule.html  "))
        let html = try text(folder, "output/rbf-chain-rule.html")
        #expect(html.contains("<title>The chain rule for the RBF kernel&#39;s length-scales</title>"))
        #expect(html.contains(#"<span class="chip pass">2 pass</span>"#))
        #expect(try DeriveProcess.run(["render", "--check"], in: folder).status == 0)
    }

    @Test func theStarterNotebookFailsWithTheSlipItInvites() throws {
        // The notebook suggests writing λᵢ³ in the last step: the check must then fail and
        // name the slip, or its pass proves nothing.
        let folder = try emptyFolder()
        #expect(try DeriveProcess.run(["init"], in: folder).status == 0)
        let notebook = folder.appendingPathComponent("notebooks/rbf-chain-rule.md")
        let right = try String(contentsOf: notebook, encoding: .utf8)
        let wrong = right.replacingOccurrences(
            of: #"\frac{1}{\lambda_i^2}\, D_i"#, with: #"\frac{1}{\lambda_i^3}\, D_i"#)
        #expect(wrong != right)
        try wrong.write(to: notebook, atomically: true, encoding: .utf8)
        let checked = try DeriveProcess.run(["check"], in: folder)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("a derivative with respect to λ where ln λ was meant"))
        #expect(checked.stdout.hasSuffix("notebooks/rbf-chain-rule.md: 2 checks: 1 pass, 1 fail\n"))
    }

    @Test func initNeverOverwritesAFileAndSaysWhichItSkipped() throws {
        let folder = try emptyFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try "mine\n".write(
            to: folder.appendingPathComponent("notebooks/rbf-chain-rule.md"), atomically: true, encoding: .utf8)

        let first = try DeriveProcess.run(["init"], in: folder)
        #expect(first.status == 0)
        #expect(
            first.stdout == """
                skipped notebooks/rbf-chain-rule.md: it exists
                created .github/workflows/derive.yml
                next: derive check && derive render (the reports go to output/)

                """)
        #expect(try text(folder, "notebooks/rbf-chain-rule.md") == "mine\n")

        try "my workflow\n".write(
            to: folder.appendingPathComponent(".github/workflows/derive.yml"), atomically: true, encoding: .utf8)
        let second = try DeriveProcess.run(["init"], in: folder)
        #expect(second.status == 0)
        #expect(
            second.stdout == """
                skipped notebooks/rbf-chain-rule.md: it exists
                skipped .github/workflows/derive.yml: it exists

                """)
        #expect(try text(folder, ".github/workflows/derive.yml") == "my workflow\n")
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("notebooks").path)
        #expect(leftovers == ["rbf-chain-rule.md"])
    }

    @Test func initLeavesALinkAloneAndWritesNothingThroughIt() throws {
        let folder = try emptyFolder()
        let workflows = folder.appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("elsewhere.yml")
        try FileManager.default.createSymbolicLink(
            at: workflows.appendingPathComponent("derive.yml"), withDestinationURL: target)
        let result = try DeriveProcess.run(["init"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("skipped .github/workflows/derive.yml: it exists\n"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func initFillsANamedFolderAndCreatesIt() throws {
        let folder = try emptyFolder()
        let result = try DeriveProcess.run(["init", "derivations/gp"], in: folder)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                created derivations/gp/notebooks/rbf-chain-rule.md
                created derivations/gp/.github/workflows/derive.yml
                next: cd derivations/gp && derive check && derive render (the reports go to output/)

                """)
        let checked = try DeriveProcess.run(["check"], in: folder.appendingPathComponent("derivations/gp"))
        #expect(checked.status == 0)
    }

    @Test func initRefusesAFileForAFolder() throws {
        let folder = try emptyFolder()
        try "".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try DeriveProcess.run(["init", "notes.txt"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr == "notes.txt: error: not a folder\n")
        #expect(result.stdout == "")
    }
}
