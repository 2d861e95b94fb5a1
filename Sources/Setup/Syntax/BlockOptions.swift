import Diagnostics

/// Block options in Quarto's comment form, `//| key: value`, on the first lines of a block.
///
/// | option    | values          | default | effect                                   |
/// |-----------|-----------------|---------|------------------------------------------|
/// | `echo`    | `true`, `false` | `true`  | whether the report shows the block's code |
/// | `results` | `true`, `false` | `true`  | whether the report shows what it defined  |
///
/// An unknown option is a warning (with did-you-mean); a `//|` line after the first
/// definition is a warning and has no effect.
extension SetupBlock {
    /// The options derive knows, with their allowed values.
    public static let knownOptions: [String: Set<String>] = [
        "echo": ["true", "false"],
        "results": ["true", "false"],
    ]

    /// Whether the report shows the block's code (`//| echo: false` hides it).
    public var echo: Bool { option("echo") != "false" }

    /// Whether the report shows the values the block defined (`//| results: false` hides them).
    public var showsResults: Bool { option("results") != "false" }

    /// The value of an option, if the block sets it.
    public func option(_ key: String) -> String? {
        options.last { $0.key == key }?.value
    }
}

extension SetupParser {
    /// Takes the option lines at the top of the block out of the token stream; reports
    /// malformed, unknown and misplaced ones.
    mutating func takeOptions() {
        var kept: [SetupToken] = []
        var atTop = true
        for token in tokens {
            switch token.kind {
            case .option(let body) where atTop:
                if let option = parseOption(body, range: token.range) { options.append(option) }
            case .option:
                diagnostics.append(
                    .warning(
                        "block options go at the top of the block; this one is ignored", range: token.range,
                        help: "move it above the first definition"))
            case .newline:
                kept.append(token)
            default:
                atTop = false
                kept.append(token)
            }
        }
        tokens = kept
    }

    /// `key: value` after `//|`.
    mutating func parseOption(_ body: String, range: SourceRange) -> BlockOption? {
        guard let colon = body.firstIndex(of: ":") else {
            report("expected 'key: value' after '//|'", at: range, help: "write, e.g., '//| echo: false'")
            return nil
        }
        let key = body[..<colon].trimmingSpaces
        let value = body[body.index(after: colon)...].trimmingSpaces
        guard let allowed = SetupBlock.knownOptions[key] else {
            let known = SetupBlock.knownOptions.keys.sorted()
            let help = Suggestions.nearest(to: key, among: known).map { "did you mean '\($0)'?" }
            diagnostics.append(
                .warning(
                    "unknown block option '\(key)'", range: range,
                    help: help ?? "known options: \(known.joined(separator: ", "))"))
            return nil
        }
        guard allowed.contains(value) else {
            report(
                "block option '\(key)' takes \(allowed.sorted().map { "'\($0)'" }.joined(separator: " or ")), not '\(value)'",
                at: range)
            return nil
        }
        if let earlier = options.first(where: { $0.key == key }) {
            report(
                "block option '\(key)' is set twice", at: range,
                notes: [.init("first set here", range: earlier.range)])
        }
        return BlockOption(key: key, value: value, range: range)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
