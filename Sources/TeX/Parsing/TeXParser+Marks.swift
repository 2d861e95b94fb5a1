import Diagnostics

extension TeXParser {
    /// The parse result, with each label and tag placed in its row of the display and the
    /// numbering decided.
    ///
    /// A display's rows are the rows of the environment that makes up the whole formula
    /// (`align`, `aligned`, `gather`, or lines split by `\\`). Numbering is suppressed by a
    /// starred environment, or by `\notag` — on every row when there are several.
    mutating func result(source: String, root: TeXNode) -> TeXParseResult {
        let rows = Self.displayRows(of: root)
        func row(of range: SourceRange) -> Int? {
            // Rows are in source order and do not overlap: search by position.
            var low = 0
            var high = rows.count
            while low < high {
                let mid = (low + high) / 2
                if rows[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
            }
            return low < rows.count && rows[low].lowerBound <= range.lowerBound ? low : nil
        }
        let labels = labels.map { EquationLabel(name: $0.name, range: $0.range, row: row(of: $0.range)) }
        let tags = tags.map {
            EquationTag(text: $0.text, isStarred: $0.isStarred, range: $0.range, row: row(of: $0.range))
        }
        var firstInRow: [Int?: Int] = [:]
        var firstNamed: [String: Int] = [:]
        for (index, label) in labels.enumerated() {
            let candidates = [firstInRow[label.row], firstNamed[label.name]].compactMap { $0 }
            if let earlier = candidates.min().map({ labels[$0] }) {
                report(
                    .duplicateLabel,
                    earlier.name == label.name
                        ? "label '\(label.name)' is given twice" : "second label '\(label.name)' for one equation",
                    at: label.range, help: "an equation has one label; remove one of them",
                    notes: [Diagnostic.Note("'\(earlier.name)' is given here", range: earlier.range)])
            }
            if firstInRow[label.row] == nil { firstInRow[label.row] = index }
            if firstNamed[label.name] == nil { firstNamed[label.name] = index }
        }
        let starred = Self.displayEnvironment(of: root)?.kind?.isUnnumbered ?? false
        let suppressedRows = Set(suppressions.map { row(of: $0) })
        let suppressed =
            starred
            || (rows.count <= 1 ? !suppressions.isEmpty : (0..<rows.count).allSatisfy { suppressedRows.contains($0) })
        return TeXParseResult(
            source: source, root: root, labels: labels, tags: tags, isNumberingSuppressed: suppressed,
            issues: issues.enumerated().sorted {
                ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
            }.map(\.element))
    }

    /// The environment that is the whole formula, if there is one.
    static func displayEnvironment(of root: TeXNode) -> Environment? {
        guard case .row(let nodes) = root.kind, nodes.count == 1,
            case .environment(let environment) = nodes[0].kind
        else { return nil }
        return environment
    }

    /// The ranges of the rows of the display environment; empty when there is none.
    static func displayRows(of root: TeXNode) -> [SourceRange] {
        guard let environment = displayEnvironment(of: root) else { return [] }
        return environment.rows.compactMap { cells in
            guard let first = cells.first, let last = cells.last else { return nil }
            return first.range.union(last.range)
        }
    }
}
