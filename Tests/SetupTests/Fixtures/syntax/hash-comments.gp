# a Python comment
let a = 1 % a MATLAB comment
let b = a
