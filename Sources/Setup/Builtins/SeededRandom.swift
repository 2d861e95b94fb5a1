/// derive's random numbers: the same bits on every platform, from integer arithmetic and
/// IEEE-754 basic operations (+ − × ÷ and √, which every platform rounds alike) only.
///
/// - Integers: SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference code): the state
///   advances by 0x9E3779B97F4A7C15 and each output is the state mixed by
///   z ← (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9; z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB;
///   z ⊕ (z ≫ 31). The seed is the initial state.
/// - Uniform on (0, 1): u = ((z ≫ 12) + ½) · 2⁻⁵² — exact, never 0 or 1.
/// - Normal: Marsaglia's polar method. Two uniforms give v₁ = 2u₁ − 1 and v₂ = 2u₂ − 1;
///   pairs with s = v₁² + v₂² ≥ 1 are rejected; otherwise v₁·f and v₂·f, in that order, with
///   f = √(−2 ln s / s), are the next two normals. ln is `portableLog`, not the C library's
///   (whose last bit differs between platforms).
///
/// Matrices are filled column by column, as MATLAB fills them.
struct SeededRandom {
    private var state: UInt64
    private var spare: Double?

    /// A generator whose state starts at `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64-bit output of SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in (0, 1): ((z ≫ 12) + ½) · 2⁻⁵².
    mutating func uniform() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1p-52
    }

    /// A standard normal number (Marsaglia's polar method).
    mutating func normal() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        while true {
            let v1 = 2 * uniform() - 1
            let v2 = 2 * uniform() - 1
            let s = v1 * v1 + v2 * v2
            guard s < 1, s > 0 else { continue }
            let factor = (-2 * Self.portableLog(s) / s).squareRoot()
            spare = v2 * factor
            return v1 * factor
        }
    }

    /// ln x for a positive normal double, from its exponent and a series:
    ///
    ///     x = m · 2ᵉ with m ∈ [√½, √2),  t = (m − 1)/(m + 1),
    ///     ln m = 2 (t + t³/3 + t⁵/5 + … + t²³/23),   ln x = e · ln 2 + ln m
    ///
    /// |t| ≤ 0.172, so the 12 terms leave an error below 10⁻¹⁹; ln 2 is split in two parts
    /// (the high part has 32 significant bits, so e · high is exact).
    static func portableLog(_ x: Double) -> Double {
        var exponent = Int((x.bitPattern >> 52) & 0x7FF) - 1023
        var m = Double(bitPattern: (x.bitPattern & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m = m / 2
            exponent += 1
        }
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var series = 1.0 / 23
        for k in stride(from: 21, through: 1, by: -2) { series = 1.0 / Double(k) + t2 * series }
        let e = Double(exponent)
        return e * 0.693_147_180_369_123_8 + (e * 1.908_214_929_270_587_7e-10 + 2 * t * series)
    }
}
