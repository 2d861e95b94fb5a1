let 2x = 1
let 3 = 4
let ok = 5
