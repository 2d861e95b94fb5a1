let a = :
let b = f(:)
let c = 1:
