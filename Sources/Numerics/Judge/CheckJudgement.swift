import Foundation

/// One row of a check to judge: a claim, a reference, and what the row differentiates.
public struct CheckRow {
    /// The side under test (a hand-derived formula, usually analytic).
    public var claim: Side
    /// The side it is checked against (usually a derivative side).
    public var reference: Side
    /// The positive parameter the row differentiates (λᵢ of ∂/∂λᵢ or ∂/∂ln λᵢ), for hints.
    public var parameter: Double?
    /// The free index value of the row (i of λᵢ).
    public var index: Int?
    /// How warnings name the parameter of this row (`λ₂`, `c`); by default the parameter
    /// name with the row's index.
    public var parameterLabel: String?

    /// A row.
    public init(
        claim: Side, reference: Side, parameter: Double? = nil, index: Int? = nil, parameterLabel: String? = nil
    ) {
        self.claim = claim
        self.reference = reference
        self.parameter = parameter
        self.index = index
        self.parameterLabel = parameterLabel
    }
}

/// What a pattern in claim/reference across rows suggests went wrong.
public struct Hint: Sendable, Hashable, Codable {
    /// The pattern.
    public enum Kind: Sendable, Hashable, Codable {
        /// ratio = 1/λᵢ: ∂/∂λ where ∂/∂ln λ was meant.
        case parameterInsteadOfLogarithm
        /// ratio = λᵢ: ∂/∂ln λ where ∂/∂λ was meant.
        case logarithmInsteadOfParameter
        /// The same ratio c ∈ {2, ½, −2, −½} in every row: a lost or extra factor.
        case constantFactor(Double)
        /// ratio = −1 in every row.
        case signFlip
        /// ratio = c·λᵢᵖ in every row for an integer power p ∉ {−1, 0, 1} (or c ≠ 1): the claim
        /// carries the wrong power of the parameter, as when λ² stands for λ⁻² (c = −1, p = −4).
        case powerOfParameter(power: Int, factor: Double)
    }

    /// The pattern found.
    public var kind: Kind
    /// The hint in words, for the report.
    public var message: String
}

/// The judgement of a check: its rows, its verdict, hints and warnings.
public struct CheckJudgement: Sendable, Hashable, Codable {
    /// One judgement per row, in order.
    public var rows: [RowJudgement]
    /// The worst row verdict (pass < inconclusive < fail); inconclusive for a check with no rows.
    public var verdict: Verdict
    /// Patterns in the ratios of the failing rows; more than one when the test point cannot
    /// tell them apart.
    public var hints: [Hint]
    /// Test points that make the check blind to a mistake, and checks whose rows are all vacuous.
    public var warnings: [String]

    /// A judgement as given.
    public init(rows: [RowJudgement], verdict: Verdict, hints: [Hint], warnings: [String]) {
        self.rows = rows
        self.verdict = verdict
        self.hints = hints
        self.warnings = warnings
    }
}

extension Judge {
    /// Judges every row and reads the ratios across them. `parameterName` names the parameter
    /// of `CheckRow.parameter` in hints and warnings.
    public func judge(rows: [CheckRow], parameterName: String = "λ") -> CheckJudgement {
        let judged = rows.map {
            judge(claim: $0.claim, reference: $0.reference, parameter: $0.parameter, index: $0.index)
        }
        var warnings = Self.blindSpots(judged, labels: rows.map(\.parameterLabel), parameterName: parameterName)
        if !judged.isEmpty && judged.allSatisfy(\.vacuous) {
            warnings.append("every row has both sides ≈ 0, so the check proves nothing; choose another test point")
        }
        return CheckJudgement(
            rows: judged, verdict: judged.map(\.verdict).max() ?? .inconclusive,
            hints: hints(judged, parameterName: parameterName), warnings: warnings)
    }

    /// Hints from the ratios of the rows that did not pass: every such row must show the pattern.
    /// A row whose ratio is 1 (within `hintTolerance`) shows no mistake — it is inconclusive for
    /// another reason — so it suggests none, even where λᵢ = 1 makes 1/λᵢ and λᵢ equal 1 too.
    func hints(_ rows: [RowJudgement], parameterName p: String) -> [Hint] {
        let wrong = rows.filter { row in
            guard row.verdict != .pass, !row.vacuous, let ratio = row.ratio else { return false }
            return abs(ratio - 1) > tolerances.hintTolerance
        }
        guard !wrong.isEmpty else { return [] }
        func all(_ expected: (RowJudgement) -> Double?) -> Bool {
            wrong.allSatisfy { row in
                guard let ratio = row.ratio, let e = expected(row), e.isFinite else { return false }
                return abs(ratio - e) <= tolerances.hintTolerance * abs(e)
            }
        }
        var hints: [Hint] = []
        if all({ $0.parameter.map { 1 / $0 } }) {
            hints.append(
                Hint(
                    kind: .parameterInsteadOfLogarithm,
                    message:
                        "claim/reference follows 1/\(p)ᵢ: a derivative with respect to \(p) where ln \(p) was meant"))
        }
        if all({ $0.parameter }) {
            hints.append(
                Hint(
                    kind: .logarithmInsteadOfParameter,
                    message: "claim/reference follows \(p)ᵢ: a derivative with respect to ln \(p) where \(p) was meant")
            )
        }
        if all({ _ in -1 }) {
            hints.append(Hint(kind: .signFlip, message: "claim/reference is −1 in every row: a sign slip"))
        }
        for c in [2.0, 0.5, -2.0, -0.5] where all({ _ in c }) {
            let words =
                abs(c) == 2 ? "the claim has a factor 2 too many (a lost ½?)" : "the claim lacks a factor 2 (a lost 2?)"
            hints.append(
                Hint(
                    kind: .constantFactor(c),
                    message: "claim/reference is \(c == 0.5 ? "½" : c == -0.5 ? "−½" : format(c)) in every row: "
                        + words + (c < 0 ? ", and the sign is flipped" : "")))
        }
        if hints.isEmpty, let power = powerLaw(wrong, parameterName: p) { hints.append(power) }
        return hints
    }

