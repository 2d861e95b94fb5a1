import Foundation

/// The picture that convinces a sceptic: |FD(h) − claim| against the step h on log-log
/// axes. For a right gradient it falls as h² until rounding takes over and it rises again
/// (a V); for a wrong one it flattens at the size of the mistake (a plateau). The step the
/// judge used is marked.
enum StepSweepPlot {
    /// One line of the plot: a row of a check.
    struct Series {
        var label: String
        var points: [(step: Double, error: Double)]
        var judgeStep: Double?
    }

    /// Colours that read on light and dark backgrounds, one per row.
    static let palette = ["#2f7fd8", "#e8871e", "#2ea86a", "#d6453d", "#8a63d2", "#7a8793"]

    /// The plot of one row, as an inline `<svg>`.
    static func svg(points: [(step: Double, error: Double)], judgeStep: Double?, title: String, id: String) -> String {
        svg(series: [Series(label: "", points: points, judgeStep: judgeStep)], title: title, id: id)
    }

    /// The plot as an inline `<svg>`, one line per row. Points with a zero or non-finite error
    /// are drawn on the bottom axis (exact agreement at that step).
    static func svg(series: [Series], title: String, id: String) -> String {
        let usable = series.flatMap(\.points).filter { $0.step > 0 && $0.step.isFinite }
        let legend = series.count > 1 || series.contains { !$0.label.isEmpty }
        let width = legend ? 360.0 : 300.0
        let height = 190.0
        let (left, right, top, bottom) = (46.0, legend ? 70.0 : 10.0, 10.0, 32.0)
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
        // Decade ticks as one path, their labels in two groups.
        var tickPath = ""
        var xLabels: [SVGElement] = []
        var yLabels: [SVGElement] = []
        for exponent in ticks(xRange) {
            let x = left + (Double(exponent) - xRange.0) / (xRange.1 - xRange.0) * plotWidth
            tickPath += "M\(c(x)) \(c(top + plotHeight))v4"
            xLabels.append(SVGElement("text", [("x", c(x)), ("y", c(top + plotHeight + 14))], text: "1e\(exponent)"))
        }
        for exponent in ticks(yRange) {
            let y = top + (yRange.1 - Double(exponent)) / (yRange.1 - yRange.0) * plotHeight
            tickPath += "M\(c(left - 4)) \(c(y))h4"
            yLabels.append(SVGElement("text", [("x", c(left - 6)), ("y", c(y + 3))], text: "1e\(exponent)"))
        }
        children.append(SVGElement("path", [("d", tickPath), ("stroke", "currentColor"), ("stroke-opacity", "0.6")]))
        children.append(SVGElement("g", [("font-size", "9"), ("text-anchor", "middle")], children: xLabels))
        children.append(SVGElement("g", [("font-size", "9"), ("text-anchor", "end")], children: yLabels))
        children.append(.label("step h", x: left + plotWidth / 2, y: height - 4, anchor: "middle"))
        children.append(
            .label(
                "|FD(h) − claim|", x: 11, y: top + plotHeight / 2, anchor: "middle",
                extra: [("transform", "rotate(-90 11 \(c(top + plotHeight / 2)))")]))
        var marked: [String] = []
        var stepPath = ""
        for judgeStep in series.compactMap(\.judgeStep) where judgeStep > 0 {
            let x = c(px(judgeStep))
            guard !marked.contains(x) else { continue }
            stepPath += "M\(x) \(c(top))V\(c(top + plotHeight))"
            if marked.isEmpty {
                // Labelled on the side of the line with more room.
                let onLeft = px(judgeStep) > left + plotWidth / 2
                children.append(
                    .label(
                        "judge's step", x: px(judgeStep) + (onLeft ? -3 : 3), y: top + 9,
                        anchor: onLeft ? "end" : "start", size: 9))
            }
            marked.append(x)
        }
        if !stepPath.isEmpty {
            children.append(
                SVGElement(
                    "path",
                    [
                        ("d", stepPath), ("stroke", "currentColor"), ("stroke-dasharray", "3 3"),
                        ("stroke-opacity", "0.6"),
                    ]))
        }
        var definitions: [SVGElement] = []
        for (index, line) in series.enumerated() {
            let color = palette[index % palette.count]
            let marker = "\(id)-m\(index)"
            definitions.append(
                SVGElement(
                    "marker",
                    [("id", marker), ("viewBox", "-3 -3 6 6"), ("markerWidth", "5"), ("markerHeight", "5")],
                    children: [SVGElement("circle", [("r", "2.2"), ("fill", color)])]))
            let sorted = line.points.filter { $0.step > 0 && $0.step.isFinite }.sorted { $0.step < $1.step }
            if !sorted.isEmpty {
                // One path per row; its points are drawn by the markers at its vertices.
                let path = sorted.enumerated().map { k, point in
                    (k == 0 ? "M" : "L") + "\(c1(px(point.step))) \(c1(py(point.error)))"
                }.joined()
                children.append(
                    SVGElement(
                        "path",
                        [
                            ("d", path), ("fill", "none"), ("stroke", color), ("stroke-width", "1.5"),
                            ("marker-start", "url(#\(marker))"), ("marker-mid", "url(#\(marker))"),
                            ("marker-end", "url(#\(marker))"),
                        ]))
            }
            if legend {
                let y = top + 10 + Double(index) * 13
                children.append(
                    SVGElement(
                        "rect",
                        [
                            ("x", c(width - right + 8)), ("y", c(y - 7)), ("width", "8"), ("height", "8"),
                            ("fill", color),
                        ]))
                children.append(.label(line.label, x: width - right + 20, y: y, size: 9))
            }
        }
        children.insert(SVGElement("defs", children: definitions), at: 1)
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

    /// A coordinate to a tenth of a unit, for the many vertices of the lines.
    private static func c1(_ x: Double) -> String { NumberText.coordinate((x * 10).rounded() / 10) }

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
