import ArgumentParser
import Foundation
import Numerics

/// `derive`: the root command lists the subcommands and nothing else.
@main
struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Turn Markdown derivation notebooks into checked, self-contained HTML reports.",
        discussion: """
            Exit status: 0 when everything checks out, 1 when a check failed (or, with \
            --check, a report is stale), 3 when a notebook has an error, 64 for a usage error.
            """,
        version: "0.1.0",
        subcommands: [RenderCommand.self, CheckCommand.self, InitCommand.self, WatchCommand.self])

    /// Runs the command line with one BLAS thread unless OPENBLAS_NUM_THREADS says otherwise.
    static func main() {
        BLASThreads.useOneUnlessAsked(environment: ProcessInfo.processInfo.environment)
        main(nil)
    }
}