    /// ratio = c·λᵢᵖ across rows with at least two distinct λᵢ: an integer power p in −6…6
    /// and a factor c ∈ {±1, ±2, ±½}, fitted on the first two distinct rows and confirmed on
    /// every failing row.
    private func powerLaw(_ rows: [RowJudgement], parameterName p: String) -> Hint? {
        let points = rows.compactMap { row -> (x: Double, ratio: Double)? in
            guard let x = row.parameter, x > 0, let ratio = row.ratio, ratio != 0 else { return nil }
            return (x, ratio)
        }
        guard points.count == rows.count, let first = points.first,
            let second = points.first(where: { abs(Foundation.log($0.x / first.x)) > 1e-3 })
        else { return nil }
        let slope = Foundation.log(abs(second.ratio / first.ratio)) / Foundation.log(second.x / first.x)
        let power = Int(slope.rounded())
        guard abs(slope - Double(power)) < 1e-3, (-6...6).contains(power) else { return nil }
        let factor = first.ratio / Foundation.pow(first.x, Double(power))
        guard
            let c = [1.0, -1, 2, -2, 0.5, -0.5].first(where: { abs(factor - $0) <= tolerances.hintTolerance * abs($0) }
            ),
            power != 0 || c != 1,
            points.allSatisfy({
                abs($0.ratio - c * Foundation.pow($0.x, Double(power))) <= tolerances.hintTolerance * abs($0.ratio)
            })
        else { return nil }
        let exponent = power == 1 ? "" : superscript(power)
        let coefficient = c == 1 ? "" : c == -1 ? "−" : (c < 0 ? "−" : "") + (abs(c) == 0.5 ? "½·" : "2·")
        var words =
            "claim/reference follows \(coefficient)\(p)ᵢ\(exponent) in every row: the claim's power of \(p) is off by \(power > 0 ? "+" : "−")\(abs(power))"
        if c < 0 { words += ", and its sign is flipped" }
        if abs(c) != 1 { words += abs(c) == 2 ? ", with a factor 2 too many" : ", with a factor 2 too few" }
        if power == -4 && c == -1 {
            words += " — as when \(p)ᵢ² stands where \(p)ᵢ⁻² was meant (diag(\(p)²) for diag(\(p))⁻²)"
        }
        return Hint(kind: .powerOfParameter(power: power, factor: c), message: words)
    }

    private func superscript(_ n: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "-": "⁻",
        ]
        return String(String(n).map { digits[$0] ?? $0 })
    }

    /// Rows whose parameter value hides a mistake: λᵢ = 1 makes ∂/∂λ and ∂/∂ln λ equal; λᵢ = 2
    /// (or ½) makes ∂/∂λ look like a lost factor ½ (or 2).
    static func blindSpots(_ rows: [RowJudgement], labels: [String?] = [], parameterName p: String) -> [String] {
        var warnings: [String] = []
        for (k, row) in rows.enumerated() {
            guard let value = row.parameter else { continue }
            let label =
                (k < labels.count ? labels[k] : nil)
                ?? row.index.map { "\(p)\(subscriptDigits($0))" } ?? "\(p) in row \(k + 1)"
            if abs(value - 1) <= 1e-9 {
                warnings.append(
                    "\(label) = 1: derivatives with respect to \(p) and ln \(p) coincide there, so the check cannot "
                        + "tell them apart; prefer values such as 0.8, 1.5, 3.0")
            } else if abs(value - 2) <= 1e-9 || abs(value - 0.5) <= 1e-9 {
                let factor = value == 2 ? "½" : "2"
                warnings.append(
                    "\(label) = \(value == 2 ? "2" : "½"): a derivative with respect to \(p) where ln \(p) was meant "
                        + "looks like a lost factor \(factor) there; prefer values such as 0.8, 1.5, 3.0")
            }
        }
        // One warning per parameter value, however many rows share it.
        var seen = Set<String>()
        return warnings.filter { seen.insert($0).inserted }
    }

    /// "12" → "₁₂".
    public static func subscriptDigits(_ n: Int) -> String {
        let digits = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(n).map { $0 == "-" ? "₋" : digits[Int(String($0)) ?? 0] }.joined()
    }
}
