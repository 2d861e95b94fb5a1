import Foundation

/// The picture that convinces a sceptic: |FD(h) − claim| against the step h on log-log
/// axes. For a right gradient it falls as h² until rounding takes over and it rises again
/// (a V); for a wrong one it flattens at the size of the mistake (a plateau). The step the
/// judge used is marked with a dashed line, named in the legend below the plot, never on
/// top of the data. Steps where the difference is exactly zero have no place on a log
/// axis: they are drawn in a row of their own, "0", under the plot, and the line breaks
/// there. Rows share the plot, each with its own colour, dash and hollow marker shape, so
/// a row hidden under another still shows, and the legend says which rows coincide.
enum StepSweepPlot {
    /// One line of the plot: a row of a check.
    struct Series {
        var label: String
        var points: [(step: Double, error: Double)]
        var judgeStep: Double?
    }

    /// Colours that read on light and dark backgrounds, one per row.
    static let palette = ["#2f7fd8", "#e8871e", "#2ea86a", "#d6453d", "#8a63d2", "#7a8793"]
    /// Dash patterns, one per row, so lines that lie on each other are told apart.
    static let dashes = ["", "7 3", "2 3", "9 3 2 3", "4 2", "1 2"]

    static let width = 440.0
    static let plotHeight = 230.0
    static let font = 13.0
    private static let (left, right, top) = (62.0, 14.0, 12.0)

    /// The plot of one row, as an inline `<svg>`.
    static func svg(points: [(step: Double, error: Double)], judgeStep: Double?, title: String, id: String) -> String {
        svg(series: [Series(label: "", points: points, judgeStep: judgeStep)], title: title, id: id)
    }

