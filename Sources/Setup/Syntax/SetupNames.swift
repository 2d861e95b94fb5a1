import Foundation

/// How the setup language spells names: every identifier is reduced to one canonical form,
/// so that the same letter written three ways is one name.
///
/// 1. Unicode NFKC (compatibility composition): `µ` (micro sign) and `μ` (Greek mu) are
///    one name, `𝐊` (bold K) is `K`, `ϵ` is `ε`, `ϑ` is `θ`, `ϕ` is `φ`. Two exceptions:
///    `ℓ` stays `ℓ` (NFKC would turn it into the Latin `l`, a different letter in every
///    derivation), and a run of subscript digits becomes `_` and the digits, so `σ₀` is
///    `σ_0`, as `\sigma_0` is written in TeX (NFKC would make it `σ0`).
/// 2. ASCII aliases: each `_`-separated part of a name that is the name of a TeX Greek
///    letter command is replaced by that letter, so `lambda` is `λ`, `sigma_f` is `σ_f`
///    and `ell` is `ℓ`. The table is exactly TeX's (`\lambda` → `λ`), so a name means the
///    same in a setup block and in an equation.
///
/// Argument labels (`lengthScale:`, `nu:`) are normalised (step 1) but never aliased.
public enum SetupNames {
    /// The canonical form of an identifier as written: NFKC, then the Greek aliases.
    public static func canonical(_ spelling: String) -> String {
        let parts = normalized(spelling).split(separator: "_", omittingEmptySubsequences: false)
        return parts.map { greekAliases[String($0)] ?? String($0) }.joined(separator: "_")
    }

    /// NFKC normalisation, keeping `ℓ` (U+2113) as it is and writing subscript digits as
    /// `_` and digits.
    public static func normalized(_ spelling: String) -> String {
        guard spelling.unicodeScalars.contains(where: { !$0.isASCII }) else { return spelling }
        var subscripted = String.UnicodeScalarView()
        var inSubscript = false
        for scalar in spelling.unicodeScalars {
            if let digit = subscriptDigits[scalar] {
                if !inSubscript { subscripted.append("_") }
                subscripted.append(digit)
                inSubscript = true
            } else {
                subscripted.append(scalar)
                inSubscript = false
            }
        }
        return String(subscripted).split(separator: "ℓ", omittingEmptySubsequences: false)
            .map { String($0).precomposedStringWithCompatibilityMapping }
            .joined(separator: "ℓ")
    }

    /// `₀` … `₉` (U+2080–U+2089) and the digit each stands for.
    static let subscriptDigits: [Unicode.Scalar: Unicode.Scalar] = Dictionary(
        uniqueKeysWithValues: (0...9).compactMap { digit in
            guard let subscriptDigit = Unicode.Scalar(0x2080 + digit), let plain = Unicode.Scalar(0x30 + digit)
            else { return nil }
            return (subscriptDigit, plain)
        })

    /// ASCII spelling → letter: the Greek letter commands of TeX without their backslash,
    /// and `ell`. Variant letters map to what NFKC makes of their glyph (`varphi` and `phi`
    /// are both `φ`). TeX has no `\omicron`, so neither does this table.
    public static let greekAliases: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
        "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "θ",
        "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "varpi": "π", "rho": "ρ", "varrho": "ρ", "sigma": "σ", "tau": "τ",
        "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "ell": "ℓ",
    ]

    /// The words the language reserves; none of them can name a definition.
    public static let keywords: Set<String> = ["let", "param", "end"]
}
