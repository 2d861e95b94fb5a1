/// A colour scale for heatmaps: diverging around zero (blue, white, red; symmetric limits)
/// for signed data, sequential (viridis) for data of one sign.
struct ColorScale: Equatable {
    let lower: Double
    let upper: Double
    let diverging: Bool

    /// A scale covering `values`: diverging when they take both signs or when `signed` asks
    /// for it (differences are always shown as signed).
    init(covering values: [Double], signed: Bool = false) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0
        let high = finite.max() ?? 0
        if signed || (low < 0 && high > 0) {
            let bound = max(abs(low), abs(high), .leastNormalMagnitude)
            (lower, upper, diverging) = (-bound, bound, true)
        } else {
            (lower, upper, diverging) = (low, high == low ? low + 1 : high, false)
        }
    }

    private static let divergingStops: [(Double, Double, Double)] = [
        (33, 102, 172), (103, 169, 207), (247, 247, 247), (239, 138, 98), (178, 24, 43),
    ]
    /// The diverging stops for a dark page: zero is the page's own dark grey, not a glaring
    /// white, and the ends are lighter so they stand out from it.
    private static let darkDivergingStops: [(Double, Double, Double)] = [
        (120, 180, 245), (58, 104, 158), (38, 42, 48), (168, 84, 62), (250, 128, 104),
    ]
    private static let sequentialStops: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// Whether the scale looks different on a dark page (a diverging one: its zero is white).
    var hasDarkVariant: Bool { diverging }

    /// The colour of `value` as `#rrggbb`, for a light page or (`dark`) a dark one; grey for NaN.
    func color(_ value: Double, dark: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "#888888" : color(value > 0 ? upper : lower, dark: dark) }
        let t = max(0, min(1, (value - lower) / (upper - lower)))
        let stops = diverging ? (dark ? Self.darkDivergingStops : Self.divergingStops) : Self.sequentialStops
        let position = t * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let fraction = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let value = Int((x + (y - x) * fraction).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// The three bytes of a `#rrggbb` colour.
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8.dropFirst())
        return (0..<3).map { k in UInt8(String(decoding: digits[(2 * k)..<(2 * k + 2)], as: UTF8.self), radix: 16) ?? 0
        }
    }

    /// Evenly spaced sample colours from `lower` to `upper`, for a legend gradient.
    func legendStops(_ count: Int = 5, dark: Bool = false) -> [(offset: Double, color: String)] {
        (0..<count).map { index in
            let t = Double(index) / Double(count - 1)
            return (t, color(lower + t * (upper - lower), dark: dark))
        }
    }
}
