let lambda = 1
let sigma_f = 2
let ell = theta + alpha
let K = matern(X, nu: 2.5, lengthScale: lambda)
let Sigma = Lambda * Omega
let e = varepsilon + epsilon
let lambdas = 3
