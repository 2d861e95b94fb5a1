import Diagnostics
import Foundation
import Setup

extension SwiftCompilation {
    /// The generated program: the runtime, then each cell as a function of its reads that
    /// returns its defines, then `main`. Each cell's code is marked with
    /// `#sourceLocation(file: "cell<k>", line: 1)` and each define's glue with
    /// `"cell<k>-define<j>"`, so the compiler's positions say where in the notebook they are.
    static func program(_ cells: [CodeCell], version: String) -> String {
        var out = SwiftRuntime.source + "\n"
        for cell in cells {
            out += "func __deriveCell\(cell.index)(_ __deriveInputs: [String: Matrix]) -> [String: __DeriveOutput] {\n"
            for read in cell.reads {
                out += "    let `\(read.identifier)` = __deriveInputs[\(literal(read.identifier))]!\n"
            }
            out += "#sourceLocation(file: \"cell\(cell.index)\", line: 1)\n"
            out += cell.source + "\n"
            out += "#sourceLocation()\n"
            out += "    var __deriveOutputs: [String: __DeriveOutput] = [:]\n"
            for (j, define) in cell.defines.enumerated() {
                out += "#sourceLocation(file: \"cell\(cell.index)-define\(j)\", line: 1)\n"
                out += "    __deriveOutputs[\(literal(define.identifier))] = __deriveOutput(`\(define.identifier)`)\n"
                out += "#sourceLocation()\n"
            }
            out += "    return __deriveOutputs\n}\n\n"
        }
        out += "@main struct __DeriveCells {\n    static func main() {\n"
        out += "        __deriveMain(version: \(literal("Swift " + Self.shortVersion(version))), cells: [\n"
        for cell in cells { out += "            \(cell.index): __deriveCell\(cell.index),\n" }
        if cells.isEmpty { out += "            :\n" }
        out += "        ])\n    }\n}\n"
        return out
    }

    /// "6.3.1" from `swiftc --version`'s first line.
    static func shortVersion(_ version: String) -> String {
        let words = version.split(whereSeparator: \.isWhitespace)
        if let index = words.firstIndex(of: "version"), index + 1 < words.count { return String(words[index + 1]) }
        return String(version.split(separator: "\n").first ?? "")
    }

    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The compiler's errors placed in the notebook: `cell<k>:L:C: error: …` at line L,
    /// column C (UTF-8 bytes) of cell k, `cell<k>-define<j>:…` at define j.
    static func errors(in output: String, cells: [CodeCell], at cell: CodeCell) -> CompileFailure {
        var byCell: [Int: EvaluationError] = [:]
        var first: String?
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[3].trimmingCharacters(in: .whitespaces) == "error",
                let lineNumber = Int(parts[1]), let column = Int(parts[2])
            else { continue }
            let message = parts[4].trimmingCharacters(in: .whitespaces)
            first = first ?? message
            let file = String(parts[0])
            guard file.hasPrefix("cell") else { continue }
            let names = file.dropFirst(4).split(separator: "-define")
            guard let index = names.first.flatMap({ Int($0) }), byCell[index] == nil,
                let target = cells.first(where: { $0.index == index })
            else { continue }
            let range: SourceRange
            if names.count == 2, let j = Int(names[1]), target.defines.indices.contains(j) {
                range = target.defines[j].range
            } else {
                range = byteRange(in: target, line: lineNumber, column: column)
            }
            byCell[index] = EvaluationError(.invalid, "Swift: \(message)", range: range)
        }
        let general = EvaluationError(
            .dependency, "the notebook's Swift cells did not compile" + (first.map { ": \($0)" } ?? ""),
            range: cell.range)
        if byCell.isEmpty {
            // An error outside every cell is derive's own: say it, at the first cell.
            let own = EvaluationError(
                .invalid, "the Swift cells did not compile: \(first ?? String(output.suffix(300)))", range: cell.range)
            return CompileFailure(byCell: [:], general: own)
        }
        return CompileFailure(byCell: byCell, general: general)
    }

    /// Line `line` (1-based, of the cell's code) and byte column `column` of a cell.
    static func byteRange(in cell: CodeCell, line: Int, column: Int) -> SourceRange {
        let k = line - 1
        guard cell.fragment.lineStarts.indices.contains(k) else { return cell.range }
        let start = cell.fragment.lineStarts[k].fragmentOffset
        let length = cell.fragment.text.utf8.dropFirst(start).prefix { $0 != 0x0A }.count
        let offset = min(max(0, column - 1), length)
        return cell.fragment.fileRange(start + offset, start + min(length, offset + 1))
    }
}
