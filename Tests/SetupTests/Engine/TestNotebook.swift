import Diagnostics
import Numerics
import Setup

/// A notebook made of gp blocks, for tests: each block sits in its own fence of one file,
/// so diagnostics render with real notebook positions.
struct TestNotebook {
    let file: SourceFile
    let fragments: [SourceFragment]

    /// A notebook at `path` holding `blocks`, each in a ```` ```gp ```` fence.
    init(_ blocks: String..., path: String = "test.md") {
        self.init(blocks, path: path)
    }

    /// A notebook at `path` holding `blocks`, each in a ```` ```gp ```` fence.
    init(_ blocks: [String], path: String = "test.md") {
        var text = "# Test\n"
        var starts: [Int] = []
        for block in blocks {
            text += "\n```gp\n"
            starts.append(text.utf8.count)
            text += block + "\n```\n"
        }
        let file = SourceFile(path: path, text: text)
        self.file = file
        fragments = zip(blocks, starts).map { SourceFragment(text: $0, file: file, fileOffset: $1) }
    }

    /// The notebook evaluated with `options`.
    func evaluate(_ options: EvaluationOptions = EvaluationOptions()) -> NotebookEvaluation {
        NotebookEvaluation(blocks: fragments, options: options)
    }

    /// The rendered diagnostics of evaluating the notebook.
    func renderedDiagnostics(_ options: EvaluationOptions = EvaluationOptions()) -> String {
        DiagnosticRenderer().render(evaluate(options).diagnostics)
    }

    /// The base scope.
    func scope(_ options: EvaluationOptions = EvaluationOptions()) -> DefinitionScope {
        evaluate(options).scope
    }
}

/// The one tolerance of these tests beyond exact equality: results that take a different
/// but stable route than the closed form they are compared with (BLAS sums, library
/// functions) agree to the project's default of `isApproximatelyEqual` (1e-12 relative,
/// 1e-14 absolute).
func close(_ a: Matrix, _ b: Matrix) -> Bool { isApproximatelyEqual(a, b) }

/// The scalar case of `close`.
func close(_ a: Double, _ b: Double) -> Bool { isApproximatelyEqual(a, b) }

/// The value of `name` after evaluating one gp block.
func evaluated(_ code: String, _ name: String) throws -> Value {
    try TestNotebook(code).scope().value(of: name)
}

/// The matrix of `name` after evaluating one gp block.
func matrix(_ code: String, _ name: String = "r") throws -> Matrix {
    try evaluated(code, name).matrix
}

/// The error evaluating `name` in one gp block gives, if any.
func failure(_ code: String, _ name: String = "r") -> EvaluationError? {
    do {
        _ = try TestNotebook(code).scope().value(of: name)
        return nil
    } catch {
        return error
    }
}
