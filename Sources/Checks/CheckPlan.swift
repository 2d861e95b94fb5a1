import Diagnostics
import Numerics
import Setup

/// What a check runs over, found before anything is judged: the free indices that make
/// rows (`i` of `λ_i`, `D_i`, `∂/∂θ_i`) with their ranges, and the entry indices that make
/// an elementwise equation (`a`, `b` of `K_{ab}`).
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
        func use(_ name: String, _ range: ClosedRange<Int>, _ whereUsed: String, _ at: SourceRange) throws(CheckFailure)
        {
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
                    throw CheckFailure(error, at: derivative.variable.range)
                }
                guard value.isVector else {
                    throw CheckFailure(
                        "'\(derivative.variable.name)' is \(value.shapeDescription); derivatives are taken with respect to scalars and vector components, not matrix entries",
                        derivative.variable.range)
                }
                try use(
                    letter, 1...value.matrix.rows, "\(derivative.variable.name)_\(letter)", derivative.variable.range)
            case .member(let family, let indices):
                let ranges: [ClosedRange<Int>]
                do {
                    ranges = try scope.indexRanges(of: family)
                } catch {
                    throw CheckFailure(error, at: node.range)
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
