import Diagnostics
import Foundation

extension SetupBlock {
    /// The tree as indented text, one node per line with its UTF-8 range, for golden tests
    /// and for reading:
    ///
    /// ```
    /// let λ @0..<14
    ///   call exp @8..<14
    ///     name θ @12..<14
    /// ```
    public func dump() -> String {
        var lines: [String] = []
        for option in options {
            lines.append("option \(option.key): \(option.value) \(Self.at(option.range))")
        }
        for definition in definitions {
            let keyword = definition.keyword.rawValue
            let lhs: String
            switch definition.form {
            case .value: lhs = definition.name.name
            case .family(let indices): lhs = "\(definition.name.name)[\(Self.list(indices))]"
            case .function(let parameters): lhs = "\(definition.name.name)(\(Self.list(parameters)))"
            }
            lines.append("\(keyword) \(lhs) \(Self.at(definition.range))")
            definition.body.dump(into: &lines, indent: "  ", prefix: "")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func at(_ range: SourceRange) -> String { "@\(range.lowerBound)..<\(range.upperBound)" }

    static func list(_ names: [SetupName]) -> String { names.map(\.name).joined(separator: ", ") }
}

extension SetupExpression {
    /// Appends this node and its children, one per line.
    func dump(into lines: inout [String], indent: String, prefix: String) {
        let head: String
        switch kind {
        case .number(let text, _): head = "number \(text)"
        case .string(let value): head = "string \(value.quoted)"
        case .name(let name): head = "name \(name)"
        case .colon: head = "colon"
        case .end: head = "end"
        case .unary(let op, _): head = op == .negate ? "negate" : "plus"
        case .binary(let op, _, _): head = op == .juxtapose ? "juxtapose" : "binary '\(op.rawValue)'"
        case .transpose: head = "transpose"
        case .range(_, let step, _): head = step == nil ? "range start:stop" : "range start:step:stop"
        case .call(let callee, _): head = "call \(callee.name)"
        case .index(_, let subscripts): head = "index, \(subscripts.count) subscript\(subscripts.count == 1 ? "" : "s")"
        case .matrix(let rows): head = "matrix, \(rows.count) row\(rows.count == 1 ? "" : "s")"
        case .lambda(let parameters, _): head = "lambda (\(SetupBlock.list(parameters)))"
        case .invalid: head = "invalid"
        }
        lines.append("\(indent)\(prefix)\(head) \(SetupBlock.at(range))")
        let inner = indent + "  "
        switch kind {
        case .call(_, let arguments):
            for argument in arguments {
                argument.value.dump(into: &lines, indent: inner, prefix: argument.label.map { "\($0.name): " } ?? "")
            }
        case .matrix(let rows):
            for (number, row) in rows.enumerated() {
                lines.append("\(inner)row \(number + 1)")
                for element in row { element.dump(into: &lines, indent: inner + "  ", prefix: "") }
            }
        default:
            for child in children { child.dump(into: &lines, indent: inner, prefix: "") }
        }
    }
}

extension SetupExpression: CustomStringConvertible {
    /// The expression in one line with every operation in parentheses, e.g. `(-(2 ^ 2))`:
    /// how the parser grouped it.
    public var description: String {
        switch kind {
        case .number(let text, _): text
        case .string(let value): value.quoted
        case .name(let name): name
        case .colon: ":"
        case .end: "end"
        case .unary(let op, let operand): "(\(op.rawValue)\(operand))"
        case .binary(.juxtapose, let lhs, let rhs): "(\(lhs) \(rhs))"
        case .binary(let op, let lhs, let rhs): "(\(lhs) \(op.rawValue) \(rhs))"
        case .transpose(let operand): "(\(operand))'"
        case .range(let start, let step, let stop): "(\(start):\(step.map { "\($0):" } ?? "")\(stop))"
        case .call(let callee, let arguments):
            "\(callee.name)(\(arguments.map { ($0.label.map { "\($0.name): " } ?? "") + "\($0.value)" }.joined(separator: ", ")))"
        case .index(let base, let subscripts): "\(base)[\(subscripts.map(\.description).joined(separator: ", "))]"
        case .matrix(let rows):
            "[\(rows.map { $0.map(\.description).joined(separator: ", ") }.joined(separator: "; "))]"
        case .lambda(let parameters, let body): "((\(SetupBlock.list(parameters))) -> \(body))"
        case .invalid: "<invalid>"
        }
    }
}

extension String {
    /// The string in double quotes, with `"` and `\` escaped as the language writes them.
    fileprivate var quoted: String {
        "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
