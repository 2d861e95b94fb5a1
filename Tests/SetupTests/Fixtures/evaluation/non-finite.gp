let a = log(-1)
let b = 2 * a
let v = [1, 0] ./ [0, 0]
let c = 1 / 0
