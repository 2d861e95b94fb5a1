let a = end
let b = f(end)
let c = X[end]
