var x = 1
const y = 2
def k(x) = x
