let a = 1 +
let b == 2
let 3c = 4
let d = (1 + 2
let e = x ** 2
let f = 6
