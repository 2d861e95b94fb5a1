let a = K^-1
let b = x.^-2
let c = -2^2
let d = (2^3)^2
let e = 2^(3^2)
let f = a * b^2
let g = x.^2 ./ λ.^2
let h = K^+1
