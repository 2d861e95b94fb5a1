import Numerics

extension Builtins {
    /// scikit-learn's kernels, K(X, X) or K(X, Y) for inputs of shape n×d (and m×d), with
    /// hyperparameters labelled by scikit-learn's names in camel case:
    ///
    /// | builtin | labels (defaults) | scikit-learn |
    /// |---|---|---|
    /// | `rbf` | `lengthScale` (1; a scalar or d entries) | `RBF` |
    /// | `matern` | `lengthScale` (1), `nu` (1.5; 0.5, 1.5 or 2.5) | `Matern` |
    /// | `rationalQuadratic` | `lengthScale` (1), `alpha` (1) | `RationalQuadratic` |
    /// | `expSineSquared` | `lengthScale` (1), `periodicity` (1) | `ExpSineSquared` |
    /// | `dotProduct` | `sigma0` (1) | `DotProduct` |
    /// | `constant` | `value` (1) | `ConstantKernel` |
    /// | `white` | `noiseLevel` (1) | `WhiteKernel` |
    static let kernelLabels: [String: [String]] = [
        "rbf": ["lengthScale"],
        "matern": ["lengthScale", "nu"],
        "rationalQuadratic": ["lengthScale", "alpha"],
        "expSineSquared": ["lengthScale", "periodicity"],
        "dotProduct": ["sigma0"],
        "constant": ["value"],
        "white": ["noiseLevel"],
    ]

    static let kernels: [String: Builtin] = kernelLabels.mapValues { labels in
        Builtin(arity: 1...2, labels: labels) { call throws(EvaluationError) in
            let kernel = try makeKernel(call)
            let x = try call.value(0).matrix
            if call.arguments.count == 2 {
                let y = try call.value(1).matrix
                guard y.columns == x.columns else {
                    throw call.fail(
                        .shape,
                        "'\(call.name)' needs points with one number of coordinates; got \(x.columns) and \(y.columns) columns",
                        argument: 1)
                }
                try call.checkSize(rows: x.rows, columns: y.rows)
                return call.result(kernel.matrix(x, y))
            }
            try call.checkSize(rows: x.rows, columns: x.rows)
            return call.result(kernel.matrix(x))
        }
    }

    /// The kernel a call such as `rbf(X, lengthScale: λ)` denotes, hyperparameters checked.
    static func makeKernel(_ call: BuiltinCall) throws(EvaluationError) -> any Kernel {
        let x = try call.value(0).matrix
        func positive(_ label: String) throws(EvaluationError) -> Double {
            let s = try call.labelledScalar(label, default: 1)
            guard s > 0, s.isFinite else {
                throw call.fail(.invalid, "'\(label):' of '\(call.name)' must be positive; got \(s)", label: label)
            }
            return s
        }
        switch call.name {
        case "rbf", "matern":
            var scales = [1.0]
            if let value = try call.labelledValue("lengthScale") {
                scales = value.matrix.elements
                guard value.isVector, scales.count == 1 || scales.count == x.columns else {
                    throw call.fail(
                        .shape,
                        "'lengthScale:' of '\(call.name)' is a scalar or one entry per column of X (\(x.columns)); got \(value.shapeDescription)",
                        label: "lengthScale")
                }
                guard let bad = scales.first(where: { !($0 > 0 && $0.isFinite) }) else {
                    return try stationary(call, scales)
                }
                throw call.fail(
                    .invalid, "'lengthScale:' of '\(call.name)' must be positive; got \(bad)", label: "lengthScale")
            }
            return try stationary(call, scales)
        case "rationalQuadratic":
            return RationalQuadratic(lengthScale: try positive("lengthScale"), alpha: try positive("alpha"))
        case "expSineSquared":
            return ExpSineSquared(lengthScale: try positive("lengthScale"), periodicity: try positive("periodicity"))
        case "dotProduct":
            return DotProduct(sigma0: try positive("sigma0"))
        case "constant":
            return ConstantKernel(try positive("value"))
        default:
            return WhiteKernel(noiseLevel: try positive("noiseLevel"))
        }
    }

    private static func stationary(_ call: BuiltinCall, _ scales: [Double]) throws(EvaluationError) -> any Kernel {
        guard call.name == "matern" else { return RBF(lengthScale: scales) }
        switch try call.labelledScalar("nu", default: 1.5) {
        case 0.5: return Matern(lengthScale: scales, nu: .half)
        case 1.5: return Matern(lengthScale: scales, nu: .threeHalves)
        case 2.5: return Matern(lengthScale: scales, nu: .fiveHalves)
        case let nu:
            throw call.fail(
                .invalid, "'nu:' of 'matern' is 0.5, 1.5 or 2.5; got \(nu)", help: "for ν = ∞ use 'rbf'", label: "nu")
        }
    }
}
