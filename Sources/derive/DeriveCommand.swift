import ArgumentParser

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
        subcommands: [RenderCommand.self, CheckCommand.self])
}
