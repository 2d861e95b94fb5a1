import Checks
import CodeCells
import Diagnostics
import Foundation
import Numerics
import Pipeline
import Setup
import Testing

/// Checks through code: derivatives of a cell's outputs by finite differences of the cell,
/// code not allowed, and the cache.
@Suite struct CodeCheckTests {
    /// The RBF kernel and its gradient with respect to ln λ, scikit-learn's layout (n×n×p).
    static let kernel = """
        ```gp
        let X = randn(6, 2, seed: 7)
        param θ = log([0.8, 1.5])
        let λ = exp(θ)                         // the length-scales the hints speak of
        ```

        ```python
        #| reads: X, θ
        #| defines: K, G[i], W[i]
        import numpy as np
        lam = np.exp(θ)
        d = (X[:, None, :] - X[None, :, :]) ** 2 / lam ** 2
        K = np.exp(-0.5 * d.sum(axis=2))
        G = K[:, :, None] * d                  # ∂K/∂ln λ
        W = K[:, :, None] * d / lam            # ∂K/∂λ written where ∂K/∂ln λ is meant
        ```

        ```math check
        G_i = \\frac{\\partial K}{\\partial \\theta_i}
        ```

        ```math check
        W_i = \\frac{\\partial K}{\\partial \\theta_i}
        ```
        """

    @Test func aCellThatReadsAParameterIsDifferentiatedThroughTheCode() throws {
        let run = try CodeNotebook(Self.kernel).run()
        #expect(CodeNotebook.located(run) == [])
        #expect(run.checks.map(\.verdict) == [.pass, .fail])
        #expect(run.checks.last?.judgement.hints.map(\.message).first?.contains("follows 1/λᵢ") == true)
        #expect(run.result(strict: false) == .fail)
    }

    @Test func withoutAllowCodeNothingRunsNothingPassesAndTheExitStatusIs3() throws {
        let run = try CodeNotebook(Self.kernel).run(allowed: false)
        #expect(
            CodeNotebook.located(run) == ["7:1: error: this code cell was not run: code cells need --allow-code"])
        // Every check is listed, not run, with the reason.
        #expect(run.checks.map(\.status) == [.notRun, .notRun])
        #expect(
            run.checks.map { $0.notRun?.reason } == ["code cells need --allow-code", "code cells need --allow-code"])
        #expect(run.result(strict: false) == .error)
        #expect(run.result(strict: false).exitStatus == 3)
        #expect(run.codeVersions == [])
        #expect(run.evaluation.codeCells.map { if case .notRun = $0.outcome { true } else { false } } == [true])
    }

    @Test func aVerdictCachedWithCodeAllowedIsNeverShownWithoutIt() throws {
        let notebook = try CodeNotebook(Self.kernel)
        let cache = CheckCache(directory: notebook.folder + "/cache")
        let allowed = try notebook.run(cache: cache)
        #expect(allowed.checks.map(\.verdict) == [.pass, .fail])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.directory).count
        #expect(entries == 2)
        let again = try notebook.run(cache: cache)
        #expect(again.checks == allowed.checks)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory).count == entries)
        let refused = try notebook.run(allowed: false, cache: cache)
        #expect(refused.checks.map(\.status) == [.notRun, .notRun])
        #expect(refused.result(strict: false) == .error)
    }

    @Test func theCacheKeyCoversTheCellSource() throws {
        let notebook = try CodeNotebook(Self.kernel)
        let cache = CheckCache(directory: notebook.folder + "/cache")
        _ = try notebook.run(cache: cache)
        // The slip fixed in the code: the cached FAIL must not be reused.
        let fixed = Self.kernel.replacingOccurrences(of: "* d / lam ", with: "* d ")
        try fixed.write(toFile: notebook.path, atomically: true, encoding: .utf8)
        let run = try notebook.run(cache: cache)
        #expect(run.checks.map(\.verdict) == [.pass, .pass])
        #expect(CodeNotebook.located(run) == [])
    }

    @Test func theInputsHashCoversTheRequirementsFileButNotTheObservedVersions() throws {
        let text = "---\nrequirements: requirements.txt\n---\n\n" + Self.kernel
        let notebook = try CodeNotebook(text)
        try "numpy==2.4.6\n".write(toFile: notebook.folder + "/requirements.txt", atomically: true, encoding: .utf8)
        let first = try notebook.run()
        #expect(first.codeVersions.first?.hasPrefix("Python 3.") == true)
        #expect(first.codeVersions.contains { $0.hasPrefix("numpy ") })
        let same = try notebook.run(allowed: false)
        #expect(same.inputs == first.inputs)
        try "numpy==2.4.7\n".write(toFile: notebook.folder + "/requirements.txt", atomically: true, encoding: .utf8)
        #expect(try notebook.run(allowed: false).inputs != first.inputs)
    }
}
