let f() = 1
let D[] = 2
let E[i, j, k] = 3
let F[1] = 4
let g(1) = 5
let k(x, x) = x
