let y = x ** 2
let z = y + 1
