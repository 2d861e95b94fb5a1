import CodeCells
import Diagnostics
import Foundation
import Pipeline
import Setup
import Testing

/// Swift cells: compiled once, cached, errors at the notebook's positions, values in order.
@Suite(.serialized) struct SwiftCellTests {
    static let notebook = """
        ```gp
        let X = [1, 2; 3, 4; 5, 7]
        param θ = log([0.8, 1.5])
        ```

        ```swift
        //| reads: X, θ
        //| defines: T, s, F[i]
        var T = Matrix(rows: X.columns, columns: X.rows)
        for i in 1...X.rows { for j in 1...X.columns { T[j, i] = X[i, j] } }
        let s = exp(θ[1]) + exp(θ[2])
        let F = [X, 2 * X]
        print("compiled and ran")
        ```

        ```math check
        \\frac{\\partial s}{\\partial \\theta_i} = e^{\\theta_i}
        ```
        """

    /// A swiftc that logs each call before running the real one.
    static func loggingCompiler(in folder: String) throws -> (path: String, log: String) {
        let real = ProcessInfo.processInfo.environment["DERIVE_SWIFTC"] ?? "swiftc"
        let log = folder + "/swiftc.log"
        let path = folder + "/swiftc"
        try "#!/bin/sh\necho \"$@\" >> '\(log)'\nexec \(real) \"$@\"\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return (path, log)
    }

    @Test func cellsCompileOnceAndASecondRunDoesNotCompile() throws {
        let notebook = try CodeNotebook(Self.notebook)
        let (compiler, log) = try Self.loggingCompiler(in: notebook.folder)
        let cache = notebook.folder + "/build"
        let first = try notebook.run {
            $0.swiftc = compiler; $0.buildCache = cache
        }
        #expect(CodeNotebook.located(first) == [])
        #expect(try first.value("T") == [[1, 3, 5], [2, 4, 7]])
        #expect(try first.value("s") == [[0.8 + 1.5]])
        // A family's members cross as an n×m×p array in column-major order: F[2] is 2X.
        #expect(try first.evaluation.scope.member(of: "F", indices: [2]).matrix.elements == [2, 6, 10, 4, 8, 14])
        #expect(first.checks.map(\.status) == [.pass])
        #expect(first.codeVersions.first?.hasPrefix("Swift ") == true)
        guard case .ran(let run)? = first.evaluation.codeCells.first?.outcome else {
            Issue.record("the cell did not run")
            return
        }
        #expect(run.printed == "compiled and ran\n")
        let compiles = {
            try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("-O") }.count
        }
        #expect(try compiles() == 1)
        let second = try notebook.run {
            $0.swiftc = compiler; $0.buildCache = cache
        }
        #expect(second.checks.map(\.status) == [.pass])
        #expect(try compiles() == 1)
    }

    @Test func aCompileErrorIsAtTheNotebooksLineAndColumn() throws {
        let run = try CodeNotebook(
            """
            Prose first.

            ```swift
            //| defines: a, b
            let a = 1.0
            let b = a + undefinedName
            ```
            """
        ).run { $0.buildCache = nil }
        #expect(CodeNotebook.located(run) == ["6:13: error: Swift: cannot find 'undefinedName' in scope"])
    }

    @Test func aDefineTheCellDoesNotAssignIsAnErrorAtItsName() throws {
        let run = try CodeNotebook(
            """
            ```swift
            //| defines: a, missing
            let a = 1.0
            ```
            """
        ).run { $0.buildCache = nil }
        #expect(CodeNotebook.located(run) == ["2:17: error: Swift: cannot find 'missing' in scope"])
    }

    @Test func withoutTheCompilerTheErrorNamesIt() throws {
        let run = try CodeNotebook(
            """
            ```swift
            //| defines: a
            let a = 1.0
            ```
            """
        ).run { $0.swiftc = "no-such-swiftc" }
        #expect(
            CodeNotebook.located(run) == [
                "1:1: error: 'no-such-swiftc' was not found on PATH: Swift cells need the Swift compiler"
            ])
    }

    @Test func withoutAllowCodeNothingCompiles() throws {
        let notebook = try CodeNotebook(Self.notebook)
        let (compiler, log) = try Self.loggingCompiler(in: notebook.folder)
        let run = try notebook.run(allowed: false) { $0.swiftc = compiler }
        #expect(run.checks.map(\.status) == [.notRun])
        #expect(run.result(strict: false).exitStatus == 3)
        #expect(!FileManager.default.fileExists(atPath: log))
    }
}
