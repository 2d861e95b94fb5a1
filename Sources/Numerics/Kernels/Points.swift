/// The rows of an n×d input matrix laid out point by point (row-major), optionally divided
/// by per-dimension length-scales, so that pair loops read contiguous memory.
struct Points {
    /// n, the number of points.
    let count: Int
    /// d, the number of coordinates.
    let dimension: Int
    /// Point a's coordinates are `coordinates[a * dimension ..< (a + 1) * dimension]`.
    let coordinates: [Double]

    /// The rows of `x` (n×d), each coordinate k divided by `scale[k]` (or by `scale[0]` for all
    /// k when `scale` has one entry).
    init(_ x: Matrix, dividedBy scale: [Double] = [1]) {
        precondition(scale.count == 1 || scale.count == x.columns, "length-scales for \(x.columns) dimensions")
        count = x.rows
        dimension = x.columns
        var coordinates = [Double](repeating: 0, count: x.rows * x.columns)
        for k in 0..<x.columns {
            let s = scale.count == 1 ? scale[0] : scale[k]
            for a in 0..<x.rows { coordinates[a * x.columns + k] = x.elements[a + k * x.rows] / s }
        }
        self.coordinates = coordinates
    }

    /// Σₖ (uₐₖ − vᵦₖ)², the squared Euclidean distance between point a of `self` and b of `other`.
    @inline(__always) func squaredDistance(_ a: Int, _ other: Points, _ b: Int) -> Double {
        var sum = 0.0
        for k in 0..<dimension {
            let delta = coordinates[a * dimension + k] - other.coordinates[b * dimension + k]
            sum += delta * delta
        }
        return sum
    }

    /// The n×m matrix with entry (a, b) = `entry(‖uₐ − vᵦ‖²)`.
    func cross(_ other: Points, _ entry: (Double) -> Double) -> Matrix {
        precondition(dimension == other.dimension, "points in \(dimension) and \(other.dimension) dimensions")
        var elements = [Double](repeating: 0, count: count * other.count)
        for b in 0..<other.count {
            for a in 0..<count { elements[a + b * count] = entry(squaredDistance(a, other, b)) }
        }
        return Matrix(rows: count, columns: other.count, elements: elements)
    }

    /// The symmetric n×n matrix with entry (a, b) = `entry(a, b)` for a > b, mirrored, and
    /// `diagonal` on the diagonal (the value at distance 0, set exactly as scikit-learn does).
    func symmetric(diagonal: Double, _ entry: (Int, Int) -> Double) -> Matrix {
        let n = count
        var elements = [Double](repeating: 0, count: n * n)
        elements.withUnsafeMutableBufferPointer { e in
            for b in 0..<n {
                e[b + b * n] = diagonal
                for a in (b + 1)..<Swift.max(n, b + 1) {
                    let value = entry(a, b)
                    e[a + b * n] = value
                    e[b + a * n] = value
                }
            }
        }
        return Matrix(rows: n, columns: n, elements: elements)
    }
}

extension Matrix {
    /// Σₐ Wₐₐ and, for the strictly lower pairs a > b, Wₐᵦ + Wᵦₐ: contracting W with a symmetric
    /// matrix G is Σₐ Wₐₐ Gₐₐ + Σₐ>ᵦ (Wₐᵦ + Wᵦₐ) Gₐᵦ.
    @inline(__always) func pairWeight(_ a: Int, _ b: Int) -> Double {
        elements[a + b * rows] + elements[b + a * rows]
    }
}
