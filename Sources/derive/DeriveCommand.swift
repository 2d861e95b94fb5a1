import ArgumentParser

/// `derive`: the root command lists the subcommands and nothing else.
@main
struct DeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Turn Markdown derivation notebooks into checked, self-contained HTML reports.",
        version: "0.1.0",
        subcommands: [])
}
