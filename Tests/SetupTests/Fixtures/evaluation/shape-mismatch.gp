let X = randn(25, 3, seed: 7)
let P = X * X
let S = X + X'
let v = [1, 2; 3, 4, 5]
let w = X \ ones(3)
