let data = csv("data/co2.csv")
let quoted = csv("say \"hi\".csv")
let back = csv("a\\b.csv")
let unicode = csv("données/λ.csv")
