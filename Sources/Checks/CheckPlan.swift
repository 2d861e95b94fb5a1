import Setup
import Diagnostics
import Numerics

/// What a check runs over, found before anything is judged: the free indices that make
/// rows (`i` of `λ_i`, `D_i`, `∂/∂θ_i`) with their ranges, the entry indices that make an
/// elementwise equation (`a`, `b` of `K_{ab}`), and the assurance that every derivative
/// enters its side linearly and depends on its variable.
struct CheckPlan {
    /// A free index and the values it takes.
    struct RowIndex {
        var name: String
        var range: ClosedRange<Int>
    }

    var rowIndices: [RowIndex] = []
    var axes: EntryAxes

    /// Every assignment of the row indices, the first index slowest.
    var assignments: [[String: Int]] {
        rowIndices.reduce([[:]]) { partial, index in
            partial.flatMap { assignment in
                index.range.map { value in assignment.merging([index.name: value]) { $1 } }
            }
        }
    }

    /// Plans the check `left = right`.
    init(sides: [CheckExpression], scope: any Scope) throws(CheckFailure) {
        // Pass 1: indices that must be numbers (families, derivative variables) make rows.
        var rows: [String: (ClosedRange<Int>, String)] = [:]
        var rowOrder: [String] = []
        func use(_ name: String, _ range: ClosedRange<Int>, _ whereUsed: String, _ at: SourceRange) throws(CheckFailure) {
            if let (existing, first) = rows[name] {
                guard existing == range else {
                    throw CheckFailure(
                        "'\(name)' runs over \(existing.lowerBound)…\(existing.upperBound) in \(first) but over \(range.lowerBound)…\(range.upperBound) in \(whereUsed)",
                        at, help: "use different letters for indices with different ranges")
                }
                return
            }
            rows[name] = (range, whereUsed)
            rowOrder.append(name)
        }
        for (node, bound) in sides.flatMap({ $0.allNodes(bound: []) }) {
            switch node.kind {
            case .derivative(let derivative):
                guard case .free(let letter) = derivative.variable.index, !bound.contains(letter) else { continue }
                let value: Value
                do {
                    value = try scope.value(of: derivative.variable.name)
                } catch {
                    throw CheckFailure(error.message, derivative.variable.range, help: error.help)
                }
                guard value.isVector else {
                    throw CheckFailure(
                        "'\(derivative.variable.name)' is \(value.shapeDescription); derivatives are taken with respect to scalars and vector components, not matrix entries",
                        derivative.variable.range)
                }
                try use(letter, 1...value.matrix.rows, "\(derivative.variable.name)_\(letter)", derivative.variable.range)
            case .member(let family, let indices):
                let ranges: [ClosedRange<Int>]
                do {
                    ranges = try scope.indexRanges(of: family)
                } catch {
                    throw CheckFailure(error.message, node.range, help: error.help)
                }
                for (k, index) in indices.enumerated() where k < ranges.count {
                    if case .free(let letter) = index, !bound.contains(letter) {
                        try use(letter, ranges[k], "\(family)_\(letter)", node.range)
                    }
                }
            default: break
            }
        }
        // Pass 2: entries. A free index that is not a row index runs over entries; a row
        // index used on a vector or matrix must fit its length.
        var entryOrder: [String] = []
        var lengths: [String: Int] = [:]
        let probe = rowOrder.reduce(into: [String: Int]()) { $0[$1] = rows[$1]?.0.lowerBound ?? 1 }
        let provisional = SideEvaluator(
            scope: scope, assignment: probe, axes: EntryAxes(order: [], lengths: [:]), mode: .zero)
        for side in sides {
            for node in side.allNodes(bound: []) {
                guard case .entry(let base, let indices) = node.node.kind else { continue }
                let frees = indices.compactMap { index -> String? in
                    if case .free(let letter) = index, !node.bound.contains(letter) { return letter }
                    return nil
                }
                guard !frees.isEmpty else { continue }
                var evaluator = provisional
                for letter in node.bound { evaluator.assignment[letter] = 1 }
                let matrix = try evaluator.evaluate(base).matrix
                let dimensions = indices.count == 1 ? [matrix.count] : [matrix.rows, matrix.columns]
                for (k, index) in indices.enumerated() where k < dimensions.count {
                    guard case .free(let letter) = index, !node.bound.contains(letter) else { continue }
                    if let (range, first) = rows[letter] {
                        guard range == 1...dimensions[k] else {
                            throw CheckFailure(
                                "'\(letter)' runs over \(range.lowerBound)…\(range.upperBound) in \(first) but over 1…\(dimensions[k]) in \(base.description)_\(letter)",
                                node.node.range, help: "use different letters for indices with different ranges")
                        }
                    } else if let length = lengths[letter] {
                        guard length == dimensions[k] else {
                            throw CheckFailure(
                                "'\(letter)' runs over 1…\(length) in one place but over 1…\(dimensions[k]) in \(base.description)_\(letter)",
                                node.node.range)
                        }
                    } else {
                        lengths[letter] = dimensions[k]
                        entryOrder.append(letter)
                    }
                }
            }
        }
        rowIndices = rowOrder.compactMap { name in rows[name].map { RowIndex(name: name, range: $0.0) } }
        axes = EntryAxes(order: entryOrder, lengths: lengths)
        let count = rowIndices.reduce(1) { $0 * $1.range.count }
        guard count <= 1000 else {
            throw CheckFailure(
                "the check would run \(count) rows", sides[0].range.union(sides[sides.count - 1].range),
                help: "fix some indices to numbers, or check fewer components at once")
        }
    }

