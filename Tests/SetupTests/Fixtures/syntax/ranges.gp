let a = 1:5
let b = 1:2:9
let c = X[2:5, :]
let d = X[end, :]
let e = X[end-1:end, 1]
let f = X[:, 2]
let g = a + 1:b - 1
