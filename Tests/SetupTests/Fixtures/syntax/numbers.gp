let a = 1
let b = 0.5
let c = .5
let d = 1e-10
let e = 2.5E+3
let f = 1.
let g = 007
let h = 1.5e3
