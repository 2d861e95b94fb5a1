import Diagnostics
import Foundation
import Numerics
import Setup

/// The process's answers read into values and errors placed in the notebook.
extension CodeSession {
    /// An `outputs` message: the cell's values by gp name, checked against its declarations.
    func outputs(_ reply: Wire.Reader, cell: CodeCell) throws(ChildProcess.Failure) -> CodeRun {
        var reader = reply
        var run = CodeRun(values: [:])
        do {
            let count = try reader.u32()
            var arrays: [String: Wire.Array] = [:]
            for _ in 0..<count {
                let array = try reader.array()
                arrays[array.name] = array
            }
            run.printed = try reader.string()
            for _ in 0..<(try reader.u32()) {
                let identifier = try reader.string()
                let type = try reader.string()
                guard let define = cell.defines.first(where: { $0.identifier == identifier }) else { continue }
                run.notes.append(
                    CodeNote(
                        name: define.name,
                        message:
                            "'\(define.name)' is \(type) in the cell: derive reads it as float64, but it holds only about \(type == "float16" ? 3 : 7) significant digits",
                        help: "compute it in float64; finite differences of a \(type) value are mostly rounding"))
            }
            versions = Self.merged(versions, try reader.string())
            for define in cell.defines {
                guard let array = arrays[define.identifier] else {
                    throw ChildProcess.Failure.cell(
                        EvaluationError(.invalid, "the cell did not send '\(define.name)'", range: define.range))
                }
                run.values[define.name] = try value(array, declared: define)
            }
        } catch let failure as ChildProcess.Failure {
            throw failure
        } catch let garbage as Wire.Garbage {
            throw .garbage(garbage.message)
        } catch {
            throw .garbage("\(error)")
        }
        return run
    }

    /// An array as the value or family its name was declared as.
    private func value(_ array: Wire.Array, declared define: CodeName) throws(ChildProcess.Failure) -> CodeValue {
        let shape = array.shape.map(String.init).joined(separator: "×")
        if define.isFamily {
            guard let slices = array.slices else {
                let what = array.matrix.map { Value($0).shapeDescription } ?? "an array of shape \(shape)"
                throw .cell(
                    EvaluationError(
                        .shape, "'\(define.name)' is declared as a family, but the cell made it \(what)",
                        help: "declare it as '\(define.name)', or make it an n×m×p array whose last axis is the index",
                        range: define.range))
            }
            return .family(slices)
        }
        guard let matrix = array.matrix else {
            throw .cell(
                EvaluationError(
                    .shape,
                    "'\(define.name)' is a 3-D array (\(shape)): declare it as a family indexed by its last axis",
                    help: "write '\(define.name)[i]' among the defines; G[i] is then the slice [:, :, i]",
                    range: define.range))
        }
        return .value(matrix)
    }

    /// An `error` message as an evaluation error at its place in the cell.
    func errorReply(_ reader: inout Wire.Reader, cell: CodeCell) throws(Wire.Garbage) -> EvaluationError {
        let kind = try reader.string()
        let message = try reader.string()
        let line = try reader.u32()
        let column = try reader.u32()
        let detail = try reader.string()
        let at = Self.range(in: cell, line: line, column: column)
        switch kind {
        case "syntax":
            return EvaluationError(.invalid, "\(language.displayName) cannot read the cell: \(message)", range: at)
        case "undeclared":
            let names = message.split(separator: ",").map(String.init)
            let first = names.first ?? message
            let known = names.filter { notebookNames.contains(SetupNames.canonical($0)) }
            let marker = language.optionMarker
            let reads = (cell.reads.map(\.identifier) + known).joined(separator: ", ")
            return EvaluationError(
                .unknownName,
                names.count == 1
                    ? "the cell uses '\(first)', which it neither reads nor defines"
                    : "the cell uses \(names.map { "'\($0)'" }.joined(separator: ", ")), which it neither reads nor defines",
                help: known.isEmpty
                    ? "define or import it in the cell; a cell sees only the names it reads"
                    : "declare what it reads, so that a derivative through the cell sees it: '\(marker) reads: \(reads)'",
                range: at)
        case "exception":
            let lastLine = detail.split(separator: "\n").last.map(String.init) ?? message
            return EvaluationError(
                .invalid, "the cell raised \(message)",
                help: detail.isEmpty || lastLine == message ? nil : "\(lastLine)", range: at)
        case "missing":
            let define = cell.defines.first { $0.identifier == message }
            return EvaluationError(
                .invalid, "the cell did not define '\(define?.name ?? message)'",
                help: "assign it in the cell: \(message) = …", range: define?.range ?? at)
        case "type", "dtype", "shape", "empty":
            let parts = message.split(separator: "\t", maxSplits: 1).map(String.init)
            let identifier = parts.first ?? message
            let what = parts.count > 1 ? parts[1] : ""
            let define = cell.defines.first { $0.identifier == identifier }
            let name = define?.name ?? identifier
            let text: String =
                switch kind {
                case "type": "'\(name)' is a \(what), not a number or an array"
                case "dtype": "'\(name)' has dtype \(what): derive takes real numbers"
                case "empty": "'\(name)' is empty (shape \(what)): an empty array has no value in a derivation"
                default:
                    "'\(name)' has shape \(what): derive takes scalars, vectors, matrices and 3-D arrays (families)"
                }
            return EvaluationError(.shape, text, range: define?.range ?? at)
        case "numpy":
            return EvaluationError(
                .invalid, "numpy cannot be imported by the Python derive runs (\(message))",
                help:
                    "install numpy for it (python3 -m pip install numpy, or Debian's python3-numpy), or point DERIVE_PYTHON at a Python that has it",
                range: cell.range)
        default:
            return EvaluationError(.invalid, "\(processName) reported: \(message)", range: at)
        }
    }

    /// The notebook range of line `line` (of the notebook, 1-based; 0: unknown) and column
    /// `column` (1-based characters; 0: the whole line) of a cell.
    static func range(in cell: CodeCell, line: Int, column: Int) -> SourceRange {
        let first = cell.notebookLine(ofCellLine: 0)
        let k = line - first
        guard line > 0, cell.fragment.lineStarts.indices.contains(k) else { return cell.range }
        let start = cell.fragment.lineStarts[k].fragmentOffset
        let text = cell.fragment.text.utf8.dropFirst(start).prefix { $0 != 0x0A }
        let lineText = String(decoding: text, as: UTF8.self)
        guard column > 0 else {
            let indent = lineText.prefix { $0 == " " }.utf8.count
            return cell.fragment.fileRange(start + indent, start + text.count)
        }
        let prefix = lineText.prefix(max(0, column - 1)).utf8.count
        return cell.fragment.fileRange(start + prefix, start + min(text.count, prefix + 1))
    }
}
