import Checks
import Diagnostics
import Setup
import Testing

@testable import Pipeline

/// A notebook's front matter may lower the limits of evaluation, never raise them.
@Suite struct LimitsTests {
    func notebook(_ frontMatter: String, body: String = "# T\n") -> SourceFile {
        SourceFile(path: "n.md", text: "---\n\(frontMatter)\n---\n\n\(body)")
    }

    @Test func frontMatterLowersEveryLimit() {
        let file = notebook("time-limit: 2.5\nmax-entries: 1000\nmax-call-depth: 10\nmax-iterations: 50")
        let parse = NotebookParse(file: file)
        let (options, diagnostics) = Limits.applying(parse.notebook.frontMatter, to: EvaluationOptions(), file: file)
        #expect(diagnostics.isEmpty)
        #expect(options.timeBudget == 2.5)
        #expect(options.maxElements == 1000)
        #expect(options.maxCallDepth == 10)
        #expect(options.fixpointLimit == 50)
    }

    @Test func frontMatterCannotRaiseALimitAndSaysWhichOptionWould() {
        let file = notebook("time-limit: 60")
        let parse = NotebookParse(file: file)
        let (options, diagnostics) = Limits.applying(parse.notebook.frontMatter, to: EvaluationOptions(), file: file)
        #expect(options.timeBudget == 20)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.message == "'time-limit: 60' would raise the time budget above 20 s; 20 s is used")
        #expect(diagnostics.first?.help?.hasSuffix("run derive with --time-limit 60") == true)
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func aLimitThatIsNotANumberIsAnError() {
        let file = notebook("max-entries: many\nmax-call-depth: 2.5")
        let parse = NotebookParse(file: file)
        let (options, diagnostics) = Limits.applying(parse.notebook.frontMatter, to: EvaluationOptions(), file: file)
        #expect(options == EvaluationOptions())
        #expect(
            diagnostics.map(\.message) == [
                "'max-entries' must be a whole number, not 'many'",
                "'max-call-depth' must be a whole number, not '2.5'",
            ])
        #expect(parse.notebook.diagnostics.isEmpty)  // the keys themselves are known
    }

    @Test func aCheckAGpBlockErrorStopsIsListedAsNotRunWithoutASecondDiagnostic() {
        let text = """
            ```gp
            let A = [1, 2; 3, 4]
            let B = chol(A)
            ```

            ```math check
            B = B
            ```
            """
        let run = NotebookRun(file: SourceFile(path: "n.md", text: text))
        #expect(run.checks.map(\.status) == [.notRun])
        #expect(run.checks.first?.notRun?.cause == .dependency)
        #expect(run.checks.first?.notRun?.reason.hasPrefix("a definition it uses could not be evaluated: ") == true)
        #expect(run.diagnostics.filter { $0.severity == .error }.count == 1)
        #expect(run.result(strict: false) == .error)
    }
}
