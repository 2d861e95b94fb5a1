// Times derive's log marginal likelihood and gradient on data written by `bench.py`. Run by
// `make bench`; not part of derive itself.
//
//   NumericsBenchmark serve X.bin y.bin n d 0 c noise λ₁ … λ_d       C·RBF(λ) + White(noise)
//   NumericsBenchmark serve X.bin y.bin n d 0 c nan λ₁ … λ_d         C·RBF(λ)
//   NumericsBenchmark breakdown X.bin y.bin n d runs c noise λ₁ … λ_d   time per stage
//
// `serve` prints a JSON line with OpenBLAS's kernels and threads, then answers each line
// `run CALLS` on stdin with one JSON line: the seconds per call of CALLS evaluations, the
// seconds of the flop floor dpotrf + dpotri on the same K, the value and the gradient. So
// `bench.py` can time the two sides alternately, run by run, in one measurement.
import Foundation
import Numerics

/// Raw little-endian float64, row-major n×d (numpy's `tofile`).
func readMatrix(_ path: String, rows: Int, columns: Int) -> Matrix? {
    guard let data = FileManager.default.contents(atPath: path), data.count == 8 * rows * columns else { return nil }
    let values = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    return Matrix(rows: rows, columns: columns) { i, j in values[i * columns + j] }
}

/// The peak resident set size so far (VmHWM), in bytes.
func peakResidentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    else { return 0 }
    return kib * 1024
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : 0.5 * (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2])
}

/// Writes a line to stdout at once (the benchmark driver waits for it).
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("NumericsBenchmark: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 8, let n = Int(arguments[4]), let d = Int(arguments[5]), let count = Int(arguments[6]) else {
    fail("usage: NumericsBenchmark serve|breakdown X.bin y.bin n d runs … (see main.swift)")
}
guard let x = readMatrix(arguments[2], rows: n, columns: d), let y = readMatrix(arguments[3], rows: n, columns: 1)
else { fail("cannot read \(arguments[2]) and \(arguments[3]) as \(n)×\(d) and \(n)×1") }
let numbers = arguments[7...].compactMap(Double.init)

switch arguments[1] {
case "serve":
    guard numbers.count == d + 2 else { fail("need c, noise (nan for none) and \(d) length-scales") }
    let signal = numbers[0] * RBF(lengthScale: Array(numbers[2...]))
    let kernel: any Kernel = numbers[1].isNaN ? signal : signal + WhiteKernel(noiseLevel: numbers[1])
    let matrix = kernel.matrix(x)
    let baseline = peakResidentBytes()
    emit("{\"kernels\": \"\(BLASThreads.kernels)\", \"threads\": \(BLASThreads.count)}")
    while let line = readLine() {
        let words = line.split(separator: " ")
        guard words.first == "run", let calls = words.count > 1 ? Int(words[1]) : 1, calls > 0 else { break }
        var result: LogMarginalLikelihood? = nil
        let time = try seconds { for _ in 0..<calls { result = try LogMarginalLikelihood(kernel: kernel, x: x, y: y) } }
        // The floor: the Cholesky factor and the inverse from it, which the gradient needs.
        let floor = seconds {
            guard let cholesky = try? Cholesky(matrix) else { fail("K is not positive definite") }
            _ = cholesky.inverse()
        }
        guard let result else { fail("no runs") }
        emit(
            "{\"seconds\": \(time / Double(calls)), \"floor\": \(floor), \"lml\": \(result.value), "
                + "\"gradient\": \(result.gradient), \"peak_bytes\": \(peakResidentBytes() - baseline)}")
    }
case "breakdown":
    guard numbers.count == d + 2 else { fail("need c, noise and \(d) length-scales") }
    let kernel = numbers[0] * RBF(lengthScale: Array(numbers[2...])) + WhiteKernel(noiseLevel: numbers[1])
    var stages: [String: [Double]] = [:]
    for _ in 0..<count {
        var k = Matrix.zeros(0, 0)
        var cholesky: Cholesky? = nil
        var w = Matrix.zeros(0, 0)
        stages["kernel matrix", default: []].append(seconds { k = kernel.matrix(x) })
        stages["cholesky (dpotrf)", default: []].append(seconds { cholesky = try? Cholesky(k) })
        guard let cholesky else { fail("K is not positive definite") }
        stages["solve and logdet", default: []].append(seconds { _ = (cholesky.solve(y), cholesky.logDeterminant) })
        stages["inverse (dpotri; LML skips the mirror)", default: []].append(seconds { w = cholesky.inverse() })
        stages["condition (dpocon; opt-in)", default: []].append(seconds { _ = cholesky.conditionNumber })
        stages["contraction (eq. 5.9)", default: []].append(seconds { _ = kernel.contraction(x, weights: w) })
    }
    let parts = stages.keys.sorted().map { "\"\($0)\": \(median(stages[$0] ?? []))" }
    print("{" + parts.joined(separator: ", ") + "}")
default:
    fail("unknown mode \(arguments[1])")
}
