import Diagnostics
import Foundation

extension CodeCell {
    /// The options a code cell takes.
    public static let knownOptions = ["reads", "defines", "echo", "results", "eval"]

    /// Reads a code cell's options: the `#|` (Python) or `//|` (Swift) lines at its top, blank
    /// lines allowed among them. Diagnostics are in the notebook's coordinates.
    public static func read(
        _ fragment: SourceFragment, language: CodeLanguage, index: Int, range: SourceRange
    ) -> (CodeCell, [Diagnostic]) {
        var options = OptionReader(fragment: fragment, language: language)
        options.readAll()
        let cell = CodeCell(
            index: index, language: language, fragment: fragment, range: range, reads: options.reads,
            defines: options.defines, echo: options.flags["echo"] ?? true,
            showsResults: options.flags["results"] ?? true, evaluates: options.flags["eval"] ?? true)
        return (cell, options.diagnostics)
    }
}

/// The option lines at the top of a code cell, read one by one.
private struct OptionReader {
    let fragment: SourceFragment
    let language: CodeLanguage
    var reads: [CodeName] = []
    var defines: [CodeName] = []
    var flags: [String: Bool] = [:]
    var diagnostics: [Diagnostic] = []
    private var seen: [String: SourceRange] = [:]

    init(fragment: SourceFragment, language: CodeLanguage) {
        self.fragment = fragment
        self.language = language
    }

    mutating func readAll() {
        let text = fragment.text
        var offset = 0
        var atTop = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.utf8.count + 1 }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.utf8.count - trimmed.utf8.count
            if trimmed.hasPrefix(language.optionMarker) {
                let bodyStart = offset + indent + language.optionMarker.utf8.count
                let lineRange = fragment.fileRange(offset + indent, offset + line.utf8.count)
                if atTop {
                    read(String(trimmed.dropFirst(language.optionMarker.count)), bodyStart: bodyStart, line: lineRange)
                } else {
                    diagnostics.append(
                        .warning(
                            "cell options go at the top of the cell; this one is ignored", file: fragment.file,
                            range: lineRange, help: "move it above the first line of code"))
                }
            } else if !trimmed.trimmingCharacters(in: .whitespaces).isEmpty {
                atTop = false
            }
        }
    }

    private mutating func read(_ body: String, bodyStart: Int, line: SourceRange) {
        guard let colon = body.firstIndex(of: ":") else {
            diagnostics.append(
                .error(
                    "expected 'key: value' after '\(language.optionMarker)'", file: fragment.file, range: line,
                    help: "write, e.g., '\(language.optionMarker) reads: X, θ'"))
            return
        }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces)
        let valueStart = bodyStart + body[...colon].utf8.count
        let value = String(body[body.index(after: colon)...])
        guard CodeCell.knownOptions.contains(key) else {
            let help = Suggestions.nearest(to: key, among: CodeCell.knownOptions).map { "did you mean '\($0)'?" }
            diagnostics.append(
                .warning(
                    "unknown cell option '\(key)'", file: fragment.file, range: line,
                    help: help ?? "known options: \(CodeCell.knownOptions.joined(separator: ", "))"))
            return
        }
        if let earlier = seen[key] {
            diagnostics.append(
                .error(
                    "cell option '\(key)' is set twice", file: fragment.file, range: line,
                    help: "list every name in one line: '\(language.optionMarker) \(key): a, b, c'",
                    notes: [.init("first set here", range: earlier)]))
            return
        }
        seen[key] = line
        switch key {
        case "reads": reads = names(value, start: valueStart, families: false)
        case "defines": defines = names(value, start: valueStart, families: true)
        default:
            let word = value.trimmingCharacters(in: .whitespaces)
            guard word == "true" || word == "false" else {
                diagnostics.append(
                    .error(
                        "cell option '\(key)' takes 'true' or 'false', not '\(word)'", file: fragment.file, range: line)
                )
                return
            }
            flags[key] = word == "true"
        }
    }

    /// `a, b as c, θ`: each entry a gp name, optionally followed by `as` and the identifier
    /// the code uses for it; among defines, `G[i]` declares a family.
    private mutating func names(_ list: String, start: Int, families: Bool) -> [CodeName] {
        var result: [CodeName] = []
        var offset = start
        for entry in list.split(separator: ",", omittingEmptySubsequences: false) {
            defer { offset += entry.utf8.count + 1 }
            let leading = entry.prefix { $0 == " " || $0 == "\t" }.utf8.count
            let text = entry.trimmingCharacters(in: .whitespaces)
            let range = fragment.fileRange(offset + leading, offset + leading + text.utf8.count)
            if text.isEmpty {
                if list.trimmingCharacters(in: .whitespaces).isEmpty { break }
                diagnostics.append(
                    .error("empty name in the list", file: fragment.file, range: range, help: "remove the extra ','"))
                continue
            }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var spelled: String
            var identifier: String?
            switch words.count {
            case 1: spelled = words[0]
            case 3 where words[1] == "as":
                spelled = words[0]
                identifier = words[2]
            default:
                diagnostics.append(
                    .error(
                        "'\(text)' is not a name", file: fragment.file, range: range,
                        help: "separate names with ',' and rename with 'as': 'ℓ as ell'"))
                continue
            }
            var isFamily = false
            if spelled.hasSuffix("]"), let open = spelled.firstIndex(of: "[") {
                let index = spelled[spelled.index(after: open)..<spelled.index(before: spelled.endIndex)]
                guard families, CodeIdentifiers.isGPName(String(index)) else {
                    diagnostics.append(
                        .error(
                            families
                                ? "a family is declared with one index letter: 'G[i]'" : "a cell reads whole values",
                            file: fragment.file, range: range,
                            help: families ? nil : "read '\(spelled[..<open])' and index it in the code"))
                    continue
                }
                isFamily = true
                spelled = String(spelled[..<open])
            }
            guard CodeIdentifiers.isGPName(spelled) else {
                diagnostics.append(
                    .error(
                        "'\(spelled)' is not a name", file: fragment.file, range: range,
                        help: "a name is a letter followed by letters, digits and '_'"))
                continue
            }
            let name = SetupNames.canonical(spelled)
            let code = identifier ?? CodeIdentifiers.identifier(for: spelled, in: language)
            if let problem = CodeIdentifiers.problem(with: code, in: language) {
                diagnostics.append(
                    .error(
                        problem, file: fragment.file, range: range,
                        help: "give the \(language.displayName) side another name: '\(spelled) as \(spelled)_'"))
                continue
            }
            if let twice = (reads + defines + result).first(where: { $0.name == name }) {
                diagnostics.append(
                    .error(
                        "'\(name)' is listed twice", file: fragment.file, range: range,
                        notes: [.init("first listed here", range: twice.range)]))
                continue
            }
            result.append(CodeName(name: name, identifier: code, range: range, isFamily: isFamily))
        }
        return result
    }
}
