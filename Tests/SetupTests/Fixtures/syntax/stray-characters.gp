let a = 1 $ 2
let b = x²
let c = a × b
let d = a ∘ b
let e = {1, 2}
let f = a ≤ b
let g = _x
let h = 1
