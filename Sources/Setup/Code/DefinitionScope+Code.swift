import Diagnostics
import Numerics

/// The names code cells define, evaluated by running the cell.
extension DefinitionScope {
    /// The run of code cell `index` in this scope: its reads taken from this scope, run (or
    /// remembered) by the notebook's code runs. The base scope's first run is made twice.
    public func codeRun(ofCell index: Int) throws(EvaluationError) -> CodeRun {
        guard definitions.codeCells.indices.contains(index) else {
            throw EvaluationError(.invalid, "there is no code cell \(index)")
        }
        let cell = definitions.codeCells[index]
        if let parent, let first = cell.defines.first, !affected.contains(first.name) {
            return try parent.codeRun(ofCell: index)
        }
        return try withLock { () throws(EvaluationError) -> CodeRun in
            if let known = codeRunResult(index) { return try known.get() }
            let result = Result { () throws(EvaluationError) -> CodeRun in
                var inputs: [String: Matrix] = [:]
                for read in cell.reads {
                    do throws(EvaluationError) {
                        inputs[read.name] = try value(of: read.name).matrix
                    } catch {
                        throw error.isReported ? error : error.asDependency(at: read.range)
                    }
                }
                return try context.code.run(cell, inputs: inputs, base: parent == nil)
            }
            storeCodeRun(result, index)
            return try result.get()
        }
    }

    /// The run of a cell as the names it defines see it: a failure of the run is reported at
    /// the cell, once, and is a dependency failure for everything that uses them.
    private func usedRun(ofCell index: Int) throws(EvaluationError) -> CodeRun {
        do throws(EvaluationError) {
            return try codeRun(ofCell: index)
        } catch {
            throw error.isReported ? error : error.asDependency(at: nil)
        }
    }

    /// A value a code cell defines.
    func codeValue(of name: String, cell: Int) throws(EvaluationError) -> Value {
        switch try usedRun(ofCell: cell).values[name] {
        case .value(let matrix)?: return Value(matrix)
        case .family?:
            throw EvaluationError(
                .invalid, "'\(name)' is an indexed family, not a value", help: "name a member: \(name)[1]")
        case nil: throw EvaluationError(.invalid, "the cell did not define '\(name)'")
        }
    }

    /// Member `index` (1-based) of a family a code cell defines.
    func codeMember(of name: String, index: Int, cell: Int) throws(EvaluationError) -> Value {
        guard case .family(let members)? = try usedRun(ofCell: cell).values[name] else {
            throw EvaluationError(.invalid, "the cell did not define the family '\(name)'")
        }
        guard members.indices.contains(index - 1) else {
            throw EvaluationError(
                .index,
                "index \(index) of '\(name)' is out of range: '\(name)' has \(members.count) members (1…\(members.count))"
            )
        }
        return Value(members[index - 1])
    }
}
