let a = 1:2:3:4
let b = 1::3
