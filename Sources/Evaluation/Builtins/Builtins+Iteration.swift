import Numerics

extension Builtins {
    /// `fixpoint(x0, f)`: x₀, f(x₀), f(f(x₀)), … until an iterate equals the one before bit
    /// for bit, or the one two steps before (a 2-cycle of the last rounding bit, settled on
    /// the later iterate). An iteration that does not settle within the limit (1000 steps by
    /// default) is an error. Settling in floating point, rather than within a tolerance,
    /// keeps a perturbed evaluation from carrying the noise of where a loop happened to stop.
    static let iteration: [String: Builtin] = [
        "fixpoint": Builtin(arity: 2...2) { call throws(EvaluationError) in
            var current = try call.value(0)
            guard case .function(let step) = call.arguments[1] else {
                throw call.fail(
                    .invalid, "the second argument of 'fixpoint' is a function of the iterate",
                    help: "write fixpoint(x0, x -> step(x))", argument: 1)
            }
            var previous: Matrix?
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
                if next.matrix == current.matrix || next.matrix == previous {
                    return .value(next)
                }
                previous = current.matrix
                current = next
            }
            let change = previous.map { (current.matrix - $0).maxAbs } ?? .nan
            throw call.fail(
                .invalid, "'fixpoint' did not settle in \(limit) steps; the last step changed the iterate by \(change)",
                help: "check that the step converges from the starting point")
        }
    ]
}
