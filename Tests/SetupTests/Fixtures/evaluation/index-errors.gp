let X = randn(25, 3, seed: 7)
let a = X[0, 1]
let b = X[:, 4]
let c = X[76]
let D[i] = X[:, i]
let d = D[4]
let e = X[1.5, 1]
