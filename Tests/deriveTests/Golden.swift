import TestSupport

/// This target's golden files, under `Tests/deriveTests/Fixtures`.
let golden = Golden(besides: #filePath)
