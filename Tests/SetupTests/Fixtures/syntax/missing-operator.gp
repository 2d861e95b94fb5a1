let y = 2 x
let z = 2(x + 1)
let w = a b
let v = f(x) (y)
