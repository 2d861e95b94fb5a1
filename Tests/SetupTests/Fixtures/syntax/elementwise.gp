let a = x .* y
let b = x ./ y
let c = x .^ 2
let d = 1.^x
let e = 2.*x
let f = 1./x
