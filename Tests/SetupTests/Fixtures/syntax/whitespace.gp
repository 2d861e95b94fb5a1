let	a	=	1
   let b = a   
let c=a*b
