param θ[i] = log(λ[i])
param f(x) = x
param σ = 1
