import Foundation
import TeX
import Testing

@testable import Report

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JUnit XML parsed back with Foundation's XML parser: its counts add up, per suite and in
/// total, to the test cases and outcome elements it holds, and to what the notebooks hold.
@Suite struct JUnitSummaryTests {
    struct Counts: Equatable {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
    }

    /// The counts an element claims in its attributes.
    static func claimed(_ element: XMLElement) -> Counts {
        func number(_ name: String) -> Int { Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1 }
        return Counts(
            tests: number("tests"), failures: number("failures"), errors: number("errors"), skipped: number("skipped"))
    }

    /// The counts of the test cases below an element.
    static func counted(_ element: XMLElement) throws -> Counts {
        let cases = try element.nodes(forXPath: ".//testcase").compactMap { $0 as? XMLElement }
        func count(_ name: String) -> Int { cases.filter { !$0.elements(forName: name).isEmpty }.count }
        return Counts(tests: cases.count, failures: count("failure"), errors: count("error"), skipped: count("skipped"))
    }

    static func parse(_ xml: String) throws -> XMLElement {
        try #require(try XMLDocument(data: Data(xml.utf8)).rootElement())
    }

    @Test func theCountsOfEverySuiteAndOfTheWholeMatchItsTestCases() throws {
        let root = try Self.parse(CheckSummary.junit(SummaryFixtures.all()))
        #expect(root.name == "testsuites")
        #expect(Self.claimed(root) == (try Self.counted(root)))
        let suites = root.elements(forName: "testsuite")
        #expect(
            suites.compactMap { $0.attribute(forName: "name")?.stringValue }
                == SummaryFixtures.names.sorted().map { "notebooks/\($0).md" })
        for suite in suites { #expect(Self.claimed(suite) == (try Self.counted(suite))) }
    }

    @Test func thereIsOneTestCasePerCheckRowOneErrorPerNotebookErrorAndOnePerCheckThatDidNotRun() throws {
        let results = SummaryFixtures.all()
        let rows = results.runs.flatMap(\.checks).map(\.judgement.rows.count).reduce(0, +)
        let errors = results.runs.flatMap(\.diagnostics).filter { $0.severity == .error }.count
        let notRun = results.runs.flatMap(\.checks).filter { $0.status == .notRun }.count
        #expect(notRun == 1)
        let root = try Self.parse(CheckSummary.junit(results))
        // failing: two rows fail; error: two errors and its one check, which did not run;
        // doubtful: one inconclusive row; lesson: two rows fail as expected.
        #expect(
            Self.claimed(root) == Counts(tests: rows + errors + notRun, failures: 2, errors: 3, skipped: 3))
    }

    @Test func withStrictInconclusiveRowsFailAndWarningsAreErrors() throws {
        let root = try Self.parse(CheckSummary.junit(SummaryFixtures.results(["doubtful", "lesson"], strict: true)))
        #expect(Self.claimed(root) == Counts(tests: 6, failures: 1, errors: 1, skipped: 2))
    }

    @Test func aFailureCarriesTheReasonAndTheHint() throws {
        let root = try Self.parse(CheckSummary.junit(SummaryFixtures.results(["failing"])))
        let failures = try root.nodes(forXPath: "//failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == 2)
        let message = failures.first?.attribute(forName: "message")?.stringValue ?? ""
        #expect(message.hasPrefix("differs by "))
        #expect(
            message.hasSuffix(" — claim/reference follows 1/λᵢ: a derivative with respect to λ where ln λ was meant"))
        let names = try root.nodes(forXPath: "//testcase/@name").compactMap(\.stringValue)
        #expect(names.allSatisfy { $0.hasPrefix("line 17: \\frac{\\partial \\ell}{\\partial \\theta_i} = ") })
        #expect(names.count == 2 && names[0].hasSuffix(" [i = 1]") && names[1].hasSuffix(" [i = 2]"))
    }

    @Test func textSurvivesEscapingAndParsingBack() throws {
        let text = "a < b && c > \"d\" 'e'\nnext\tline\r\u{01}"
        let xml = "<t a=\"\(XMLText.escape(text, in: .attribute))\">\(XMLText.escape(text))</t>"
        let element = try Self.parse(xml)
        #expect(element.attribute(forName: "a")?.stringValue == "a < b && c > \"d\" 'e'\nnext\tline\r\u{FFFD}")
        #expect(element.stringValue == "a < b && c > \"d\" 'e'\nnext\tline\r\u{FFFD}")
    }
}
