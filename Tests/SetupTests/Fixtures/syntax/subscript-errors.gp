let a = X[1, 2, 3]
let b = X[]
let c = X[1; 2]
