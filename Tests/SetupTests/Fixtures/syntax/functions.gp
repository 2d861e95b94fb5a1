let k(x, z) = exp(-0.5 * sum((x - z).^2 ./ λ.^2))
let sq(x) = x .* x
let m(a, b, c) = a * b + c
