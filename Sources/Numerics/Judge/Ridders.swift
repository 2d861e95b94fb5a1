import Foundation

/// A derivative g′(s) estimated by Ridders' method, with its error estimate.
public struct RiddersEstimate: Sendable, Hashable, Codable {
    /// The estimate of g′(s).
    public var value: Matrix
    /// ê, Ridders' estimate of ‖estimate − g′(s)‖_F.
    public var errorEstimate: Double
    /// The central-difference step whose extrapolation gave the estimate.
    public var step: Double
    /// How often the first step was halved to keep s ± h inside the domain and g finite.
    public var shrinks: Int
    /// How many times g was evaluated.
    public var evaluations: Int
}

/// Why a finite difference could not be taken.
public struct EvaluationFailure: Error, Sendable, Hashable, Codable {
    /// The point s + h where g failed.
    public var at: Double
    /// What went wrong, in words ("matrix is not positive definite: pivot 3 of 6 is -2.1e-17").
    public var message: String
}

extension DerivativeSide {
    /// g(s + h) as a finite matrix, or the failure.
    func evaluate(offset h: Double) -> Result<Matrix, EvaluationFailure> {
        do {
            let value = try function(h)
            guard value.isFinite else {
                return .failure(EvaluationFailure(at: point + h, message: "the value is not finite"))
            }
            return .success(value)
        } catch let error as LinearAlgebraError {
            return .failure(EvaluationFailure(at: point + h, message: error.message))
        } catch {
            return .failure(EvaluationFailure(at: point + h, message: "\(error)"))
        }
    }

    /// The central difference (g(s + h) − g(s − h)) / (2h) with the step made exact: the
    /// offsets are the representable (s ± h) − s and the divisor is their difference.
    func centralDifference(_ h: Double) -> Result<(value: Matrix, plus: Matrix, minus: Matrix), EvaluationFailure> {
        let up = (point + h) - point
        let down = (point - h) - point
        return evaluate(offset: up).flatMap { plus in
            evaluate(offset: down).map { minus in ((plus - minus) / (up - down), plus, minus) }
        }
    }

    /// Ridders' Richardson extrapolation of central differences (Numerical Recipes `dfridr`):
    /// a tableau of differences at steps h, h/1.4, h/1.4², … extrapolated to h → 0, keeping
    /// the entry whose neighbours agree best; their disagreement is ê.
    ///
    /// The first step is 0.1 times the scale of s (max(|s|, 1), capped by the distance to the
    /// domain's boundary), halved until s ± h lies inside the domain and g is finite there.
    public func ridders(tableauSize: Int = 10) -> Result<RiddersEstimate, EvaluationFailure> {
        let shrinkFactor = 1.4
        let safe = 2.0
        var h = 0.1 * scale
        var shrinks = 0
        var evaluations = 0
        while !(domain.contains(point - h) && domain.contains(point + h)) && shrinks < 60 {
            h /= 2
            shrinks += 1
        }
        var first: Matrix
        var firstFailure: EvaluationFailure? = nil
        while true {
            evaluations += 2
            switch centralDifference(h) {
            case .success(let d):
                first = d.value
            case .failure(let failure):
                firstFailure = firstFailure ?? failure
                guard shrinks < 10 else { return .failure(firstFailure ?? failure) }
                h /= 2
                shrinks += 1
                continue
            }
            break
        }
        var tableau: [[Matrix]] = [[first]]  // tableau[i][j]: step i, extrapolation order j
        var best = first
        var bestStep = h
        var error = Double.infinity
        for i in 1..<tableauSize {
            h /= shrinkFactor
            evaluations += 2
            let difference: Matrix
            switch centralDifference(h) {
            case .success(let d): difference = d.value
            case .failure(let failure): return .failure(failure)
            }
            var row = [difference]
            var factor = shrinkFactor * shrinkFactor
            for j in 1...i {
                // Richardson: eliminate the h^(2j) error term.
                let extrapolated = (factor * row[j - 1] - tableau[i - 1][j - 1]) / (factor - 1)
                factor *= shrinkFactor * shrinkFactor
                let candidate = Swift.max(
                    (extrapolated - row[j - 1]).frobeniusNorm, (extrapolated - tableau[i - 1][j - 1]).frobeniusNorm)
                row.append(extrapolated)
                if candidate <= error {
                    error = candidate
                    best = extrapolated
                    bestStep = h
                }
            }
            tableau.append(row)
            // Higher order got worse by a significant factor: stop early.
            if (row[i] - tableau[i - 1][i - 1]).frobeniusNorm >= safe * error { break }
        }
        return .success(
            RiddersEstimate(
                value: best, errorEstimate: error, step: bestStep, shrinks: shrinks, evaluations: evaluations))
    }
}
