let f̂ = iterate(f0, f -> f - g(f))
let add = (x, y) -> x + y
let s = add(1, 2)
let m = map(v, t -> t^2)
let h = x -> y -> x * y
let p = iterate(f0, (f) -> f / 2)
