let y = randn(25, seed = 7)
let z = a = b
