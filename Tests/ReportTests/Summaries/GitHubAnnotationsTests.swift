import Diagnostics
import Testing

@testable import Report

@Suite struct GitHubAnnotationsTests {
    @Test func annotationsOfEveryFixtureMatchTheirGoldenFile() {
        SummaryFixtures.golden.check(
            CheckSummary.annotations(SummaryFixtures.all()), against: "summaries/expected/all.annotations.txt")
    }

    @Test func errorsAndFailuresAreErrorsAndInconclusiveChecksWarnings() {
        let lines = CheckSummary.annotations(SummaryFixtures.all()).split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("::error ") }
        let warnings = lines.filter { $0.hasPrefix("::warning ") }
        // error.md: two errors; failing.md: one failed check (the lesson's failure is expected).
        #expect(errors.count == 3)
        #expect(errors.filter { $0.contains("title=derive%3A the check fails::") }.count == 1)
        // doubtful.md: a warning, an inconclusive check, and the blind spot λ = 2.
        #expect(warnings.count == 3)
        #expect(lines.count == errors.count + warnings.count)
    }

    @Test func onlyGitHubActionsAsksForThem() {
        #expect(CheckSummary.wantsAnnotations(environment: ["GITHUB_ACTIONS": "true"]))
        #expect(!CheckSummary.wantsAnnotations(environment: ["GITHUB_ACTIONS": "false"]))
        #expect(!CheckSummary.wantsAnnotations(environment: ["CI": "true"]))
    }

    @Test func propertiesAndMessagesAreEscapedAsGitHubsToolkitDoes() {
        #expect(Annotation.escapeData("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad")
        #expect(Annotation.escapeProperty("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad")
        let annotation = Annotation(
            level: "error", file: "notes/a,b.md", start: .init(line: 3, column: 1), end: .init(line: 4, column: 2),
            title: "derive: error", message: "one\ntwo")
        #expect(
            annotation.command
                == "::error file=notes/a%2Cb.md,line=3,col=1,endLine=4,endColumn=2,title=derive%3A error::one%0Atwo\n")
    }
}
