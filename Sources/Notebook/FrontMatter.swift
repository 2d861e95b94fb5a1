import Diagnostics

/// The `---`-fenced block at the top of a notebook: flat `key: value` lines.
///
/// Supported keys: `title` (the report's title; otherwise the first heading),
/// `expect` (`fail` marks a deliberately wrong derivation kept as a lesson: its failing
/// checks are the expected outcome), and the descriptive `author`, `date`, `description`,
/// `source` (where a derivation by someone else comes from) and `license` (its licence),
/// the limits of evaluation a notebook may lower (never raise): `time-limit` (seconds),
/// `max-entries`, `max-call-depth` and `max-iterations`, and `requirements` (the pinned
/// requirements file of the notebook's code cells).
/// Values may be quoted with `"` or `'`. Nested YAML is not supported and is reported.
public struct FrontMatter: Sendable, Hashable {
    /// The keys derive understands.
    public static let knownKeys = [
        "title", "expect", "author", "date", "description", "source", "license", "time-limit", "max-entries",
        "max-call-depth", "max-iterations", "requirements",
    ]

    /// Every key and its (unquoted) value, in order.
    public var entries: [(key: String, value: String)] = []
    /// The line of each entry in the notebook, in the order of `entries`.
    public var entryRanges: [SourceRange] = []
    /// The byte range of the whole block, fences included, when there is one.
    public var range: SourceRange?

    /// An empty front matter.
    public init() {}

    /// The value of `key`, if present.
    public subscript(key: String) -> String? {
        entries.last { $0.key == key }?.value
    }

    /// The line of the (last) entry of `key`, if present.
    public func range(of key: String) -> SourceRange? {
        guard let index = entries.lastIndex(where: { $0.key == key }), entryRanges.indices.contains(index) else {
            return nil
        }
        return entryRanges[index]
    }

    /// The notebook's title from `title:`.
    public var title: String? { self["title"] }

    /// Whether the notebook is a lesson that is expected to fail (`expect: fail`).
    public var expectsFailure: Bool { self["expect"]?.lowercased() == "fail" }

    public static func == (a: FrontMatter, b: FrontMatter) -> Bool {
        a.range == b.range && a.entries.map { [$0.key, $0.value] } == b.entries.map { [$0.key, $0.value] }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }

    /// Reads the front matter of `file`, if it starts with `---`. Returns it with the
    /// notebook text in which the block is blanked out (every byte but newlines becomes a
    /// space, so offsets and line numbers stay those of the file).
    static func read(_ file: SourceFile) -> (FrontMatter, text: String, [Diagnostic]) {
        var matter = FrontMatter()
        guard file.line(1).trimmingTrailingSpaces() == "---" else { return (matter, file.text, []) }
        var diagnostics: [Diagnostic] = []
        var closing: Int?
        for number in 2...max(2, file.lineCount) where number <= file.lineCount {
            let line = file.line(number).trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                closing = number
                break
            }
        }
        guard let closing else {
            diagnostics.append(
                .warning(
                    "front matter is not closed", file: file, range: SourceRange(0, 3),
                    help: "end it with a line '---', or start the notebook with something else"))
            return (matter, file.text, diagnostics)
        }
        for number in 2..<closing {
            let line = file.line(number)
            let start = file.lineStarts[number - 1]
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let lineRange = SourceRange(start, start + line.utf8.count)
            guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix(" "), !trimmed.hasPrefix("\t")
            else {
                diagnostics.append(
                    .error(
                        "front matter line is not 'key: value'", file: file, range: lineRange,
                        help: "derive reads flat 'key: value' lines; nested YAML is not supported"))
                continue
            }
            let key = String(trimmed[..<colon]).trimmingTrailingSpaces()
            let value = unquote(String(trimmed[trimmed.index(after: colon)...]))
            if !knownKeys.contains(key) {
                let suggestion = Suggestions.nearest(to: key, among: knownKeys)
                diagnostics.append(
                    .warning(
                        "unknown front matter key '\(key)'", file: file,
                        range: SourceRange(start, start + key.utf8.count),
                        help: suggestion.map { "did you mean '\($0)'?" }
                            ?? "derive reads: " + knownKeys.joined(separator: ", ")))
            }
            if key == "expect", !["fail", "pass"].contains(value.lowercased()) {
                diagnostics.append(
                    .error(
                        "'expect' must be 'fail' or 'pass', not '\(value)'", file: file, range: lineRange,
                        help: "write 'expect: fail' for a derivation kept as a lesson in what goes wrong"))
            }
            matter.entries.append((key, value))
            matter.entryRanges.append(lineRange)
        }
        let end = closing < file.lineStarts.count ? file.lineStarts[closing] : file.text.utf8.count
        matter.range = SourceRange(0, end)
        let blanked = file.text.utf8.enumerated().map { index, byte in
            index < end && byte != UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
        }
        return (matter, String(decoding: blanked, as: UTF8.self), diagnostics)
    }

    private static func unquote(_ raw: String) -> String {
        let value = raw.strippingCharacters(in: " \t\r")
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var result = String(self)
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }

    func strippingCharacters(in set: String) -> String {
        var result = Substring(self)
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return String(result)
    }
}
