let X = randn(10, 2, seed: 1)
let K = rbf(X, lengthScale: 0.5)
