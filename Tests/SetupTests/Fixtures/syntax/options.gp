//| echo: false
//| results: false
let a = 1
