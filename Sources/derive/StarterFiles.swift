import Foundation
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files `derive init` writes: a notebook whose checks pass and a GitHub Actions workflow
/// that runs derive's Action on it.
enum StarterFiles {
    /// derive's GitHub Action as a workflow names it (`uses:`); the README's "Use derive in
    /// your repository" names the same, and a test keeps the two equal.
    static let action = "OWNER/derive@v\(DeriveVersion.current)"

    /// Each file's path below the folder `derive init` fills, and its text.
    static let files: [(path: String, text: String)] = [
        ("notebooks/rbf-chain-rule.md", notebook),
        (".github/workflows/derive.yml", workflow),
    ]

    /// The chain rule of the anisotropic RBF kernel from λ to θ = ln λ, in one checked
    /// equation of two steps (both pass).
    static let notebook = #"""
        ---
        title: The chain rule for the RBF kernel's length-scales
        ---

        A starter notebook made by `derive init`: prose and LaTeX as in a paper, a `gp` block
        that sets up data and hyperparameters, and a `math check` block whose every `=` derive
        checks with numbers. Run `derive check` to see the verdicts, and `derive render` for a
        report in `output/`. Edit it, or add notebooks beside it.

        The anisotropic RBF (squared-exponential) kernel gives each input dimension its own
        length-scale $\lambda_i$:

        $$
        k(x, y) = \exp\left(-\tfrac12 \sum_i \frac{(x_i - y_i)^2}{\lambda_i^2}\right) .
        $$

        Optimisers work with $\theta_i = \ln \lambda_i$, which keeps $\lambda_i$ positive, so the
        gradient they need is $\partial K / \partial \theta_i$. Only the $i$-th term of the exponent
        depends on $\lambda_i$, and $\partial(\lambda_i^{-2}) / \partial \lambda_i = -2\lambda_i^{-3}$,
        so with $D_i$ the squared distances $(x_i - y_i)^2$ along dimension $i$,
        $\partial K / \partial \lambda_i = \lambda_i^{-3}\, D_i \circ K$. The chain rule multiplies
        by $d\lambda_i / d\theta_i = \lambda_i$:

        ```gp
        let X = randn(20, 2, seed: 1)                  // 20 points in 2 dimensions
        param θ = log([0.8, 1.5])                      // the variables derivatives are taken by
        let λ = exp(θ)                                 // the length-scales
        let D[i] = sqdist(X[:, i])                     // squared distances along dimension i
        let K = rbf(X, lengthScale: λ)
        ```

        ```math check
        \frac{\partial K}{\partial \theta_i} = \lambda_i \frac{\partial K}{\partial \lambda_i}
          = \frac{1}{\lambda_i^2}\, D_i \circ K
        ```

        derive evaluates each side for $i = 1, 2$ and compares every derivative with Richardson-
        extrapolated finite differences. Write $\lambda_i^3$ in the last step to see a failing
        check, and the hint that names the slip.

        """#

    /// A workflow that checks the notebooks on every push and pull request.
    static let workflow = """
        # Checks every equation of notebooks/ on each push and pull request: the verdicts go to
        # the job's summary and the notebooks' lines, the rendered reports to an artifact.
        name: derive

        on:
          push:
            branches: [main]
          pull_request:

        permissions:
          contents: read

        jobs:
          derive:
            runs-on: ubuntu-latest
            container: swift:6.3 # the Action builds derive with Swift once, then caches it
            steps:
              - uses: actions/checkout@v6
              - uses: \(action)
                with:
                  paths: notebooks
                  output: output

        """

    /// A file or folder that could not be written.
    struct Failure: Error, CustomStringConvertible {
        /// The path that failed.
        let path: String
        /// What went wrong, lower case.
        let message: String

        var description: String { "\(path): error: \(message)" }
    }

    /// What happened to one file.
    enum Outcome: Equatable {
        case created
        /// Something is already at the path (a file, a folder or a link): it is left alone.
        case skipped
    }

    /// Writes `text` to `path` unless something is already there, never leaving a half-written
    /// file: the text goes to a temporary file in the same folder, which `link(2)` puts in
    /// place only if the path is free (a link that is there, even a dangling one, counts).
    static func create(_ path: String, text: String) throws(StarterFiles.Failure) -> Outcome {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: directory, message: "cannot create the folder")
            }
        }
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            || FileManager.default.fileExists(atPath: path)
        {
            return .skipped
        }
        let temporary = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw Failure(path: path, message: "cannot write the file")
        }
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return .skipped }
            throw Failure(path: path, message: "cannot write the file")
        }
        return .created
    }
}
