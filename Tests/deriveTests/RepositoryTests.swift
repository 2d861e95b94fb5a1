import Foundation
import Testing

/// The repository stands alone: what the README shows is in it.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The README's Action example is the job `derive init` writes, and this repository's
    /// own workflow runs the Action from its checkout.
    @Test func theWorkflowsTheREADMEShowsAreTheOnesThatRun() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### In GitHub Actions\n"))
        let start = try #require(readme[section.upperBound...].range(of: "```yaml\n"))
        let end = try #require(readme[start.upperBound...].range(of: "```\n"))
        let example = String(readme[start.upperBound..<end.lowerBound])
        #expect(example.hasPrefix("jobs:\n"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try DeriveProcess.run(["init"], in: folder).status == 0)
        let written = try String(
            contentsOf: folder.appendingPathComponent(".github/workflows/derive.yml"), encoding: .utf8)
        #expect(written.hasSuffix(example), "derive init's workflow does not end with the README's example")

        let workflow = try String(
            contentsOf: Self.root.appendingPathComponent(".github/workflows/derive.yml"), encoding: .utf8)
        #expect(workflow.contains("        uses: ./\n"))
    }

    @Test func everyModuleHasAREADMEAndATestTarget() throws {
        let modules = ["Numerics", "Diagnostics", "Notebook", "TeX", "Setup", "Checks", "Pipeline", "Report"]
        let manager = FileManager.default
        for module in modules {
            #expect(
                manager.fileExists(atPath: Self.root.appendingPathComponent("Sources/\(module)/README.md").path),
                "\(module)")
            #expect(
                manager.fileExists(atPath: Self.root.appendingPathComponent("Tests/\(module)Tests").path), "\(module)")
        }
    }
}
