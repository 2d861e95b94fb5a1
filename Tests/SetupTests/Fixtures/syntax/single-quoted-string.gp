let d = csv('data.csv')
let e = x'
