import TestSupport

/// This target's golden files, under `Tests/EvaluationTests/Fixtures`.
let golden = Golden(besides: #filePath)
