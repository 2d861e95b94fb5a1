let a = 2^3^2
let b = x.^2.^3
let c = 2^-1^2
