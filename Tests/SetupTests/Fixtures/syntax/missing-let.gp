x = 1
let y = 2
K[i] = D[i]
