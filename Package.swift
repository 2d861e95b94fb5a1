// swift-tools-version: 6.0
// derive: Markdown derivation notebooks → self-contained, numerically checked HTML reports.
//
// The pipeline reads top to bottom in the target list:
// notebook text → parsed notebook → evaluated definitions and checks → rendered report.
import PackageDescription

let package = Package(
    name: "derive",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "derive", targets: ["derive"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // C libraries, each behind one Swift file.
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CLapack", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),

        // Matrices, kernels, likelihood, finite differences; no I/O.
        .target(name: "Numerics", dependencies: ["CLapack"], exclude: ["README.md"]),
        // Source files, positions, diagnostics and their rendering.
        .target(name: "Diagnostics", exclude: ["README.md"]),
        // Markdown (through libcmark) parsed once into Swift values, math masking, cells.
        .target(name: "Notebook", dependencies: ["CCmark", "Diagnostics"], exclude: ["README.md"]),
        // TeX parser → syntax tree; MathML writer; the one XML escaper.
        .target(name: "TeX", dependencies: ["Diagnostics"], exclude: ["README.md"]),
        // The gp language: syntax, definition graph, evaluation, builtins.
        .target(name: "Setup", dependencies: ["Numerics", "Diagnostics"], exclude: ["README.md"]),
        // Code cells run in a child process: the protocol, the Python and Swift runtimes.
        .target(name: "CodeCells", dependencies: ["Setup", "Numerics", "Diagnostics"], exclude: ["README.md"]),
        // TeX as a computation: checked equations read, evaluated and judged.
        .target(name: "Checks", dependencies: ["Setup", "Numerics", "Diagnostics", "TeX"], exclude: ["README.md"]),
        // read → parse → evaluate → check, each stage named; the cache and the inputs hash.
        .target(
            name: "Pipeline",
            dependencies: ["Notebook", "TeX", "Setup", "CodeCells", "Checks", "Numerics", "Diagnostics"],
            exclude: ["README.md"]),
        // Renders only: the HTML page, check panels, SVG figures, summaries.
        .target(
            name: "Report", dependencies: ["Pipeline", "Notebook", "TeX", "Setup", "Checks", "Diagnostics"],
            exclude: ["README.md"]),
        // The command line: subcommands only.
        .executableTarget(
            name: "derive",
            dependencies: [
                "Pipeline", "Report", "Setup", "Diagnostics", "Numerics", "CodeCells",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // `make bench`: derive's log marginal likelihood timed against scikit-learn's.
        .executableTarget(name: "NumericsBenchmark", dependencies: ["Numerics"], path: "Benchmarks/NumericsBenchmark"),

        // Golden files and other helpers shared by the test targets.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "NumericsTests", dependencies: ["Numerics", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TeXTests", dependencies: ["TeX", "Diagnostics", "TestSupport"],
            exclude: ["Fixtures", "pandoc-crosscheck.sh", "preview.sh"]),
        .testTarget(
            name: "SetupTests", dependencies: ["Setup", "Numerics", "Diagnostics", "TestSupport"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ChecksTests", dependencies: ["Checks", "Setup", "Numerics", "Diagnostics", "TeX", "TestSupport"]),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "CodeCells", "Report", "Notebook", "Setup", "Checks", "Diagnostics", "Numerics", "TeX",
                "TestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ReportTests",
            dependencies: ["Report", "Pipeline", "Notebook", "Setup", "Checks", "Diagnostics", "TeX", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CodeCellsTests",
            dependencies: ["CodeCells", "Pipeline", "Setup", "Checks", "Numerics", "Diagnostics", "TestSupport"]),
        .testTarget(name: "deriveTests", dependencies: ["derive", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
