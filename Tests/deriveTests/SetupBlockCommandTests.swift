import Foundation
import Testing

/// `derive render` on notebooks whose gp blocks have errors or read data files.
@Suite struct SetupBlockCommandTests {
    @Test func errorsInGpBlocksExitWith3AndArePrintedWithTheirPositions() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["setup-errors"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 3)
        golden.check(result.stderr, against: "setup-errors/render.stderr")
    }

    @Test func aReportShowsWhatEachBlockDefinedAndHidesWhatOptionsHide() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["setup-data"])
        let result = try DeriveProcess.run(["render"], in: workspace)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let html = try String(contentsOf: workspace.appendingPathComponent("output/regression.html"), encoding: .utf8)
        #expect(!html.contains("language-gp"))  // //| echo: false
        #expect(
            html.contains(
                "<code>θ</code></th><td class=\"what\">param, scalar</td>"
            ))
        #expect(
            html.contains(
                "<code>X</code></th><td class=\"what\">4-vector</td>"
            ))
        #expect(html.contains("<code>[0, 0.5, 1, 1.5]&#39;</code>"))
    }

    @Test func changingADataFileMakesTheReportStale() throws {
        let workspace = try DeriveProcess.workspace(fixtures: ["setup-data"])
        #expect(try DeriveProcess.run(["render"], in: workspace).status == 0)
        #expect(try DeriveProcess.run(["render", "--check"], in: workspace).status == 0)
        let data = workspace.appendingPathComponent("notebooks/data/points.csv")
        try "x,y\n0.0,0.1\n0.5,0.4\n1.0,0.8\n1.5,1.0\n".write(to: data, atomically: true, encoding: .utf8)
        let stale = try DeriveProcess.run(["render", "--check"], in: workspace)
        #expect(stale.status == 1)
        #expect(stale.stdout.hasPrefix("stale: output/regression.html"))
    }
}
