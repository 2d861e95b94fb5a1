import Diagnostics
import Numerics

/// What one code cell did at the notebook's base point, for the report.
public struct CodeCellResults: Sendable {
    /// What became of the cell.
    public enum Outcome: Sendable {
        /// It ran: what it defined and printed.
        case ran(CodeRun)
        /// It failed, or a name it reads could not be evaluated (`kind == .dependency`).
        case failed(EvaluationError)
        /// Code is not allowed.
        case notRun
        /// `eval: false`: shown only.
        case shownOnly
    }

    /// The cell.
    public let cell: CodeCell
    /// What became of it.
    public let outcome: Outcome
}

extension NotebookEvaluation {
    /// Runs every code cell at the base point (each once more, for the determinism check)
    /// and words what went wrong: one error for a notebook whose code is not allowed, one
    /// per cell that failed, a warning per remark on a value and per value that is NaN or ∞.
    static func evaluateCode(
        _ definitions: NotebookDefinitions, scope: DefinitionScope, nonFinite: inout Set<String>
    ) -> (results: [CodeCellResults], diagnostics: [Diagnostic]) {
        var results: [CodeCellResults] = []
        var diagnostics: [Diagnostic] = []
        var notRun: [CodeCell] = []
        for cell in definitions.codeCells {
            let file = cell.fragment.file
            guard cell.evaluates else {
                results.append(CodeCellResults(cell: cell, outcome: .shownOnly))
                continue
            }
            do throws(EvaluationError) {
                let run = try scope.codeRun(ofCell: cell.index)
                results.append(CodeCellResults(cell: cell, outcome: .ran(run)))
                for note in run.notes {
                    let range = cell.defines.first { $0.name == note.name }?.range ?? cell.range
                    diagnostics.append(.warning(note.message, file: file, range: range, help: note.help))
                }
                for output in cell.defines {
                    guard let definition = definitions.definitions[output.name], definition.codeCell == cell.index,
                        let value = run.values[output.name]
                    else { continue }
                    let members: [Matrix] =
                        switch value {
                        case .value(let matrix): [matrix]
                        case .family(let members): members
                        }
                    guard let bad = members.first(where: { !$0.isFinite }) else { continue }
                    nonFinite.insert(output.name)
                    if definition.dependencies.isDisjoint(with: nonFinite) {
                        diagnostics.append(nonFiniteWarning(definition, Value(bad), file: file))
                    }
                }
            } catch  where error.kind == .codeNotRun {
                results.append(CodeCellResults(cell: cell, outcome: .notRun))
                notRun.append(cell)
            } catch {
                results.append(CodeCellResults(cell: cell, outcome: .failed(error)))
                if !error.isReported { diagnostics.append(error.located(at: cell.range).diagnostic(in: file)) }
            }
        }
        if let first = notRun.first {
            let count = notRun.count
            diagnostics.append(
                .error(
                    "\(count == 1 ? "this code cell was" : "the \(count) code cells were") not run: code cells need --allow-code",
                    file: first.fragment.file, range: first.range,
                    help:
                        "run derive with --allow-code (or DERIVE_ALLOW_CODE=1) only if you trust the notebook's code: never for a notebook from a pull request you have not read",
                    notes: notRun.dropFirst().map { .init("not run either", range: $0.range) }))
        }
        return (results, diagnostics)
    }
}

extension CodeCellResults {
    /// What the cell defined, as a gp block's results are shown: each declared name with its
    /// value, its family or why it has none.
    public var results: BlockResults {
        let entries = cell.defines.map { define -> DefinitionResult in
            let kind: NotebookDefinitions.Kind = define.isFamily ? .family(indexCount: 1) : .value
            let outcome: DefinitionResult.Outcome
            switch self.outcome {
            case .ran(let run):
                switch run.values[define.name] {
                case .value(let matrix)?: outcome = .value(Value(matrix))
                case .family(let members)?:
                    outcome = .family(
                        indices: ["i"], ranges: [1...members.count], first: Value(members.first ?? Matrix(scalar: .nan))
                    )
                case nil: outcome = .failed(EvaluationError(.invalid, "not defined"))
                }
            case .failed(let error): outcome = .failed(error)
            case .notRun:
                outcome = .failed(EvaluationError(.codeNotRun, "not run: code cells need --allow-code"))
            case .shownOnly: outcome = .failed(EvaluationError(.invalid, "not run (eval: false)"))
            }
            return DefinitionResult(name: define.name, kind: kind, range: define.range, outcome: outcome)
        }
        return BlockResults(echo: cell.echo, showsResults: cell.showsResults, entries: entries)
    }
}
