let a = b + 1
let b = c * 2
let c = a
let f(x) = f(x - 1)
let u = v
let v = 1
