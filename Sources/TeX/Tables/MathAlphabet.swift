/// Unicode's Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF), which MathML Core renders
/// for the font commands instead of `mathvariant` values browsers ignore.
///
/// Each alphabet is a run of 26 capitals then 26 small letters from a base code point; a
/// few letters were encoded earlier in Letterlike Symbols and are "holes" in the run
/// (script B is U+212C, double-struck R is U+211D). Greek runs: Α…Ρ, ϴ, Σ…Ω, ∇, α…ω, ∂,
/// ϵ, ϑ, ϰ, ϕ, ϱ, ϖ.
enum MathAlphabet {
    /// `scalar` in the alphabet of `font`, or nil when the alphabet has no such letter.
    static func map(_ scalar: Unicode.Scalar, in font: MathFont) -> Unicode.Scalar? {
        let value = scalar.value
        if let hole = holes[font]?[scalar] { return hole }
        switch value {
        case 0x41...0x5A: return latin[font].flatMap { Unicode.Scalar($0 + value - 0x41) }
        case 0x61...0x7A: return latin[font].flatMap { Unicode.Scalar($0 + 26 + value - 0x61) }
        case 0x30...0x39: return digits[font].flatMap { Unicode.Scalar($0 + value - 0x30) }
        default:
            guard let offset = greekOffset(of: scalar) else { return nil }
            // `\boldsymbol` keeps capital Greek upright, as LaTeX does.
            let greekFont = font == .boldItalic && offset < 26 ? MathFont.bold : font
            return greek[greekFont].flatMap { Unicode.Scalar($0 + offset) }
        }
    }

    /// `text` with every letter and digit mapped into `font` where the alphabet has one.
    static func map(_ text: String, in font: MathFont) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(map(scalar, in: font) ?? scalar) }
        return String(out)
    }

    private static let latin: [MathFont: UInt32] = [
        .bold: 0x1D400, .italic: 0x1D434, .boldItalic: 0x1D468, .script: 0x1D49C,
        .fraktur: 0x1D504, .doubleStruck: 0x1D538, .sansSerif: 0x1D5A0, .monospace: 0x1D670,
    ]

    private static let digits: [MathFont: UInt32] = [
        .bold: 0x1D7CE, .boldItalic: 0x1D7CE, .doubleStruck: 0x1D7D8, .sansSerif: 0x1D7E2,
        .monospace: 0x1D7F6,
    ]

    private static let greek: [MathFont: UInt32] = [.bold: 0x1D6A8, .italic: 0x1D6E2, .boldItalic: 0x1D71C]

    private static let holes: [MathFont: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .script: [
            "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
            "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
            "o": "\u{2134}",
        ],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: [
            "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
            "R": "\u{211D}", "Z": "\u{2124}",
        ],
    ]

    /// The position of a Greek letter (or ∇, ∂ and the variants) in a Greek run.
    private static func greekOffset(of scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x391...0x3A1: scalar.value - 0x391
        case 0x3F4: 17
        case 0x3A3...0x3A9: scalar.value - 0x391
        case 0x2207: 25
        case 0x3B1...0x3C9: 26 + scalar.value - 0x3B1
        case 0x2202: 51
        case 0x3F5: 52
        case 0x3D1: 53
        case 0x3F0: 54
        case 0x3D5: 55
        case 0x3F1: 56
        case 0x3D6: 57
        default: nil
        }
    }
}
