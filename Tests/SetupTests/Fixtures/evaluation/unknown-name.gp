param θ = log([0.8, 1.5, 3.0])
let λ = exp(θ)
let K = rbf(randn(5, 3, seed: 1), lengthScale: lamda)
let k = rbff(K)
let n = kernel * 2
