let A = [1, 2; 3, 4]
let v = [0.8, 1.5, 3.0]
let w = [a, b]
let B = [
  1, 2;
  3, 4
]
let C = [A, v; v', 1]
let s = [-1, -2]
let z = [x - 1, x + 1]
