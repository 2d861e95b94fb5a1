/// A dense matrix of `Double` in column-major storage.
///
/// Scalars, column vectors and matrices are all `Matrix` (1×1, n×1 and n×m), so the setup
/// language and the checks handle every value alike. Entry (i, j), 0-based, is stored at
/// `elements[i + j * rows]`, the layout BLAS and LAPACK expect.
public struct Matrix: Sendable, Hashable, Codable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The entries, column by column (`rows * columns` of them).
    public var elements: [Double]

    /// A `rows`×`columns` matrix from column-major `elements`.
    ///
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "a matrix has a non-negative shape")
        precondition(elements.count == rows * columns, "\(elements.count) elements for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A `rows`×`columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// A matrix from its rows, e.g. `Matrix([[1, 2], [3, 4]])`.
    ///
    /// - Precondition: every row has the same length.
    public init(_ rowArrays: [[Double]]) {
        let rows = rowArrays.count
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "rows of unequal length")
        var elements = [Double](repeating: 0, count: rows * columns)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() { elements[i + j * rows] = value }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// A column vector (n×1).
    public init(column: [Double]) {
        self.init(rows: column.count, columns: 1, elements: column)
    }

    /// A 1×1 matrix holding a scalar.
    public init(scalar: Double) {
        self.init(rows: 1, columns: 1, elements: [scalar])
    }

    /// A `rows`×`columns` matrix whose entry (i, j) is `entry(i, j)`.
    public init(rows: Int, columns: Int, entry: (Int, Int) throws -> Double) rethrows {
        var elements = [Double]()
        elements.reserveCapacity(rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { elements.append(try entry(i, j)) }
        }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix.zeros(n, n)
        for i in 0..<n { result.elements[i + i * n] = 1 }
        return result
    }

    /// The `rows`×`columns` zero matrix.
    public static func zeros(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, repeating: 0)
    }

    /// Entry (row, column), both 0-based.
    @inlinable public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// Whether the matrix is 1×1.
    public var isScalar: Bool { rows == 1 && columns == 1 }
    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }
    /// The value of a 1×1 matrix, nil otherwise.
    public var scalarValue: Double? { isScalar ? elements[0] : nil }
    /// Number of entries.
    public var count: Int { elements.count }

    /// Row `i` as a 1×columns matrix.
    public func row(_ i: Int) -> Matrix {
        Matrix(rows: 1, columns: columns, elements: (0..<columns).map { self[i, $0] })
    }

    /// Column `j` as a rows×1 matrix.
    public func column(_ j: Int) -> Matrix {
        Matrix(column: Array(elements[(j * rows)..<((j + 1) * rows)]))
    }

    /// The transpose (columns×rows).
    public var transposed: Matrix {
        if rows == 1 || columns == 1 { return Matrix(rows: columns, columns: rows, elements: elements) }
        var result = Matrix.zeros(columns, rows)
        for j in 0..<columns {
            for i in 0..<rows { result.elements[j + i * columns] = elements[i + j * rows] }
        }
        return result
    }
}
