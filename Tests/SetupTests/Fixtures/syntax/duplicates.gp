let y = randn(25, seed: 1, seed: 2)
let f = (x, x) -> x
