/// The seed derivation's setup: 25 points in 3 dimensions, θ = ln λ.
public let seedSetup = """
    let X = randn(25, 3, seed: 7)
    let y = sin(3 * X[:, 1]) + 0.1 * randn(25, seed: 8)
    param θ = log([0.8, 1.5, 3.0])
    let λ = exp(θ)
    let D[i] = sqdist(X[:, i])
    let K = rbf(X, lengthScale: λ) + 1e-10 * I
    let α = K \\ y
    let ℓ = -0.5 * y' * α - 0.5 * logdet(K) - 25/2 * log(2π)
    let G[j] = kernelGradient(rbf(X, lengthScale: exp(θ)), j)
    let Kθ = rbf(X, lengthScale: exp(θ))
    let g = lmlGradient(rbf(X, lengthScale: exp(θ)), y)
    """
