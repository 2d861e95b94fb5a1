let α = K \ y
let β = A \ b * c
let γ = L' \ (L \ y)
let δ = a / b \ c
