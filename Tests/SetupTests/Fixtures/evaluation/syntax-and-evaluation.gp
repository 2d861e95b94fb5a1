let a = 1 +
let b = a * 2
let c = zeros(2, 2) * ones(3)
