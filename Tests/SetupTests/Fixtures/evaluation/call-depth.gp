let self(f) = f(f)
let r = self(self)
