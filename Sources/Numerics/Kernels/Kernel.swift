/// A covariance function k(x, x′) with hyperparameters, in scikit-learn's conventions.
///
/// Inputs X are n×d matrices whose rows are points. Hyperparameters are exposed as `theta`,
/// the vector of their natural logarithms in scikit-learn's order (each kernel documents its
/// order; compound kernels concatenate their parts, left then right), and every gradient is
/// with respect to these logarithms: ∂K/∂θⱼ = hⱼ ∂K/∂hⱼ for θⱼ = ln hⱼ.
public protocol Kernel: Sendable, CustomStringConvertible {
    /// The log hyperparameters θ, in the order documented by the kernel.
    var theta: [Double] { get }
    /// One name per component of θ, scikit-learn's (e.g. "k2__length_scale[1]", 1-based).
    var hyperparameterNames: [String] { get }
    /// The same kernel with hyperparameters exp(θ).
    ///
    /// - Precondition: `theta.count == self.theta.count`.
    func withTheta(_ theta: [Double]) -> Self
    /// K(X, X) for X of shape n×d: n×n, symmetric.
    func matrix(_ x: Matrix) -> Matrix
    /// K(X, Y) for X of shape n×d and Y of shape m×d: n×m. For `WhiteKernel` this is zero
    /// even when Y equals X, as in scikit-learn.
    func matrix(_ x: Matrix, _ y: Matrix) -> Matrix
    /// ∂K(X, X)/∂θⱼ for X of shape n×d: n×n.
    func gradient(_ x: Matrix, component j: Int) -> Matrix
    /// Σₐᵦ Wₐᵦ Kₐᵦ and Σₐᵦ Wₐᵦ ∂Kₐᵦ/∂θⱼ for every j, for X n×d and symmetric weights W n×n
    /// given by its lower triangle a ≥ b (the upper one is never read: K and ∂K are symmetric,
    /// so Σₐᵦ Wₐᵦ Gₐᵦ = Σₐ Wₐₐ Gₐₐ + 2 Σₐ>ᵦ Wₐᵦ Gₐᵦ).
    ///
    /// This is the contraction eq. 5.9 of Rasmussen & Williams needs (W = ααᵀ − K⁻¹), done
    /// without materialising the n×n×p gradient tensor: kernels with a closed form do it in
    /// one pass over the pairs; the default takes one gradient matrix at a time.
    func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction
}

/// Contractions of a kernel matrix and of its gradient with a weight matrix W.
public struct KernelContraction: Sendable, Hashable {
    /// Σₐᵦ Wₐᵦ Kₐᵦ.
    public var value: Double
    /// Σₐᵦ Wₐᵦ ∂Kₐᵦ/∂θⱼ, one per component of θ.
    public var gradient: [Double]

    /// A contraction from its parts.
    public init(value: Double, gradient: [Double]) {
        self.value = value
        self.gradient = gradient
    }
}

extension Kernel {
    /// p, the number of components of θ.
    public var hyperparameterCount: Int { theta.count }

    /// ∂K(X, X)/∂θⱼ for every j: p matrices of shape n×n. Prefer `gradient(_:component:)` or
    /// `contraction(_:weights:)` for large n, which hold one n×n matrix at a time.
    public func gradients(_ x: Matrix) -> [Matrix] {
        (0..<hyperparameterCount).map { gradient(x, component: $0) }
    }

    /// Default contraction: one gradient matrix at a time, Σₐᵦ Wₐᵦ Gₐᵦ as an elementwise sum.
    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        KernelContraction(
            value: symmetricInner(w, matrix(x)),
            gradient: (0..<hyperparameterCount).map { symmetricInner(w, gradient(x, component: $0)) })
    }
}

/// Σₐᵦ Aₐᵦ Bₐᵦ = tr(AᵀB) for matrices of one shape, as a plain elementwise sum.
func frobeniusInner(_ a: Matrix, _ b: Matrix) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns, "contracting different shapes")
    var sum = 0.0
    for k in a.elements.indices { sum += a.elements[k] * b.elements[k] }
    return sum
}

/// Σₐᵦ Wₐᵦ Gₐᵦ for symmetric n×n W and G, reading their lower triangles:
/// Σₐ Wₐₐ Gₐₐ + 2 Σₐ>ᵦ Wₐᵦ Gₐᵦ.
func symmetricInner(_ w: Matrix, _ g: Matrix) -> Double {
    precondition(w.rows == g.rows && w.columns == g.columns && w.isSquare, "contracting different shapes")
    let n = w.rows
    return w.elements.withUnsafeBufferPointer { w in
        g.elements.withUnsafeBufferPointer { g in
            var diagonal = 0.0
            var lower = 0.0
            for b in 0..<n {
                diagonal += w[b + b * n] * g[b + b * n]
                for a in (b + 1)..<Swift.max(n, b + 1) { lower += w[a + b * n] * g[a + b * n] }
            }
            return diagonal + 2 * lower
        }
    }
}

/// Σₐᵦ Wₐᵦ for a symmetric n×n W given by its lower triangle.
func symmetricSum(_ w: Matrix) -> Double {
    let n = w.rows
    var diagonal = 0.0
    var lower = 0.0
    for b in 0..<n {
        diagonal += w.elements[b + b * n]
        for a in (b + 1)..<Swift.max(n, b + 1) { lower += w.elements[a + b * n] }
    }
    return diagonal + 2 * lower
}

/// Names of a part of a compound kernel, prefixed as scikit-learn does ("k1__", "k2__").
func prefixed(_ names: [String], _ prefix: String) -> [String] {
    names.map { prefix + "__" + $0 }
}
