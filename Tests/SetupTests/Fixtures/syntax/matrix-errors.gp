let a = [1 2 3]
let b = [1, 2,]
let c = []
let d = [1 -2]
let e = [1, 2
         3, 4]
let f = [1, 2;]
