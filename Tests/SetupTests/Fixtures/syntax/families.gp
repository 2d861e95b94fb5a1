let D[i] = sqdist(X[:, i])
let K[a, b] = exp(-0.5 * sum((X[a, :] - X[b, :]).^2))
let dK[i] = D[i] .* K ./ λ[i]^3
