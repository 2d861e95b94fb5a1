import TestSupport

/// This target's golden files, under `Tests/SetupTests/Fixtures`.
let golden = Golden(besides: #filePath)
