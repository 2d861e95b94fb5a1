import Numerics

/// Subscripts (1-based, inclusive ranges, `:` and `end`, as in MATLAB), members of indexed
/// families, and matrix literals.
extension Interpreter {
    func index(_ base: SetupExpression, _ subscripts: [SetupExpression], at expression: SetupExpression)
        throws(EvaluationError) -> Runtime
    {
        if case .name(let name) = base.kind, bindings[name] == nil,
            case .family(let count) = scope.definitions.kind(of: name)
        {
            return .value(try member(of: name, count: count, subscripts, at: expression))
        }
        let target = try value(evaluate(base), at: base)
        let name: String
        if case .name(let n) = base.kind { name = "'\(n)'" } else { name = "the value" }
        let m = target.matrix
        if subscripts.count == 1 {
            let picks = try indices(subscripts[0], extent: m.count, of: name, dimension: "entries")
            let elements = picks.map { m.elements[$0] }
            let result =
                m.rows == 1 && m.columns > 1
                ? Matrix(rows: 1, columns: elements.count, elements: elements) : Matrix(column: elements)
            return .value(target.with(result))
        }
        let rows = try indices(subscripts[0], extent: m.rows, of: name, dimension: "rows")
        let columns = try indices(subscripts[1], extent: m.columns, of: name, dimension: "columns")
        let result = Matrix(rows: rows.count, columns: columns.count) { i, j in m[rows[i], columns[j]] }
        return .value(target.with(result))
    }

    /// A member of an indexed family: every subscript a positive integer.
    private func member(of name: String, count: Int, _ subscripts: [SetupExpression], at expression: SetupExpression)
        throws(EvaluationError) -> Value
    {
        guard subscripts.count == count else {
            throw error(
                .index, "'\(name)' takes \(count) ind\(count == 1 ? "ex" : "ices"), got \(subscripts.count)",
                at: expression)
        }
        var indices: [Int] = []
        for item in subscripts {
            let v = try value(evaluate(item), at: item)
            guard let s = v.scalar else {
                throw error(
                    .index, "a member of '\(name)' is named by scalar indices; got \(v.shapeDescription)", at: item)
            }
            indices.append(try integer(s, at: item))
        }
        do {
            return try scope.member(of: name, indices: indices)
        } catch  where error.kind == .index {
            guard let ranges = try? scope.indexRanges(of: name), ranges.count == indices.count else {
                throw error.asDependency(at: fileRange(expression.range))
            }
            let domain = zip(scope.definitions.familyIndexNames(name), ranges)
                .map { "\($0) = \($1.lowerBound)…\($1.upperBound)" }.joined(separator: ", ")
            let written = "\(name)[\(indices.map(String.init).joined(separator: ", "))]"
            throw self.error(
                .index, "'\(written)' is out of range: '\(name)' is defined for \(domain)", at: expression,
                help: "indices start at 1")
        } catch {
            if error.range == nil { throw error.located(at: fileRange(expression.range)) }
            throw error.asDependency(at: fileRange(expression.range))
        }
    }

    /// The 0-based positions one subscript selects in a dimension of `extent` entries.
    private func indices(_ item: SetupExpression, extent: Int, of name: String, dimension: String)
        throws(EvaluationError) -> [Int]
    {
        if case .colon = item.kind { return Array(0..<extent) }
        var inner = self
        inner.endExtent = extent
        let v = try inner.value(inner.evaluate(item), at: item)
        var result: [Int] = []
        result.reserveCapacity(v.matrix.count)
        for x in v.matrix.elements {
            let i = try integer(x, at: item)
            guard i >= 1 else {
                throw error(
                    .index, "index \(i) is out of range: indices start at 1", at: item,
                    help: "the first of the \(dimension) of \(name) is 1, the last is \(extent) (or 'end')")
            }
            guard i <= extent else {
                throw error(
                    .index, "index \(i) is out of range: \(name) has \(extent) \(dimension)", at: item,
                    help: "indices start at 1 and go up to \(extent) (or 'end')")
            }
            result.append(i - 1)
        }
        return result
    }

    func integer(_ x: Double, at expression: SetupExpression) throws(EvaluationError) -> Int {
        guard x.isFinite, x == x.rounded(), abs(x) < 1e15 else {
            throw error(.index, "index \(x) is not an integer", at: expression)
        }
        return Int(x)
    }

    /// `[a, b; c, d]`: one row of scalars is a column vector; otherwise `,` joins side by
    /// side and `;` stacks, as in MATLAB.
    func matrixLiteral(_ rows: [[SetupExpression]], at expression: SetupExpression) throws(EvaluationError) -> Runtime {
        var values: [[Value]] = []
        for row in rows {
            var evaluated: [Value] = []
            for element in row { evaluated.append(try value(evaluate(element), at: element)) }
            values.append(evaluated)
        }
        let kappa = values.joined().reduce(1.0) { max($0, $1.conditioning) }
        if values.count == 1, values[0].allSatisfy(\.isScalar) {
            return .value(Value(Matrix(column: values[0].map { $0.matrix.elements[0] }), conditioning: kappa))
        }
        var blocks: [Matrix] = []
        for (r, row) in values.enumerated() {
            let height = row[0].matrix.rows
            if let bad = row.firstIndex(where: { $0.matrix.rows != height }) {
                throw error(
                    .shape,
                    "elements joined with ',' need the same number of rows; got \(row[0].shape) and \(row[bad].shape)",
                    at: rows[r][bad])
            }
            let width = row.reduce(0) { $0 + $1.matrix.columns }
            try located(context.checkSize(rows: height, columns: width), at: expression)
            var elements: [Double] = []
            for value in row { elements += value.matrix.elements }
            blocks.append(Matrix(rows: height, columns: width, elements: elements))
        }
        let width = blocks[0].columns
        if let bad = blocks.firstIndex(where: { $0.columns != width }) {
            throw error(
                .shape,
                "rows joined with ';' need the same number of columns; got \(blocks[0].rows)×\(width) and \(blocks[bad].rows)×\(blocks[bad].columns)",
                at: expression)
        }
        let height = blocks.reduce(0) { $0 + $1.rows }
        try located(context.checkSize(rows: height, columns: width), at: expression)
        var result = Matrix.zeros(height, width)
        var offset = 0
        for block in blocks {
            for j in 0..<width {
                for i in 0..<block.rows { result[offset + i, j] = block[i, j] }
            }
            offset += block.rows
        }
        return .value(Value(result, conditioning: kappa))
    }
}
