let d = csv("data.csv)
let e = 1
