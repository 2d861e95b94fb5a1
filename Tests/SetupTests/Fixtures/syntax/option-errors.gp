//| ecoh: false
//| results: no
//| echo false
//| echo: true
//| echo: false
let a = 1
//| results: false
let b = 2
