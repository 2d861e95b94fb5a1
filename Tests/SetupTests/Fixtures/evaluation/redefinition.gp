let K = eye(3)
let a = 1
//---
let K = 2 * eye(3)
