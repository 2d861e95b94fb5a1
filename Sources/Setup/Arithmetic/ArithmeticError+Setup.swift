import Numerics

extension EvaluationError {
    /// An arithmetic failure said in the setup language's words: MATLAB's operator symbols
    /// and shapes written `25×3`.
    public init(_ failure: ArithmeticError, maxElements: Int) {
        switch failure {
        case .shapesDiffer(let op, let a, let b):
            let transposed = a.rows == b.columns && a.columns == b.rows
            self.init(
                .shape, "'\(op.rawValue)' needs operands of one shape; got \(a) and \(b)",
                help: transposed ? "the shapes are each other's transpose; ' transposes" : nil)
        case .identityMeetsNonSquare(let m):
            self.init(
                .shape, "'I' is added to a \(m) matrix, which is not square",
                help: "'I' takes the size of a square matrix it is added to")
        case .innerDimensions(let a, let b):
            self.init(
                .shape, "'*' needs \(a) and \(a.columns)×k; got \(a) and \(b)",
                help: a == b ? "for the elementwise product write '.*'" : nil)
        case .divisor(let a, let b):
            self.init(
                .shape, "'/' divides by a scalar or by a square matrix with \(a.columns) rows; got \(a) / \(b)",
                help: "for the elementwise quotient write './'")
        case .leftDivision(let a, let b):
            self.init(.shape, "'\\' needs a square matrix and a right-hand side with as many rows; got \(a) \\ \(b)")
        case .exponentNotScalar(let b):
            self.init(.shape, "'^' needs a scalar exponent; got \(b)", help: "for the elementwise power write '.^'")
        case .powerOfNonSquare(let a):
            self.init(
                .shape, "'^' of a matrix needs a square matrix; got \(a)", help: "for the elementwise power write '.^'")
        case .matrixPower(let p):
            self.init(
                .invalid, "'^' of a matrix needs an integer exponent; got \(p)",
                help:
                    "for the elementwise power write '.^'; a fractional power is taken of a non-negative diagonal matrix only"
            )
        case .notSquare(let function, let a):
            self.init(.shape, "'\(function)' needs a square matrix; got \(a)")
        case .domain(let function):
            self.init(.invalid, "'\(function)' of a value outside its domain")
        case .tooLarge(let rows, let columns):
            self.init(
                .limit, "a \(rows)×\(columns) value is larger than the limit of \(maxElements) entries",
                help: "use less data; the limit keeps a notebook from running the machine out of memory",
                limit: .entries)
        case .linearAlgebra(let failure):
            self = Factorizations.failure(failure)
        }
    }
}
