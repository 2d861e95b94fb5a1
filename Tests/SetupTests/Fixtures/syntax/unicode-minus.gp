let a = x − y
let b = −1
