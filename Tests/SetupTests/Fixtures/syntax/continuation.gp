let a = 1 +
  2
let b = rbf(X,
            lengthScale: λ)
let c =
  3 * 4
let d = [1, 2;

         3, 4]
let e = x *

  y
