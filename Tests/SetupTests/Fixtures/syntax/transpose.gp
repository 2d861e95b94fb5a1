let a = y' * α
let b = X[:, 1]'
let c = x''
let d = x.'
let e = (A * B)'
let f = -x'
let g = x'^2
