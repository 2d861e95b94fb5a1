let end = 1
let let = 2
param param = 3
