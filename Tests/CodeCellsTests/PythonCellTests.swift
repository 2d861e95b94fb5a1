import CodeCells
import Diagnostics
import Foundation
import Numerics
import Pipeline
import Setup
import Testing

/// Python cells through the whole pipeline: values in and out, in both orders and every shape,
/// and every way a cell can go wrong, each a located diagnostic.
@Suite struct PythonCellTests {
    @Test func valuesCrossInBothDirectionsWithTheirShapesAndOrder() throws {
        // X is 3×2 and not symmetric: a transposed or mis-ordered copy gives other numbers.
        let run = try CodeNotebook(
            """
            ```gp
            let X = [1, 2; 3, 4; 5, 7]
            let v = [10, 20, 30]
            let s = 0.5
            ```

            ```python
            #| reads: X, v, s
            #| defines: Y, T, r, c, w, n, q, P
            import numpy as np
            Y = X                               # the same matrix back
            T = X.T                             # 2×3
            r = X[0, 1]                         # row 1, column 2: 2
            c = X[:, 1]                         # the second column, a vector
            w = v * s                           # a vector in, a vector out
            n = float(X.shape[0] * 10 + X.shape[1]) # 32: rows then columns
            q = [[1.0, 2.0, 3.0]]               # a list: 1×3
            P = np.asfortranarray(X @ np.array([[1.0, 0.0], [1.0, 1.0]]))  # sent in column-major order
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run) == [])
        #expect(try run.value("Y") == [[1, 2], [3, 4], [5, 7]])
        #expect(try run.value("T") == [[1, 3, 5], [2, 4, 7]])
        #expect(try run.value("r") == [[2]])
        #expect(try run.value("c") == [[2], [4], [7]])
        #expect(try run.value("w") == [[5], [10], [15]])
        #expect(try run.value("n") == [[32]])
        #expect(try run.value("q") == [[1, 2, 3]])
        #expect(try run.value("P") == [[3, 2], [7, 4], [12, 7]])
    }

    @Test func aThreeDimensionalArrayIsAFamilyIndexedByItsLastAxis() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: G[i]
            import numpy as np
            G = np.arange(24.0).reshape(2, 3, 4)   # G[a, b, k] = 12a + 4b + k (0-based)
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run) == [])
        let scope = run.evaluation.scope
        #expect(try scope.indexRanges(of: "G") == [1...4])
        let third = try scope.member(of: "G", indices: [3]).matrix
        #expect(third == Matrix([[2, 6, 10], [14, 18, 22]]))
        #expect(throws: EvaluationError.self) { try scope.member(of: "G", indices: [5]) }
    }

    @Test func aThreeDimensionalArrayNotDeclaredAsAFamilyIsAnErrorAtItsName() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: G
            import numpy as np
            G = np.zeros((2, 2, 3))
            ```
            """
        ).run()
        #expect(
            CodeNotebook.located(run) == [
                "2:13: error: 'G' is a 3-D array (2×2×3): declare it as a family indexed by its last axis"
            ])
    }

    @Test func nanCrossesWithAWarningAndAnEmptyArrayIsAnError() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: h, e
            import numpy as np
            h = np.array([1.0, np.nan])
            e = np.zeros((0, 3))
            ```
            """
        ).run()
        #expect(
            CodeNotebook.located(run) == [
                "2:16: error: 'e' is empty (shape (0, 3)): an empty array has no value in a derivation"
            ])
        let nan = try CodeNotebook(
            """
            ```python
            #| defines: h
            import numpy as np
            h = np.array([1.0, np.nan])
            ```
            """
        ).run()
        #expect(CodeNotebook.located(nan) == ["2:13: warning: 'h' is 1 NaN entry: its definition produced them"])
        #expect(try nan.evaluation.scope.value(of: "h").matrix.elements[1].isNaN)
    }

    @Test func aFloat32ResultIsFlaggedAndReadAsFloat64() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: d
            import numpy as np
            d = np.float32(0.1)
            ```
            """
        ).run()
        #expect(
            CodeNotebook.located(run) == [
                "2:13: warning: 'd' is float32 in the cell: derive reads it as float64, but it holds only about 7 significant digits"
            ])
        #expect(try run.value("d") == [[Double(Float(0.1))]])
    }

    @Test func aNameTheCellUsesWithoutReadingItIsAnErrorAtItsUse() throws {
        let run = try CodeNotebook(
            """
            ```gp
            param θ = log([0.8, 1.5])
            let y = 3
            ```

            ```python
            #| reads: θ
            #| defines: a
            if θ[0] > 100:
                a = θ * y
            else:
                a = θ
            ```
            """
        ).run()
        // Found before the cell runs, though the branch that uses it is never taken.
        #expect(CodeNotebook.located(run) == ["10:13: error: the cell uses 'y', which it neither reads nor defines"])
        #expect(
            run.diagnostics.first?.help
                == "declare what it reads, so that a derivative through the cell sees it: '#| reads: θ, y'")
    }

    @Test func aCellThatPrintsHasItsOutputCapturedAndTheProtocolIntact() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: a
            import os, sys
            print("to stdout")
            print("to stderr", file=sys.stderr)
            sys.__stdout__.write("around the capture\\n"); sys.__stdout__.flush()
            os.write(1, b"straight to fd 1\\n")
            a = 1.5
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run) == [])
        #expect(try run.value("a") == [[1.5]])
        guard case .ran(let code)? = run.evaluation.codeCells.first?.outcome else {
            Issue.record("the cell did not run")
            return
        }
        #expect(code.printed == "to stdout\nto stderr\n")
    }

    @Test func aNonDeterministicCellIsAnError() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: f
            import numpy as np
            f = np.random.default_rng().random()
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run).count == 1)
        #expect(
            CodeNotebook.located(run).first?.hasPrefix("1:1: error: the cell is not deterministic: 'f' differs by")
                == true)
    }

    @Test func anExceptionIsAnErrorAtTheLineThatRaisedIt() throws {
        let run = try CodeNotebook(
            """
            Some prose.

            ```python
            #| defines: a
            a = 1
            a = a / 0
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run) == ["6:1: error: the cell raised ZeroDivisionError: division by zero"])
    }

    @Test func aSyntaxErrorIsAtItsLineAndColumn() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: a
            a = (1 +
            ```
            """
        ).run()
        #expect(CodeNotebook.located(run).first?.hasPrefix("3:5: error: Python cannot read the cell:") == true)
    }

    @Test func aCrashingChildIsAnErrorAndTheNextCellRunsInAFreshOne() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: b
            import os
            os.kill(os.getpid(), 11)
            ```

            ```python
            #| defines: c
            c = 2.0
            ```
            """
        ).run()
        #expect(
            CodeNotebook.located(run) == [
                "1:1: error: the Python process ended while running the cell: it was killed by signal 11 (SIGSEGV)"
            ])
        #expect(try run.value("c") == [[2]])
    }

    @Test func aHangingChildIsStoppedWithEveryProcessItStarted() throws {
        let notebook = try CodeNotebook(
            """
            ```python
            #| defines: c
            import subprocess, time
            child = subprocess.Popen(["sleep", "987.654"])
            open("grandchild.pid", "w").write(str(child.pid))
            time.sleep(1000)
            ```
            """
        )
        // 5 s: long enough for the cell to start its grandchild on a loaded machine (with
        // 1 s the limit sometimes struck before the pid file was written), short against
        // the cell's 1000 s sleep.
        let start = ContinuousClock.now
        let run = try notebook.run { $0.runTimeLimit = 5 }
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(
            CodeNotebook.located(run) == [
                "1:1: error: the cell did not finish within 5 s: derive stopped the Python process and every process it started"
            ])
        // Gone with its group: no such process, a zombie waiting for init to reap it, or its
        // pid already taken by another process (pids are reused quickly on a busy machine).
        let pid = try String(contentsOfFile: notebook.folder + "/grandchild.pid", encoding: .utf8)
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        let state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init)
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        #expect(state == nil || state == "Z" || command != "sleep\u{0}987.654\u{0}")
    }

    @Test func theChildGetsAScrubbedEnvironmentAndOneBLASThread() throws {
        let notebook = try CodeNotebook(
            """
            ```python
            #| defines: token, named, threads
            import os
            token = float(len(os.environ.get("GITHUB_TOKEN", "")))
            named = float(os.environ.get("DERIVE_TEST_NAMED", "0"))
            threads = float(os.environ["OPENBLAS_NUM_THREADS"])
            ```
            """
        )
        var options = CodeNotebook.options
        options.passedEnvironment = ["DERIVE_TEST_NAMED"]
        let parse = try Pipeline.read(notebook.path)
        let definitions = NotebookParse(file: parse).definitions
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_TOKEN"] = "secret"
        environment["DERIVE_TEST_NAMED"] = "7"
        let code = NotebookCode(
            definitions: definitions, options: options, directory: notebook.folder, environment: environment,
            digest: { String($0.hashValue) })
        defer { code.stop() }
        let evaluation = NotebookEvaluation(definitions: definitions, executor: code)
        #expect(try evaluation.scope.value(of: "token").scalar == 0)
        #expect(try evaluation.scope.value(of: "named").scalar == 7)
        #expect(try evaluation.scope.value(of: "threads").scalar == 1)
    }

    @Test func withoutPythonTheErrorNamesTheInterpreter() throws {
        let run = try CodeNotebook(
            """
            ```python
            #| defines: a
            a = 1
            ```
            """
        ).run { $0.python = "/nonexistent/python3" }
        #expect(CodeNotebook.located(run) == ["1:1: error: '/nonexistent/python3' was not found"])
    }
}
