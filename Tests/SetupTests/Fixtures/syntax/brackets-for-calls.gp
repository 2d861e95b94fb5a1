let k(x, z) = exp(-(x - z)^2)
let y = k[1, 2]
let g = (k) -> k[1]
