let X = randn(100, 100, seed: 1)
let Y = ones(40, 5) * ones(5, 30)
let K = rbf(randn(40, 2, seed: 2))
let r = 1:2000
let small = ones(3, 3)
