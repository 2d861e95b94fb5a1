import Foundation
import Pipeline
import Testing

@testable import Report

/// `derive check --format json` against its published schema, validated by Python's
/// `jsonschema` (Draft 2020-12), which `make test` installs when it is missing: a validator
/// written here would share the blind spots of the schema it checks.
@Suite struct JSONSummaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schema = root.appendingPathComponent("docs/check-report.schema.json")
    static let validator = SummaryFixtures.golden.url("summaries/validate-json.py")

    /// Runs the validator on `documents`; its status and what it printed.
    static func validate(_ documents: [String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (k, document) in documents.enumerated() {
            let url = folder.appendingPathComponent("\(k).json")
            try document.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validator.path, schema.path] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func everyDocumentIsValidAgainstTheSchema() throws {
        var documents = SummaryFixtures.names.map { CheckSummary.json(SummaryFixtures.results([$0])) }
        documents.append(CheckSummary.json(SummaryFixtures.all(strict: true)))
        documents.append(
            CheckSummary.json(CheckResults(runs: [], unreadable: [.error("cannot read the file (while reading)")])))
        let (status, output) = try Self.validate(documents)
        #expect(status == 0, "\(output)")
        #expect(output == "")
    }

    @Test func theSchemaRejectsADocumentThatBreaksIt() throws {
        let good = CheckSummary.json(SummaryFixtures.results(["failing"]))
        let unknownVerdict = good.replacingOccurrences(of: "\"verdict\": \"fail\"", with: "\"verdict\": \"wrong\"")
        let missingKey = good.replacingOccurrences(of: "\"exitStatus\": 1,\n", with: "")
        #expect(unknownVerdict != good && missingKey != good)
        let (status, output) = try Self.validate([unknownVerdict, missingKey])
        #expect(status == 1)
        #expect(output.contains("'wrong' is not one of ['pass', 'fail', 'inconclusive']"))
        #expect(output.contains("'exitStatus' is a required property"))
    }

    @Test func theDocumentParsesAndCarriesTheNumbers() throws {
        let data = Data(CheckSummary.json(SummaryFixtures.results(["failing"])).utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["version"] as? Int == 2)
        #expect(document["result"] as? String == "fail")
        let notebooks = try #require(document["notebooks"] as? [[String: Any]])
        let checks = try #require(notebooks.first?["checks"] as? [[String: Any]])
        let rows = try #require(checks.first?["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows.map { $0["parameter"] as? Double } == [0.8, 1.5])
        // The claim is ∂/∂λ where ∂/∂ln λ was meant: claim/reference = 1/λᵢ.
        #expect(rows.map { $0["ratio"] as? Double } == [1.25, 0.66666667])
    }

    @Test func nonFiniteNumbersAreStringsAndAbsentOnesNull() {
        #expect(JSONValue.real(.nan, significant: 8).written() == "\"NaN\"\n")
        #expect(JSONValue.real(-.infinity, significant: 8).written() == "\"-Infinity\"\n")
        #expect(JSONValue.real(nil, significant: 8).written() == "null\n")
        #expect(JSONValue.real(1 / 3, significant: 8).written() == "0.33333333\n")
        #expect(JSONValue.real(2.5e-300, significant: 2).written() == "2.5e-300\n")
    }

    @Test func stringsAreEscaped() {
        let text = "a \"quote\", a \\ backslash, a\nline, a\ttab, \u{01} and \u{2028}; λ stays"
        #expect(
            JSONValue.string(text).written()
                == "\"a \\\"quote\\\", a \\\\ backslash, a\\nline, a\\ttab, \\u0001 and \\u2028; λ stays\"\n")
    }

    @Test func smallObjectsAndPlainArraysStayOnOneLine() {
        let value = JSONValue.object([
            ("at", .object([("row", .integer(1)), ("column", .integer(2))])),
            ("entries", .array([.array([.number("1"), .number("2")])])),
        ])
        #expect(
            value.written() == """
                {
                  "at": {"row": 1, "column": 2},
                  "entries": [
                    [1, 2]
                  ]
                }

                """)
    }
}