    // MARK: - Derivatives

    /// Throws unless every derivative enters `side` linearly (sums, differences, products
    /// with derivative-free factors, traces, transposes, entries) and has a variable that its
    /// expression depends on. Returns whether the side holds a derivative.
    static func validate(_ side: CheckExpression, definitions: NotebookDefinitions) throws(CheckFailure) -> Bool {
        try linear(side, context: nil, definitions: definitions)
    }

    private static func linear(
        _ e: CheckExpression, context: String?, definitions: NotebookDefinitions
    ) throws(CheckFailure) -> Bool {
        switch e.kind {
        case .number, .identity, .name, .member:
            return false
        case .derivative(let derivative):
            if let context {
                throw CheckFailure(
                    "'\(e.description)' enters this side through \(context); derive checks sides that are linear in their derivatives",
                    e.range,
                    help: "define the whole quantity in a gp block and differentiate it: \\frac{\\partial \\ell}{\\partial \\theta_i}")
            }
            if derivative.of.allNodes.contains(where: { if case .derivative = $0.kind { true } else { false } }) {
                throw CheckFailure("second derivatives cannot be checked yet", e.range)
            }
            let used = derivative.of.usedNames
            guard used.contains(where: { definitions.dependsOn($0, derivative.variable.name) }) else {
                let what = used.count == 1 ? used[0] : derivative.of.description
                throw CheckFailure(
                    NotebookDefinitions.independenceMessage(what, derivative.variable.name), e.range,
                    help: "differentiate something that is computed from '\(derivative.variable.name)'")
            }
            return true
        case .entry(let base, _):
            return try linear(base, context: context, definitions: definitions)
        case .unary(let op, let operand):
            switch op {
            case .negate, .transpose, .trace, .diag:
                return try linear(operand, context: context, definitions: definitions)
            default:
                return try linear(operand, context: context ?? "'\(op.rawValue)'", definitions: definitions)
            }
        case .binary(let op, let left, let right):
            switch op {
            case .add, .subtract:
                let a = try linear(left, context: context, definitions: definitions)
                let b = try linear(right, context: context, definitions: definitions)
                return a || b
            case .product, .elementwise:
                let a = try linear(left, context: context, definitions: definitions)
                let b = try linear(right, context: a ? "a product with another derivative" : context, definitions: definitions)
                return a || b
            case .divide:
                let a = try linear(left, context: context, definitions: definitions)
                _ = try linear(right, context: context ?? "a denominator", definitions: definitions)
                return a
            case .power:
                let a = try linear(left, context: context ?? "a power", definitions: definitions)
                _ = try linear(right, context: context ?? "an exponent", definitions: definitions)
                return a
            }
        case .call(let function, let arguments):
            var found = false
            for argument in arguments {
                found = try linear(argument, context: context ?? "'\(function)'", definitions: definitions) || found
            }
            return found
        case .sum(_, let lower, let upper, let body):
            _ = try linear(lower, context: context ?? "a limit of a sum", definitions: definitions)
            _ = try linear(upper, context: context ?? "a limit of a sum", definitions: definitions)
            return try linear(body, context: context, definitions: definitions)
        }
    }
}

extension CheckExpression {
    /// Every node, in pre-order.
    var allNodes: [CheckExpression] { [self] + children.flatMap(\.allNodes) }

    /// Every node with the indices bound by the sums around it.
    func allNodes(bound: Set<String>) -> [(node: CheckExpression, bound: Set<String>)] {
        var inner = bound
        if case .sum(let index, _, _, _) = kind { inner.insert(index) }
        return [(self, bound)] + children.flatMap { $0.allNodes(bound: inner) }
    }

    /// The notebook names the expression reads (values, families, functions).
    var usedNames: [String] {
        var names: [String] = []
        for node in allNodes {
            switch node.kind {
            case .name(let name), .member(let name, _), .call(let name, _):
                if !names.contains(name) { names.append(name) }
            default: break
            }
        }
        return names
    }
}
