import Foundation

/// Runs the built `derive` binary, as a user would.
struct DeriveProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (`.build/debug/derive`).
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var directory = runner.deletingLastPathComponent()
        // The runner may be inside `derivePackageTests.xctest/Contents/MacOS/` on Darwin.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("derive").path),
            directory.path != "/"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("derive")
    }

    /// Runs `derive arguments…` in `directory` with a clean environment (no colours, no CI).
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], removing: Set<String> = []
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // The same BLAS kernels on every CPU (see TEST_ENV in the Makefile).
        var base = [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": "Haswell",
        ]
        base.merge(environment) { $1 }
        process.environment = base.filter { !removing.contains($0.key) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary folder holding a copy of the named fixture folders under `notebooks/`.
    static func workspace(fixtures: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("derive-e2e-\(UUID().uuidString)")
        let notebooks = root.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for fixture in fixtures {
            let folder = source.appendingPathComponent(fixture)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try FileManager.default.copyItem(
                    at: folder.appendingPathComponent(name), to: notebooks.appendingPathComponent(name))
            }
        }
        return root
    }

    /// The fixture folder itself, for golden files.
    static func fixture(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent(path)
    }
}
