let a = (1 + 2]
let b = [1, 2)
let c = X[1, 2)
