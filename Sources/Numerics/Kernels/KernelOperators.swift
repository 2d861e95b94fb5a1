import Foundation

/// The sum of two kernels, k = k₁ + k₂. θ = (θ₁, θ₂); ∂k/∂θ = (∂k₁/∂θ₁, ∂k₂/∂θ₂).
public struct Sum: Kernel {
    /// k₁, whose hyperparameters come first ("k1__…").
    public var left: any Kernel
    /// k₂ ("k2__…").
    public var right: any Kernel

    /// k₁ + k₂.
    public init(_ left: any Kernel, _ right: any Kernel) {
        self.left = left
        self.right = right
    }

    public var theta: [Double] { left.theta + right.theta }
    public var hyperparameterNames: [String] {
        prefixed(left.hyperparameterNames, "k1") + prefixed(right.hyperparameterNames, "k2")
    }
    public func withTheta(_ theta: [Double]) -> Sum {
        let p = left.hyperparameterCount
        return Sum(left.withTheta(Array(theta[..<p])), right.withTheta(Array(theta[p...])))
    }
    public var description: String { "\(left) + \(right)" }

    /// K₁ + K₂, adding a white or constant part in place rather than as a second matrix.
    public func matrix(_ x: Matrix) -> Matrix {
        let (first, second) = right is WhiteKernel || right is ConstantKernel ? (left, right) : (right, left)
        var k = first.matrix(x)
        if let white = second as? WhiteKernel {
            k.addToDiagonal(white.noiseLevel)
        } else if let constant = second as? ConstantKernel {
            k = k + constant.value
        } else {
            k += second.matrix(x)
        }
        return k
    }
    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix { left.matrix(x, y) + right.matrix(x, y) }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        let p = left.hyperparameterCount
        return j < p ? left.gradient(x, component: j) : right.gradient(x, component: j - p)
    }

    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        let a = left.contraction(x, weights: w)
        let b = right.contraction(x, weights: w)
        return KernelContraction(value: a.value + b.value, gradient: a.gradient + b.gradient)
    }
}

/// The elementwise product of two kernels, k = k₁ · k₂. θ = (θ₁, θ₂);
/// ∂k/∂θ₁ = ∂k₁/∂θ₁ · k₂ and ∂k/∂θ₂ = k₁ · ∂k₂/∂θ₂.
public struct Product: Kernel {
    /// k₁, whose hyperparameters come first ("k1__…").
    public var left: any Kernel
    /// k₂ ("k2__…").
    public var right: any Kernel

    /// k₁ · k₂.
    public init(_ left: any Kernel, _ right: any Kernel) {
        self.left = left
        self.right = right
    }

    public var theta: [Double] { left.theta + right.theta }
    public var hyperparameterNames: [String] {
        prefixed(left.hyperparameterNames, "k1") + prefixed(right.hyperparameterNames, "k2")
    }
    public func withTheta(_ theta: [Double]) -> Product {
        let p = left.hyperparameterCount
        return Product(left.withTheta(Array(theta[..<p])), right.withTheta(Array(theta[p...])))
    }
    public var description: String { "\(left) * \(right)" }

