let a = (x + y)(2)
let b = X[1](2)