    /// The plot as an inline `<svg>`, one line per row.
    static func svg(series: [Series], title: String, id: String) -> String {
        let usable = series.map { $0.points.filter { $0.step > 0 && $0.step.isFinite && $0.error.isFinite } }
        let positive = usable.flatMap { $0.map(\.error).filter { $0 > 0 } }
        let hasZeros = usable.contains { $0.contains { $0.error == 0 } }
        let xs = usable.flatMap { $0.map(\.step) }
        let axes = Axes(
            x: decades(xs.min() ?? 1e-8, xs.max() ?? 1), y: decades(positive.min() ?? 1e-16, positive.max() ?? 1),
            zeroRow: hasZeros)
        var children: [SVGElement] = [SVGElement("title", text: title)]
        children += axes.elements()

        let judgeSteps = series.compactMap(\.judgeStep).filter { $0 > 0 && $0.isFinite }
        var stepPath = ""
        var marked: Set<String> = []
        for step in judgeSteps where marked.insert(c(axes.px(step))).inserted {
            stepPath += "M\(c(axes.px(step))) \(c(top))V\(c(axes.axisY))"
        }
        if !stepPath.isEmpty {
            children.append(
                SVGElement(
                    "path",
                    [
                        ("d", stepPath), ("stroke", "currentColor"), ("stroke-dasharray", "4 3"),
                        ("stroke-opacity", "0.7"),
                    ]))
        }

        var definitions: [SVGElement] = []
        var drawn: [String] = []
        var legend: [(label: String, index: Int?)] = []
        for (index, points) in usable.enumerated() {
            let marker = "\(id)-m\(index)"
            definitions.append(Self.marker(index, id: marker))
            let sorted = points.sorted { $0.step < $1.step }
            var path = ""
            var zeros = ""
            var pen = "M"
            for point in sorted {
                if point.error > 0 {
                    path += "\(pen)\(c1(axes.px(point.step))) \(c1(axes.py(point.error)))"
                    pen = "L"
                } else {
                    zeros += "M\(c1(axes.px(point.step))) \(c(axes.zeroY))h0"
                    pen = "M"  // no line through a zero
                }
            }
            let style = line(index, marker: marker)
            if !path.isEmpty { children.append(SVGElement("path", [("d", path)] + style)) }
            if !zeros.isEmpty {
                children.append(
                    SVGElement("path", [("d", zeros), ("fill", "none"), ("stroke", "none")] + markers(marker)))
            }
            var label = series[index].label
            if let same = drawn.firstIndex(of: path + zeros), !path.isEmpty || !zeros.isEmpty {
                label += " (same as \(series[same].label))"
            }
            drawn.append(path + zeros)
            if series.count > 1 || !label.isEmpty { legend.append((label, index)) }
        }
        if !stepPath.isEmpty { legend.append(("judge's step", nil)) }
        let (legendElements, legendHeight) = self.legend(legend, y: axes.bottom + 8, markerID: { "\(id)-m\($0)" })
        children += legendElements
        children.insert(SVGElement("defs", children: definitions), at: 1)
        let height = axes.bottom + legendHeight + 4
        return SVGElement(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "sweep"), ("id", id),
                ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)), ("height", c(height)),
                ("role", "img"), ("fill", "currentColor"), ("font-family", "system-ui, sans-serif"),
                ("font-size", c(font)),
            ], children: children
        ).render()
    }

    /// The frame: log axes with decade ticks labelled 10⁻⁹, the zero row, the axis titles.
    private struct Axes {
        var x: (Double, Double)
        var y: (Double, Double)
        var zeroRow: Bool

        var plotWidth: Double { StepSweepPlot.width - left - right }
        var plotBottom: Double { top + plotHeight }
        /// The row of exact zeros, under the plot, past a break in the y axis.
        var zeroY: Double { plotBottom + 16 }
        var axisY: Double { zeroRow ? zeroY + 10 : plotBottom }
        /// Below the x axis's title.
        var bottom: Double { axisY + 40 }

        func px(_ h: Double) -> Double { left + (log10(h) - x.0) / (x.1 - x.0) * plotWidth }
        func py(_ e: Double) -> Double { top + (y.1 - log10(e)) / (y.1 - y.0) * plotHeight }

        func elements() -> [SVGElement] {
            var frame = "M\(c(left)) \(c(top))V\(c(plotBottom))"
            if zeroRow {
                // A break in the y axis, then its stub beside the zero row.
                frame += "m-4 4l8 -4m-8 8l8 -4M\(c(left)) \(c(plotBottom + 6))V\(c(axisY))"
            }
            frame += "M\(c(left)) \(c(axisY))H\(c(left + plotWidth))"
            var ticks = ""
            var xLabels: [SVGElement] = []
            var yLabels: [SVGElement] = []
            for (exponent, labelled) in StepSweepPlot.ticks(x) {
                let position = px(pow(10, Double(exponent)))
                ticks += "M\(c(position)) \(c(axisY))v\(labelled ? 5 : 3)"
                if labelled {
                    xLabels.append(
                        SVGElement("text", [("x", c(position)), ("y", c(axisY + 18))], text: power(exponent)))
                }
            }
            for (exponent, labelled) in StepSweepPlot.ticks(y) {
                let position = py(pow(10, Double(exponent)))
                ticks += "M\(c(left)) \(c(position))h-\(labelled ? 5 : 3)"
                if labelled {
                    yLabels.append(
                        SVGElement("text", [("x", c(left - 8)), ("y", c(position + 4))], text: power(exponent)))
                }
            }
            if zeroRow {
                yLabels.append(SVGElement("text", [("x", c(left - 8)), ("y", c(zeroY + 4))], text: "0"))
            }
            let middle = top + plotHeight / 2
            return [
                SVGElement(
                    "path", [("d", frame), ("fill", "none"), ("stroke", "currentColor"), ("stroke-opacity", "0.7")]),
                SVGElement("path", [("d", ticks), ("stroke", "currentColor"), ("stroke-opacity", "0.7")]),
                SVGElement("g", [("text-anchor", "middle")], children: xLabels),
                SVGElement("g", [("text-anchor", "end")], children: yLabels),
                .label("step h", x: left + plotWidth / 2, y: axisY + 34, anchor: "middle", size: font),
                .label(
                    "|FD(h) − claim|", x: 14, y: middle, anchor: "middle", size: font,
                    extra: [("transform", "rotate(-90 14 \(c(middle)))")]),
            ]
        }
    }

    /// The legend under the plot: a stretch of each row's line with its marker, then the
    /// judge's step as a dashed line; as many entries a line as fit.
    private static func legend(
        _ entries: [(label: String, index: Int?)], y: Double, markerID: (Int) -> String
    ) -> ([SVGElement], Double) {
        guard !entries.isEmpty else { return ([], 0) }
        let sample = 26.0
        let widths = entries.map { sample + 6 + Double($0.label.count) * font * 0.6 + 22 }
        var elements: [SVGElement] = []
        var x = left
        var row = 0.0
        for (entry, entryWidth) in zip(entries, widths) {
            if x + entryWidth > width - right, x > left {
                x = left
                row += 1
            }
            let baseline = y + 12 + row * 20
            let lineY = baseline - 4
            if let index = entry.index {
                elements.append(
                    SVGElement(
                        "path",
                        [("d", "M\(c(x)) \(c(lineY))h\(c(sample / 2))h\(c(sample / 2))")]
                            + line(index, marker: markerID(index)).filter {
                                $0.0 != "marker-start" && $0.0 != "marker-end"
                            }))
            } else {
                elements.append(
                    SVGElement(
                        "path",
                        [
                            ("d", "M\(c(x + sample / 2)) \(c(lineY - 7))v14"), ("stroke", "currentColor"),
                            ("stroke-dasharray", "4 3"), ("stroke-opacity", "0.7"),
                        ]))
            }
            elements.append(.label(entry.label, x: x + sample + 6, y: baseline, size: font))
            x += entryWidth
        }
        return (elements, (row + 1) * 20)
    }

    /// A row's line: its colour, dash and markers at every vertex.
    private static func line(_ index: Int, marker: String) -> [(String, String)] {
        var attributes = [("fill", "none"), ("stroke", palette[index % palette.count]), ("stroke-width", "1.6")]
        let dash = dashes[index % dashes.count]
        if !dash.isEmpty { attributes.append(("stroke-dasharray", dash)) }
        return attributes + markers(marker)
    }

    private static func markers(_ marker: String) -> [(String, String)] {
        [("marker-start", "url(#\(marker))"), ("marker-mid", "url(#\(marker))"), ("marker-end", "url(#\(marker))")]
    }

    /// A hollow marker, its shape by row — circle, square, triangle, diamond, triangle down,
    /// cross — so that coinciding rows show both shapes.
    private static func marker(_ index: Int, id: String) -> SVGElement {
        let shapes = [
            "M3 0A3 3 0 1 1 -3 0A3 3 0 1 1 3 0Z", "M-2.6 -2.6H2.6V2.6H-2.6Z", "M0 -3.4L3 2.2H-3Z",
            "M0 -3.4L3.4 0L0 3.4L-3.4 0Z",
            "M0 3.4L3 -2.2H-3Z", "M-3 -3L3 3M-3 3L3 -3",
        ]
        return SVGElement(
            "marker",
            [
                ("id", id), ("viewBox", "-5 -5 10 10"), ("markerWidth", "10"), ("markerHeight", "10"),
                ("markerUnits", "userSpaceOnUse"),
            ],
            children: [
                SVGElement(
                    "path",
                    [
                        ("d", shapes[index % shapes.count]), ("fill", "none"),
                        ("stroke", palette[index % palette.count]),
                        ("stroke-width", "1.4"), ("stroke-dasharray", "none"),
                    ])
            ])
    }

    private static func c(_ x: Double) -> String { NumberText.coordinate(x) }

    /// A coordinate to a tenth of a unit, for the many vertices of the lines.
    private static func c1(_ x: Double) -> String { NumberText.coordinate((x * 10).rounded() / 10) }

    /// 10 to an integer power, the exponent in superscript digits: "10⁻⁹", "10⁰", "10²".
    static func power(_ exponent: Int) -> String {
        let superscripts: [Character: Character] = [
            "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
            "9": "⁹",
        ]
        return "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    /// The whole decades around [low, high], at least one decade wide.
    private static func decades(_ low: Double, _ high: Double) -> (Double, Double) {
        let a = log10(max(low, 1e-300)).rounded(.down)
        let b = log10(max(high, 1e-300)).rounded(.up)
        return (a, max(b, a + 1))
    }

    /// Every decade gets a tick; at most seven are labelled (every second, third… decade).
    static func ticks(_ range: (Double, Double)) -> [(exponent: Int, labelled: Bool)] {
        let low = Int(range.0)
        let high = Int(range.1)
        let stride = max(1, Int((Double(high - low) / 6).rounded(.up)))
        return (low...high).map { ($0, ($0 - low) % stride == 0) }
    }
}
