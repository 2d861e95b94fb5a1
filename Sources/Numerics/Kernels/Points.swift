import Dispatch

/// The rows of an n×d input matrix laid out point by point (row-major), optionally divided
/// by per-dimension length-scales, so that pair loops read contiguous memory.
struct Points: Sendable {
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
        coordinates.withUnsafeBufferPointer { u in
            other.coordinates.withUnsafeBufferPointer { v in
                var sum = 0.0
                for k in 0..<dimension {
                    let delta = u[a * dimension + k] - v[b * dimension + k]
                    sum += delta * delta
                }
                return sum
            }
        }
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
    /// The lower triangle is filled column block by column block in parallel for large n.
    func symmetric(diagonal: Double, _ entry: @Sendable (Int, Int) -> Double) -> Matrix {
        let n = count
        var elements = [Double](repeating: 0, count: n * n)
        elements.withUnsafeMutableBufferPointer { e in
            nonisolated(unsafe) let e = e
            _ = PairChunks(count: n).map { columns in
                for b in columns {
                    e[b + b * n] = diagonal
                    for a in (b + 1)..<Swift.max(n, b + 1) { e[a + b * n] = entry(a, b) }
                }
            }
            mirrorLowerTriangle(e, order: n)
        }
        return Matrix(rows: n, columns: n, elements: elements)
    }
}

/// Copies the strictly lower triangle of column-major n×n storage onto the upper one, tile by
/// tile so that both the reads and the strided writes stay in cache.
func mirrorLowerTriangle(_ e: UnsafeMutableBufferPointer<Double>, order n: Int) {
    let tile = 64
    for jb in stride(from: 0, to: n, by: tile) {
        for ib in stride(from: jb, to: n, by: tile) {
            for j in jb..<Swift.min(jb + tile, n) {
                for i in Swift.max(ib, j + 1)..<Swift.max(Swift.min(ib + tile, n), j + 1) {
                    e[j + i * n] = e[i + j * n]
                }
            }
        }
    }
}

/// The pairs a > b of n points split into column ranges of about equal pair counts, one per
/// BLAS thread when n is large enough for threads to pay off (small problems run inline).
struct PairChunks {
    /// The column ranges b ∈ range; column b holds the n − 1 − b pairs (a, b) with a > b.
    let ranges: [Range<Int>]

    /// Below this many points the loops run on the calling thread.
    static let parallelThreshold = 512

    /// Chunks for n points, one per BLAS thread (at most 16) when n ≥ `parallelThreshold`.
    init(count n: Int) {
        self.init(count: n, threads: n >= Self.parallelThreshold ? Swift.min(LAPACK.threadCount, 16) : 1)
    }

    /// Chunks for n points over `threads` threads.
    init(count n: Int, threads: Int) {
        guard threads > 1, n > 1 else {
            ranges = [0..<n]
            return
        }
        // Columns 0..<c hold c·n − c(c + 1)/2 pairs; cut where that reaches k/threads of all.
        let total = Double(n) * Double(n - 1) / 2
        var cuts = [0]
        var c = 0
        for k in 1..<threads {
            let target = total * Double(k) / Double(threads)
            while c < n && Double(c) * Double(n) - Double(c) * Double(c + 1) / 2 < target { c += 1 }
            cuts.append(c)
        }
        cuts.append(n)
        ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// `body` applied to every range, concurrently when there are several.
    func map<T: Sendable>(_ body: @Sendable (Range<Int>) -> T) -> [T] {
        guard ranges.count > 1 else { return ranges.map(body) }
        var results = [T?](repeating: nil, count: ranges.count)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in out[k] = body(ranges[k]) }
        }
        return results.compactMap { $0 }
    }
}

extension Matrix {
    /// Multiplies every entry by `s` in place.
    mutating func scale(by s: Double) {
        elements.withUnsafeMutableBufferPointer { e in
            for k in e.indices { e[k] *= s }
        }
    }

    /// Adds `s` to every diagonal entry in place.
    mutating func addToDiagonal(_ s: Double) {
        for i in 0..<Swift.min(rows, columns) { elements[i + i * rows] += s }
    }
}
