import Diagnostics

extension SetupParser {
    /// Parentheses and brackets swapped on known names: `X(2, 3)` on a value (MATLAB's
    /// indexing) and `k[x, z]` on a function. `parse` runs this with the block's own
    /// definitions; pass the definitions of other blocks to check names defined there.
    ///
    /// - Parameters:
    ///   - block: the parsed block whose expressions are checked.
    ///   - text: the block's text (quoted in the suggested fix).
    ///   - definitions: the definitions whose names are known to be values or functions.
    public static func bracketMisuse(
        in block: SetupBlock, text: String, definitions: [SetupDefinition]
    ) -> [Diagnostic] {
        var kinds: [String: String] = [:]  // name → "function", "value" or "indexed family"
        for definition in definitions {
            switch (definition.form, definition.body.kind) {
            case (.function, _), (.value, .lambda): kinds[definition.name.name] = "function"
            case (.value, _): kinds[definition.name.name] = "value"
            case (.family, _): kinds[definition.name.name] = "indexed family"
            }
        }
        var walker = CallMisuseWalker(kinds: kinds, utf8: Array(text.utf8))
        for definition in block.definitions {
            var bound: Set<String> = []
            switch definition.form {
            case .value: break
            case .family(let indices): bound = Set(indices.map(\.name))
            case .function(let parameters): bound = Set(parameters.map(\.name))
            }
            walker.walk(definition.body, bound: bound)
        }
        return walker.diagnostics
    }
}

/// Walks expressions looking for `value(…)` and `function[…]`.
private struct CallMisuseWalker {
    let kinds: [String: String]
    let utf8: [UInt8]
    var diagnostics: [Diagnostic] = []

    mutating func walk(_ expression: SetupExpression, bound: Set<String>) {
        switch expression.kind {
        case .call(let callee, let arguments)
        where (kinds[callee.name] ?? "function") != "function" && !bound.contains(callee.name):
            let subscripts = arguments.map { source($0.value.range) }.joined(separator: ", ")
            let kind = kinds[callee.name] ?? ""
            diagnostics.append(
                .error(
                    "'\(callee.name)' is \(kind == "value" ? "a" : "an") \(kind), not a function",
                    range: expression.range,
                    help: "index with brackets: \(source(callee.range))[\(subscripts)]"))
        case .index(let base, let subscripts):
            if case .name(let name) = base.kind, kinds[name] == "function", !bound.contains(name) {
                let arguments = subscripts.map { source($0.range) }.joined(separator: ", ")
                diagnostics.append(
                    .error(
                        "'\(name)' is a function, not a value", range: expression.range,
                        help: "call it with parentheses: \(source(base.range))(\(arguments))"))
            }
        case .lambda(let parameters, let body):
            walk(body, bound: bound.union(parameters.map(\.name)))
            return
        default:
            break
        }
        for child in expression.children { walk(child, bound: bound) }
    }

    func source(_ range: SourceRange) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        return String(decoding: utf8[lower..<max(lower, min(range.upperBound, utf8.count))], as: UTF8.self)
    }
}
