import Diagnostics
import Numerics
import Setup

/// A side that cannot be computed: the message, where in the TeX, and a fix.
struct CheckFailure: Error {
    var message: String
    var range: SourceRange
    var help: String?
    /// The failure follows from an error already reported in a gp block.
    var isConsequence = false
    /// The sandbox's limit that stopped the evaluation, if one did.
    var limit: EvaluationLimit?
    /// The failure is that a code cell it needs did not run: code is not allowed.
    var needsCode = false

    init(
        _ message: String, _ range: SourceRange, help: String? = nil, isConsequence: Bool = false,
        limit: EvaluationLimit? = nil
    ) {
        self.message = message
        self.range = range
        self.help = help
        self.isConsequence = isConsequence
        self.limit = limit
    }

    /// An evaluation error of the setup, met at `range` of the equation.
    init(_ error: EvaluationError, at range: SourceRange) {
        self.init(
            error.message, range, help: error.help, isConsequence: error.isReported, limit: error.limit)
        needsCode = error.kind == .codeNotRun
    }
}

/// Evaluates a side of a checked equation against a scope (the notebook's base point or
/// a perturbed view of it), for one assignment of the row indices.
///
/// Derivative nodes are evaluated in one of two modes, which together give a side that
/// holds derivatives linearly as one finite difference: `.zero` replaces each by zero (the
/// affine part c of the side), `.shifted(h)` replaces each ∂A/∂s by A evaluated with s
/// moved by h (by the factor eʰ for ∂/∂ln s) and everything around it at the base point,
/// so that the side equals c + g′(0) with g(h) the side in `.shifted(h)`: the linear
/// context is moved inside the derivative, so the side is one finite difference with one
/// error estimate.
struct SideEvaluator {
    enum Mode {
        case zero
        case shifted(Double)
    }

    let scope: any Scope
    var assignment: [String: Int]
    let axes: EntryAxes
    let mode: Mode
    /// Parts of the side already evaluated at the base point, taken as they are.
    var constants: ConstantParts? = nil

