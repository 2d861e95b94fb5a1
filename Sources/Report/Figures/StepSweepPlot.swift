import Foundation

/// The picture that convinces a sceptic: |FD(h) − claim| against the step h on log-log
/// axes. For a right gradient it falls as h² until rounding takes over and it rises again
/// (a V); for a wrong one it flattens at the size of the mistake (a plateau). The step the
/// judge used is marked.
enum StepSweepPlot {
    /// The plot as an inline `<svg>`. Points with a zero or non-finite error are drawn on the
    /// bottom axis (exact agreement at that step).
    static func svg(points: [(step: Double, error: Double)], judgeStep: Double?, title: String, id: String) -> String {
        let usable = points.filter { $0.step > 0 && $0.step.isFinite }
        let width = 300.0
        let height = 190.0
        let (left, right, top, bottom) = (46.0, 10.0, 10.0, 32.0)
        let positive = usable.map(\.error).filter { $0 > 0 && $0.isFinite }
        let xs = usable.map(\.step)
        let xRange = decades(xs.min() ?? 1e-8, xs.max() ?? 1)
        let yRange = decades(positive.min() ?? 1e-16, positive.max() ?? 1)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func px(_ h: Double) -> Double { left + (log10(h) - xRange.0) / (xRange.1 - xRange.0) * plotWidth }
        func py(_ e: Double) -> Double {
            guard e > 0, e.isFinite else { return top + plotHeight }
            return top + (yRange.1 - log10(e)) / (yRange.1 - yRange.0) * plotHeight
        }
        var children: [SVGElement] = [SVGElement("title", text: title)]
        // Axes and decade ticks.
        children.append(
            SVGElement(
                "path",
                [
                    ("d", "M\(c(left)) \(c(top))V\(c(top + plotHeight))H\(c(left + plotWidth))"),
                    ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.6"),
                ]))
        for exponent in ticks(xRange) {
            let x = left + (Double(exponent) - xRange.0) / (xRange.1 - xRange.0) * plotWidth
            children.append(tick(x1: x, y1: top + plotHeight, x2: x, y2: top + plotHeight + 4))
            children.append(.label("1e\(exponent)", x: x, y: top + plotHeight + 14, anchor: "middle", size: 9))
        }
        for exponent in ticks(yRange) {
            let y = top + (yRange.1 - Double(exponent)) / (yRange.1 - yRange.0) * plotHeight
            children.append(tick(x1: left - 4, y1: y, x2: left, y2: y))
            children.append(.label("1e\(exponent)", x: left - 6, y: y + 3, anchor: "end", size: 9))
        }
        children.append(.label("step h", x: left + plotWidth / 2, y: height - 4, anchor: "middle"))
        children.append(
            .label(
                "|FD(h) − claim|", x: 11, y: top + plotHeight / 2, anchor: "middle",
                extra: [("transform", "rotate(-90 11 \(c(top + plotHeight / 2)))")]))
        if let judgeStep, judgeStep > 0 {
            let x = px(judgeStep)
            children.append(
                SVGElement(
                    "line",
                    [
                        ("x1", c(x)), ("y1", c(top)), ("x2", c(x)), ("y2", c(top + plotHeight)),
                        ("stroke", "currentColor"), ("stroke-dasharray", "3 3"), ("stroke-opacity", "0.7"),
                    ]))
            children.append(.label("judge's step", x: x + 3, y: top + 9, size: 9))
        }
        let sorted = usable.sorted { $0.step < $1.step }
        if sorted.count > 1 {
            let path = sorted.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + "\(c(px(point.step))) \(c(py(point.error)))"
            }.joined()
            children.append(
                SVGElement("path", [("d", path), ("fill", "none"), ("stroke", "var(--accent, #1f5fa8)"), ("stroke-width", "1.5")]))
        }
        for point in sorted {
            children.append(
                SVGElement(
                    "circle",
                    [("cx", c(px(point.step))), ("cy", c(py(point.error))), ("r", "2.2"), ("fill", "var(--accent, #1f5fa8)")]))
        }
        return SVGElement(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "sweep"), ("id", id),
                ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)), ("height", c(height)),
                ("role", "img"), ("fill", "currentColor"), ("font-family", "system-ui, sans-serif"),
            ], children: children
        ).render()
    }

    private static func c(_ x: Double) -> String { NumberText.coordinate(x) }

    private static func tick(x1: Double, y1: Double, x2: Double, y2: Double) -> SVGElement {
        SVGElement(
            "line",
            [("x1", c(x1)), ("y1", c(y1)), ("x2", c(x2)), ("y2", c(y2)), ("stroke", "currentColor"), ("stroke-opacity", "0.6")])
    }

    /// The whole decades around [low, high], at least one decade wide.
    private static func decades(_ low: Double, _ high: Double) -> (Double, Double) {
        let a = log10(max(low, 1e-300)).rounded(.down)
        let b = log10(max(high, 1e-300)).rounded(.up)
        return (a, max(b, a + 1))
    }

    /// Decade exponents to label: every one, or every second or fourth when crowded.
    private static func ticks(_ range: (Double, Double)) -> [Int] {
        let low = Int(range.0)
        let high = Int(range.1)
        let stride = high - low > 12 ? 4 : high - low > 6 ? 2 : 1
        return Swift.stride(from: low, through: high, by: stride).map { $0 }
    }
}
