// a comment on its own line
let a = 1  // after a definition
// //| not an option: it is inside a comment
let b = a //| not an option either
let c = [1,   // inside brackets
         2]
