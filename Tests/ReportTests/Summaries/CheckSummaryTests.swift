import Pipeline
import Report
import Testing

/// Golden output of every format, for each fixture notebook alone and for all of them
/// together (the totals, and the order of notebooks).
@Suite struct CheckSummaryTests {
    static let cases: [(String, CheckFormat)] = SummaryFixtures.names.flatMap { name in
        CheckFormat.allCases.map { (name, $0) }
    }

    @Test(arguments: cases) func eachFormatOfEachNotebookMatchesItsGoldenFile(name: String, format: CheckFormat) {
        let output = CheckSummary.render(SummaryFixtures.results([name]), format: format)
        SummaryFixtures.golden.check(
            output, against: "summaries/expected/\(name).\(SummaryFixtures.fileExtension(format))")
    }

    @Test(arguments: CheckFormat.allCases) func eachFormatOfAllNotebooksMatchesItsGoldenFile(format: CheckFormat) {
        let output = CheckSummary.render(SummaryFixtures.all(), format: format)
        SummaryFixtures.golden.check(output, against: "summaries/expected/all.\(SummaryFixtures.fileExtension(format))")
    }

    @Test func theTextFormatIsTheTextSummary() {
        let results = SummaryFixtures.all()
        #expect(CheckSummary.render(results, format: .text) == CheckSummary.text(results.runs))
    }
}

/// What a set of runs means for the exit status, with and without `--strict`.
@Suite struct CheckResultsTests {
    @Test func theResultIsTheWorstOfTheNotebooks() {
        #expect(SummaryFixtures.results(["passing", "matrix"]).result == .pass)
        #expect(SummaryFixtures.results(["passing", "failing"]).result == .fail)
        #expect(SummaryFixtures.results(["failing", "error"]).result == .error)
        #expect(SummaryFixtures.all().result.exitStatus == 3)
    }

    @Test func aLessonThatFailsAsExpectedPasses() {
        #expect(SummaryFixtures.results(["lesson"]).result == .pass)
        #expect(SummaryFixtures.results(["lesson"], strict: true).result == .pass)
    }

    @Test func strictFailsOnInconclusiveChecksAndCallsWarningsErrors() {
        let doubtful = SummaryFixtures.runs["doubtful"]
        #expect(doubtful?.result(strict: false) == .pass)
        #expect(doubtful?.result(strict: true) == .error)
        #expect(SummaryFixtures.results(["doubtful"], strict: true).result.exitStatus == 3)
    }

    @Test func aNotebookThatCannotBeReadIsAnError() {
        let unreadable = CheckResults(runs: [], unreadable: [.error("the file is not UTF-8 text")])
        #expect(unreadable.result == .error)
        #expect(CheckResults(runs: []).result == .pass)
    }
}
