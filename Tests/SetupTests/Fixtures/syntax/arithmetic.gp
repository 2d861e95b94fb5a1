let a = 1 + 2 * 3
let b = 1 - 2 - 3
let c = 8 / 4 / 2
let d = a * b + c * d
let e = (1 + 2) * 3
let f = a .* b ./ c
let g = a + b .* c
