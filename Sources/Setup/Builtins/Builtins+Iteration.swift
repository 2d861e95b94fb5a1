import Numerics

extension Builtins {
    /// `fixpoint(x0, f)`: x₀, f(x₀), f(f(x₀)), … until the iterate has settled in floating
    /// point, and returns the iterate at which it did:
    ///
    /// - it repeats one of the last `cycleMemory` iterates bit for bit — the one before it (a
    ///   fixed point) or an earlier one (a cycle), provided the cycle's iterates agree within
    ///   `roundingUlps` units in the last place of the largest entry;
    /// - or each of the last `wanderSteps` steps moved it by at most `roundingUlps` ulps of its
    ///   largest entry: it wanders in its last bits without repeating, as a vector Newton
    ///   iteration does once rounding dominates its step.
    ///
    /// A wider cycle, an iteration that does not settle within the limit (1000 steps by
    /// default), a change of shape, NaN or ∞ is an error. Settling in floating point, rather
    /// than within a tolerance, keeps a perturbed evaluation from carrying the noise of where
    /// a loop happened to stop.
    static let iteration: [String: Builtin] = [
        "fixpoint": Builtin(arity: 2...2) { call throws(EvaluationError) in
            var current = try call.value(0)
            guard case .function(let step) = call.arguments[1] else {
                throw call.fail(
                    .invalid, "the second argument of 'fixpoint' is a function of the iterate",
                    help: "write fixpoint(x0, x -> step(x))", argument: 1)
            }
            var recent: [Matrix] = []  // the last iterates, newest last
            var smallSteps = 0  // consecutive steps within rounding
            let limit = call.context.options.fixpointLimit
            for _ in 0..<limit {
                try call.context.checkTime()
                guard case .value(let next) = try call.apply(step, [.value(current)]) else {
                    throw call.fail(.invalid, "the function of 'fixpoint' must return a value", argument: 1)
                }
                guard next.matrix.rows == current.matrix.rows, next.matrix.columns == current.matrix.columns else {
                    throw call.fail(
                        .shape,
                        "the function of 'fixpoint' changed the iterate's shape from \(current.shape) to \(next.shape)",
                        argument: 1)
                }
                guard next.matrix.isFinite else {
                    throw call.fail(.invalid, "'fixpoint' reached an infinite or NaN iterate", argument: 1)
                }
                recent.append(current.matrix)
                if recent.count > cycleMemory { recent.removeFirst() }
                if let start = recent.lastIndex(of: next.matrix) {
                    let cycle = recent[start...]
                    let spread = cycle.map { ($0 - next.matrix).maxAbs }.max() ?? 0
                    let rounding = Double(roundingUlps) * next.matrix.maxAbs.ulp
                    guard spread <= rounding else {
                        throw call.fail(
                            .invalid,
                            "'fixpoint' is cycling through \(cycle.count) iterates that differ by \(spread), more than rounding",
                            help: "check that the step converges from the starting point")
                    }
                    return .value(next)
                }
                let step = (next.matrix - current.matrix).maxAbs
                smallSteps = step <= Double(roundingUlps) * next.matrix.maxAbs.ulp ? smallSteps + 1 : 0
                if smallSteps >= wanderSteps { return .value(next) }
                current = next
            }
            let change = recent.last.map { (current.matrix - $0).maxAbs } ?? .nan
            var failure = call.fail(
                .invalid, "'fixpoint' did not settle in \(limit) steps; the last step changed the iterate by \(change)",
                help: "check that the step converges from the starting point")
            failure.limit = .iterations
            throw failure
        }
    ]

    /// How many of the last iterates `fixpoint` remembers to recognise a cycle.
    static let cycleMemory = 64
    /// How far apart, in units in the last place of the largest entry, the iterates of an
    /// accepted cycle, or of a wander in the last bits, may be.
    static let roundingUlps = 16
    /// How many consecutive steps within rounding make an iteration settled.
    static let wanderSteps = 32
}
