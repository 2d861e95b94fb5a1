import Foundation
import TestSupport

@testable import Numerics

/// The tests' seeded generator, so every test's data is the same on every platform.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {

    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u = 1 - uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
    }

    /// An n×d matrix of standard normals, filled row by row.
    mutating func normalMatrix(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix((0..<rows).map { _ in (0..<columns).map { _ in normal() } })
    }
}
