let X = [1; 1]
let K = X * X'
let l = logdet(K)
let A = [1, 2; 2, 1]
let L = chol(A)
