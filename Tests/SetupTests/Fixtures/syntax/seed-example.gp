//| echo: false
let X = randn(25, 3, seed: 7)                  // data: 25 points in 3 dimensions
let y = sin(3 * X[:, 1]) + 0.1 * randn(25, seed: 8)
param θ = log([0.8, 1.5, 3.0])                 // the independent variables
let λ = exp(θ)
let D[i] = sqdist(X[:, i])                     // an indexed family, i = 1…3
let K = rbf(X, lengthScale: λ) + 1e-10 * I
let α = K \ y
let ℓ = -0.5 * y' * α - 0.5 * logdet(K) - 25/2 * log(2π)
let k(x, z) = exp(-0.5 * sum((x - z).^2 ./ λ.^2))
let A = [1, 2; 3, 4]
let v = [0.8, 1.5, 3.0]
