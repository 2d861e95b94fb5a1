let a = f(1, 2
let b = 3
let c = [1, 2
let d = (1 + 2
