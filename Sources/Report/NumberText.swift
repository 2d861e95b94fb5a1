/// Numbers as text, the same on every platform: no locale and no C `printf`; digits come
/// from Swift's own shortest round-trip representation, rounded as decimals.
///
/// Values a reader compares are shown to `significant` digits; noise (error estimates,
/// differences near rounding) to two, so a report made on another CPU differs only where
/// the numbers really differ.
public enum NumberText {
    /// `x` rounded to `digits` significant digits (half away from zero), in plain or
    /// scientific notation: `0.36788`, `-1.5`, `2.3e-11`, `1.2e+06`, `0`, `NaN`, `∞`.
    public static func format(_ x: Double, significant digits: Int = 5) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "−∞" : "∞" }
        if x == 0 { return "0" }
        let digits = max(1, min(digits, 17))
        var (mantissa, exponent) = decimal(abs(x))
        if mantissa.count > digits {
            let roundUp = mantissa[digits] >= 5
            mantissa = Array(mantissa.prefix(digits))
            if roundUp {
                var index = digits - 1
                while index >= 0 {
                    if mantissa[index] == 9 {
                        mantissa[index] = 0
                        index -= 1
                    } else {
                        mantissa[index] += 1
                        break
                    }
                }
                if index < 0 {
                    mantissa.insert(1, at: 0)
                    mantissa.removeLast()
                    exponent += 1
                }
            }
        }
        while mantissa.count > 1, mantissa.last == 0 { mantissa.removeLast() }
        let sign = x < 0 ? "-" : ""
        let text = mantissa.map(String.init).joined()
        if exponent < -4 || exponent >= digits {
            let head = String(text.prefix(1)) + (text.count > 1 ? "." + text.dropFirst() : "")
            let magnitude = abs(exponent)
            return sign + head + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + text
        }
        if text.count <= exponent + 1 {
            return sign + text + String(repeating: "0", count: exponent + 1 - text.count)
        }
        let split = text.index(text.startIndex, offsetBy: exponent + 1)
        return sign + text[..<split] + "." + text[split...]
    }

    /// Noise: two significant digits.
    public static func noise(_ x: Double) -> String { format(x, significant: 2) }

    /// A coordinate for SVG: at most two decimals, no exponent, no trailing zeros.
    public static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let scaled = (x * 100).rounded()
        if scaled == 0 { return "0" }
        let value = Int64(abs(scaled))
        var text = String(value / 100)
        let fraction = value % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return (scaled < 0 ? "-" : "") + text
    }

    /// The decimal digits of a positive finite `x` and the power of ten of the first one,
    /// from Swift's shortest representation that reads back as `x`.
    static func decimal(_ x: Double) -> (digits: [Int], exponent: Int) {
        let description = x.description  // "0.36787944117144233", "1e-05", "1.5e+20", "12.0"
        let parts = description.split(separator: "e")
        let significand = parts[0]
        var exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = significand.split(separator: ".", omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count > 1 ? pieces[1] : ""
        var digits = (whole + fraction).compactMap { $0.wholeNumberValue }
        exponent += whole.count - 1
        while digits.first == 0, digits.count > 1 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        return (digits, exponent)
    }
}
