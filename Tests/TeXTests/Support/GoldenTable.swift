import Foundation
import Testing

/// A golden file holding many cases: an input and its exact expected output each.
///
/// ```
/// # header comment lines
/// ### name [display]
/// input lines (TeX)
/// ---
/// expected output lines
/// ```
///
/// `DERIVE_RECORD=1 swift test` rewrites the expected outputs from what the code produces
/// and fails, so a re-recording is always looked at (`git diff`) before it is committed.
struct GoldenTable {
    struct Case {
        var name: String
        var isDisplay: Bool
        var input: String
        var expected: String
    }

    var header: [String]
    var cases: [Case]

    /// A file in this test target's `Fixtures/`, found from this source file's path
    /// (`Tests/TeXTests/Support/GoldenTable.swift`).
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var header: [String] = []
        var cases: [Case] = []
        var inInput = false
        var lines: [String] = []
        func finish() {
            guard !cases.isEmpty else { return }
            while lines.last?.isEmpty == true { lines.removeLast() }
            if inInput {
                cases[cases.count - 1].input = lines.joined(separator: "\n")
            } else {
                cases[cases.count - 1].expected = lines.joined(separator: "\n")
            }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("### ") {
                finish()
                var name = String(line.dropFirst(4))
                let isDisplay = name.hasSuffix(" [display]")
                if isDisplay { name = String(name.dropLast(" [display]".count)) }
                cases.append(Case(name: name, isDisplay: isDisplay, input: "", expected: ""))
                inInput = true
            } else if cases.isEmpty {
                header.append(line)
            } else if inInput, line == "---" {
                cases[cases.count - 1].input = lines.joined(separator: "\n")
                lines = []
                inInput = false
            } else {
                lines.append(line)
            }
        }
        finish()
        while header.last?.isEmpty == true { header.removeLast() }
        self.header = header
        self.cases = cases
    }

    func serialized() -> String {
        var text = header.map { $0 + "\n" }.joined() + "\n"
        for entry in cases {
            text += "### \(entry.name)\(entry.isDisplay ? " [display]" : "")\n\(entry.input)\n---\n"
            text += entry.expected.isEmpty ? "\n" : entry.expected + "\n\n"
        }
        return text
    }

    /// Compares every case's actual output with the expected one, or records them all when
    /// `DERIVE_RECORD=1` (and fails, so that recording is never silent).
    static func check(
        _ fixture: String, sourceLocation: SourceLocation = #_sourceLocation, actual: (Case) -> String
    ) throws {
        let url = Self.fixture(fixture)
        var table = try GoldenTable(contentsOf: url)
        let names = table.cases.map(\.name)
        #expect(Set(names).count == names.count, "duplicate case names in \(fixture)", sourceLocation: sourceLocation)
        if ProcessInfo.processInfo.environment["DERIVE_RECORD"] == "1" {
            for index in table.cases.indices { table.cases[index].expected = actual(table.cases[index]) }
            try table.serialized().write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "recorded \(table.cases.count) cases into \(fixture); review the diff and run again without DERIVE_RECORD",
                sourceLocation: sourceLocation)
            return
        }
        for entry in table.cases {
            let output = actual(entry)
            if output != entry.expected {
                Issue.record(
                    "\(fixture): case '\(entry.name)' differs\n--- expected\n\(entry.expected)\n--- actual\n\(output)",
                    sourceLocation: sourceLocation)
            }
        }
    }
}
