let µ = 1
let y = μ + 𝐊
let ℓ = l
let σ₀ = 2
let f̂ = 3
let ϕ = φ + phi
let σ₁₂ = σ_12 + sigma_12