    /// K₁ ∘ K₂, scaling in place when a factor is constant.
    public func matrix(_ x: Matrix) -> Matrix {
        if let c = left as? ConstantKernel {
            var k = right.matrix(x)
            k.scale(by: c.value)
            return k
        }
        if let c = right as? ConstantKernel {
            var k = left.matrix(x)
            k.scale(by: c.value)
            return k
        }
        return left.matrix(x).multipliedElementwise(by: right.matrix(x))
    }
    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix {
        left.matrix(x, y).multipliedElementwise(by: right.matrix(x, y))
    }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        let p = left.hyperparameterCount
        return j < p
            ? left.gradient(x, component: j).multipliedElementwise(by: right.matrix(x))
            : left.matrix(x).multipliedElementwise(by: right.gradient(x, component: j - p))
    }

    /// Σ W∘∂k₁·k₂ = contraction of k₁ with W∘K₂ (and symmetrically). A constant factor c
    /// needs no matrix: contraction is linear in W, so the other factor contracts with W and
    /// everything is scaled by c; Σ W∘(c K₂) is also ∂/∂ln c.
    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        if let c = left as? ConstantKernel {
            let other = right.contraction(x, weights: w)
            let value = c.value * other.value
            return KernelContraction(value: value, gradient: [value] + other.gradient.map { c.value * $0 })
        }
        if let c = right as? ConstantKernel {
            let other = left.contraction(x, weights: w)
            let value = c.value * other.value
            return KernelContraction(value: value, gradient: other.gradient.map { c.value * $0 } + [value])
        }
        let a = left.contraction(x, weights: w.multipliedElementwise(by: right.matrix(x)))
        let b = right.contraction(x, weights: w.multipliedElementwise(by: left.matrix(x)))
        return KernelContraction(value: a.value, gradient: a.gradient + b.gradient)
    }
}

/// A kernel raised to a fixed power, k = k₁ᵉ (entrywise). θ = θ₁ (the exponent is not a
/// hyperparameter); ∂k/∂θ = e · k₁^(e−1) · ∂k₁/∂θ.
public struct Exponentiation: Kernel {
    /// k₁ ("kernel__…").
    public var base: any Kernel
    /// The fixed exponent e.
    public var exponent: Double

    /// k₁ raised to `exponent`.
    public init(_ base: any Kernel, exponent: Double) {
        self.base = base
        self.exponent = exponent
    }

    public var theta: [Double] { base.theta }
    public var hyperparameterNames: [String] { prefixed(base.hyperparameterNames, "kernel") }
    public func withTheta(_ theta: [Double]) -> Exponentiation {
        Exponentiation(base.withTheta(theta), exponent: exponent)
    }
    public var description: String { "\(base) ** \(exponent)" }

    public func matrix(_ x: Matrix) -> Matrix { base.matrix(x).raisedElementwise(to: exponent) }
    public func matrix(_ x: Matrix, _ y: Matrix) -> Matrix { base.matrix(x, y).raisedElementwise(to: exponent) }

    public func gradient(_ x: Matrix, component j: Int) -> Matrix {
        outerDerivative(base.matrix(x)).multipliedElementwise(by: base.gradient(x, component: j))
    }

    public func contraction(_ x: Matrix, weights w: Matrix) -> KernelContraction {
        let k = base.matrix(x)
        let inner = base.contraction(x, weights: w.multipliedElementwise(by: outerDerivative(k)))
        return KernelContraction(value: symmetricInner(w, k.raisedElementwise(to: exponent)), gradient: inner.gradient)
    }

    /// e · K₁^(e−1), entrywise.
    private func outerDerivative(_ k: Matrix) -> Matrix {
        let e = exponent
        return k.map { e * Foundation.pow($0, e - 1) }
    }
}

/// k₁ + k₂.
public func + <A: Kernel, B: Kernel>(a: A, b: B) -> Sum { Sum(a, b) }
/// k₁ · k₂.
public func * <A: Kernel, B: Kernel>(a: A, b: B) -> Product { Product(a, b) }
/// c · k, the product with `ConstantKernel(c)` first, as scikit-learn builds `2.0 * RBF()`.
public func * <B: Kernel>(c: Double, b: B) -> Product { Product(ConstantKernel(c), b) }
/// k · c, the product with `ConstantKernel(c)` second.
public func * <A: Kernel>(a: A, c: Double) -> Product { Product(a, ConstantKernel(c)) }
/// k + c, the sum with `ConstantKernel(c)` second.
public func + <A: Kernel>(a: A, c: Double) -> Sum { Sum(a, ConstantKernel(c)) }

extension Kernel {
    /// kᵉ, scikit-learn's `kernel ** e`.
    public func raised(to exponent: Double) -> Exponentiation { Exponentiation(self, exponent: exponent) }
}