    func evaluate(_ e: CheckExpression) throws(CheckFailure) -> SideValue {
        if let known = constants?.value(of: e) { return known }
        switch e.kind {
        case .number(let value):
            return SideValue(scalar: value)
        case .identity:
            var identity = SideValue(scalar: 1)
            identity.isIdentity = true
            return identity
        case .name(let name):
            // A value that failed at the base point was reported at its definition when the
            // notebook was evaluated: the check only follows from it.
            return try fetch(e.range, reportedAtDefinition: true) { () throws(EvaluationError) in
                try scope.value(of: name)
            }
        case .member(let family, let indices):
            var values: [Int] = []
            for index in indices { values.append(try rowIndex(index, e.range)) }
            let frozen = values
            return try fetch(e.range) { () throws(EvaluationError) in try scope.member(of: family, indices: frozen) }
        case .entry(let base, let indices):
            return try entry(try evaluate(base), indices, base: base, range: e.range)
        case .call(let function, let arguments):
            var values: [Value] = []
            var conditioning = 1.0
            for argument in arguments {
                let value = try evaluate(argument)
                guard value.axes.isEmpty else {
                    throw CheckFailure("entries cannot be passed to '\(function)'", argument.range)
                }
                values.append(Value(value.matrix, conditioning: value.conditioning))
                conditioning = max(conditioning, value.conditioning)
            }
            let frozen = values
            var result = try fetch(e.range) { () throws(EvaluationError) in try scope.call(function, arguments: frozen)
            }
            result.conditioning = max(result.conditioning, conditioning)
            return result
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand), range: e.range)
        case .binary(let op, let left, let right):
            return try binary(op, try evaluate(left), try evaluate(right), range: e.range, left: left, right: right)
        case .derivative(let derivative):
            return try self.derivative(derivative, range: e.range)
        case .sum(let index, let lower, let upper, let body):
            let from = try integer(try evaluate(lower), lower.range)
            let to = try integer(try evaluate(upper), upper.range)
            guard from <= to, to - from < 100_000 else {
                throw CheckFailure("the sum runs from \(from) to \(to)", e.range, help: "a sum needs lower ≤ upper")
            }
            var inner = self
            var total: SideValue?
            for k in from...to {
                inner.assignment[index] = k
                let term = try inner.evaluate(body)
                total =
                    try total.map { sum throws(CheckFailure) in
                        try binary(.add, sum, term, range: e.range, left: body, right: body)
                    } ?? term
            }
            return total ?? SideValue(scalar: 0)
        }
    }

    // MARK: - Names and entries

    private func fetch(
        _ range: SourceRange, reportedAtDefinition: Bool = false, _ body: () throws(EvaluationError) -> Value
    ) throws(CheckFailure) -> SideValue {
        do {
            let value = try body()
            return SideValue(value.matrix, conditioning: value.conditioning)
        } catch {
            var failure = CheckFailure(error, at: range)
            if reportedAtDefinition { failure.isConsequence = true }
            throw failure
        }
    }

    /// The value of a row index (or a fixed index) in a subscript that needs a number.
    func rowIndex(_ index: IndexTerm, _ range: SourceRange) throws(CheckFailure) -> Int {
        switch index {
        case .fixed(let value): return value
        case .free(let name):
            guard let value = assignment[name] else {
                throw CheckFailure("the index '\(name)' must run over rows here, not entries", range)
            }
            return value
        }
    }

    private func entry(
        _ base: SideValue, _ indices: [IndexTerm], base expression: CheckExpression, range: SourceRange
    ) throws(CheckFailure) -> SideValue {
        guard base.axes.isEmpty else { throw CheckFailure("entries of entries cannot be taken", range) }
        let m = base.matrix
        let name = expression.description
        /// A number, or the entry axis a free index runs over.
        func resolve(_ index: IndexTerm, length: Int) throws(CheckFailure) -> (Int?, String?) {
            if case .free(let letter) = index, assignment[letter] == nil { return (nil, letter) }
            let k = try rowIndex(index, range)
            guard (1...max(length, 1)).contains(k) else {
                throw CheckFailure(
                    "index \(k) is out of range: '\(name)' has \(length) \(length == 1 ? "entry" : "entries") there (indices start at 1)",
                    range)
            }
            return (k, nil)
        }
        switch indices.count {
        case 1:
            guard m.columns == 1 || m.rows == 1 else {
                throw CheckFailure(
                    "'\(name)' is \(base.shapeDescription) and needs two indices", range, help: "write \(name)_{ab}")
            }
            let (k, axis) = try resolve(indices[0], length: m.count)
            if let k { return SideValue(Matrix(scalar: m.elements[k - 1]), conditioning: base.conditioning) }
            return SideValue(Matrix(column: m.elements), axes: axis.map { [$0] } ?? [], conditioning: base.conditioning)
        case 2:
            let (i, rowAxis) = try resolve(indices[0], length: m.rows)
            let (j, columnAxis) = try resolve(indices[1], length: m.columns)
            switch (i, j, rowAxis, columnAxis) {
            case (let i?, let j?, _, _):
                return SideValue(Matrix(scalar: m[i - 1, j - 1]), conditioning: base.conditioning)
            case (nil, let j?, let a?, _):
                return SideValue(m.column(j - 1), axes: [a], conditioning: base.conditioning)
            case (let i?, nil, _, let b?):
                return SideValue(m.row(i - 1).transposed, axes: [b], conditioning: base.conditioning)
            case (nil, nil, let a?, let b?) where a == b:
                guard m.isSquare else { throw CheckFailure("'\(name)_{\(a)\(a)}' needs a square matrix", range) }
                return SideValue(m.diagonal, axes: [a], conditioning: base.conditioning)
            case (nil, nil, let a?, let b?):
                let ordered = axes.union([a], [b])
                return SideValue(ordered == [a, b] ? m : m.transposed, axes: ordered, conditioning: base.conditioning)
            default:
                throw CheckFailure("these indices cannot be read", range)
            }
        default:
            throw CheckFailure("at most two indices: a value is a scalar, a vector or a matrix", range)
        }
    }

    func integer(_ value: SideValue, _ range: SourceRange) throws(CheckFailure) -> Int {
        guard value.isScalar, let x = value.matrix.scalarValue, x == x.rounded(), abs(x) < 1e9 else {
            throw CheckFailure("a limit of a sum must be a whole number", range)
        }
        return Int(x)
    }
}
