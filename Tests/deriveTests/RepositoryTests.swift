import Foundation
import Testing

/// The repository stands alone: what the README shows is in it.
@Suite struct RepositoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theWorkflowTheREADMEShowsIsTheOneThatRuns() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let workflow = try String(
            contentsOf: Self.root.appendingPathComponent(".github/workflows/derive.yml"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme[start.upperBound...].range(of: "```\n"))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == workflow)
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
