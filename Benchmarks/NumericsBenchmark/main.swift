// Times derive's log marginal likelihood and gradient on data written by `bench.py`, and
// prints one JSON line. Run by `make bench`; not part of derive itself.
//
//   NumericsBenchmark large X.bin y.bin n d runs c noise λ₁ … λ_d   C·RBF(λ) + White(noise)
//   NumericsBenchmark small X.bin y.bin n d calls batches c λ₁ … λ_d C·RBF(λ), per call
//   NumericsBenchmark breakdown X.bin y.bin n d runs c noise λ₁ … λ_d   time per stage
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

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("NumericsBenchmark: \(message)\n".utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 8, let n = Int(arguments[4]), let d = Int(arguments[5]), let count = Int(arguments[6]) else {
    fail("usage: NumericsBenchmark large|small|breakdown X.bin y.bin n d runs … (see main.swift)")
}
guard let x = readMatrix(arguments[2], rows: n, columns: d), let y = readMatrix(arguments[3], rows: n, columns: 1)
else { fail("cannot read \(arguments[2]) and \(arguments[3]) as \(n)×\(d) and \(n)×1") }
let numbers = arguments[7...].compactMap(Double.init)

switch arguments[1] {
case "large", "breakdown":
    guard numbers.count == d + 2 else { fail("need c, noise and \(d) length-scales") }
    let kernel = numbers[0] * RBF(lengthScale: Array(numbers[2...])) + WhiteKernel(noiseLevel: numbers[1])
    let baseline = peakResidentBytes()
    var result: LogMarginalLikelihood? = nil
    if arguments[1] == "breakdown" {
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
        exit(0)
    }
    let times = try (0..<count).map { _ in
        try seconds { result = try LogMarginalLikelihood(kernel: kernel, x: x, y: y) }
    }
    guard let result else { fail("no runs") }
    print(
        "{\"median\": \(median(times)), \"lml\": \(result.value), \"gradient\": \(result.gradient), "
            + "\"peak_bytes\": \(peakResidentBytes() - baseline)}")
case "small":
    guard numbers.count == d + 2 else { fail("need batches, c and \(d) length-scales") }
    let batches = Int(numbers[0])
    let kernel = numbers[1] * RBF(lengthScale: Array(numbers[2...]))
    var result: LogMarginalLikelihood? = nil
    let times = try (0..<batches).map { _ in
        try seconds { for _ in 0..<count { result = try LogMarginalLikelihood(kernel: kernel, x: x, y: y) } }
            / Double(count)
    }
    guard let result else { fail("no runs") }
    print("{\"median\": \(median(times)), \"lml\": \(result.value), \"gradient\": \(result.gradient)}")
default:
    fail("unknown mode \(arguments[1])")
}
