/// A grid of numbers for a heatmap: `rows × columns`, row-major.
public struct HeatmapGrid: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Row-major values.
    public let values: [Double]

    /// A grid from row-major values (`values.count == rows * columns`).
    public init(rows: Int, columns: Int, values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    subscript(row: Int, column: Int) -> Double { values[row * columns + column] }

    /// At most `limit × limit` cells: each cell of the result summarises a block of the
    /// original — its mean, or with `keepExtremes` the entry of largest magnitude (so a
    /// single bad entry of a difference stays visible).
    func downsampled(to limit: Int, keepExtremes: Bool) -> HeatmapGrid {
        guard rows > limit || columns > limit else { return self }
        let newRows = min(rows, limit)
        let newColumns = min(columns, limit)
        var result: [Double] = []
        for r in 0..<newRows {
            let rowRange = (r * rows / newRows)..<max((r + 1) * rows / newRows, r * rows / newRows + 1)
            for c in 0..<newColumns {
                let columnRange =
                    (c * columns / newColumns)..<max((c + 1) * columns / newColumns, c * columns / newColumns + 1)
                var block: [Double] = []
                for i in rowRange { for j in columnRange { block.append(self[i, j]) } }
                if keepExtremes {
                    result.append(block.max { abs($0) < abs($1) } ?? 0)
                } else {
                    result.append(block.reduce(0, +) / Double(block.count))
                }
            }
        }
        return HeatmapGrid(rows: newRows, columns: newColumns, values: result)
    }
}

/// Three heatmaps side by side — claimed value, reference, and their difference — the
/// first two on one shared colour scale, the difference on its own signed scale, each
/// scale drawn with its limits.
enum HeatmapFigure {
    static let cellLimit = 48

    /// The figure as an inline `<svg>`; `id` makes its gradient ids unique in the page.
    static func svg(claim: HeatmapGrid, reference: HeatmapGrid, title: String, id: String) -> String {
        let difference = HeatmapGrid(
            rows: claim.rows, columns: claim.columns, values: zip(claim.values, reference.values).map { $0 - $1 })
        let maps = [
            (claim.downsampled(to: cellLimit, keepExtremes: false), "claimed"),
            (reference.downsampled(to: cellLimit, keepExtremes: false), "reference"),
            (difference.downsampled(to: cellLimit, keepExtremes: true), "claimed − reference"),
        ]
        let shared = ColorScale(covering: maps[0].0.values + maps[1].0.values)
        let signed = ColorScale(covering: maps[2].0.values, signed: true)
        let side = 112.0
        let gap = 18.0
        let legendWidth = 56.0
        let top = 16.0
        var children: [SVGElement] = [SVGElement("title", text: title)]
        var x = 0.0
        for (index, (grid, caption)) in maps.enumerated() {
            let scale = index < 2 ? shared : signed
            children.append(contentsOf: map(grid, scale: scale, x: x, y: top, side: side))
            children.append(.label(caption, x: x + side / 2, y: top - 5, anchor: "middle"))
            x += side + (index == 0 ? gap : 6)
            if index >= 1 {
                children.append(contentsOf: legend(scale, x: x, y: top, height: side, id: "\(id)-scale\(index)"))
                x += legendWidth + gap
            }
        }
        let note =
            claim.rows > cellLimit || claim.columns > cellLimit
            ? "\(claim.rows)×\(claim.columns), shown in blocks" : "\(claim.rows)×\(claim.columns)"
        children.append(.label(note, x: 0, y: top + side + 14, extra: [("class", "figure-note")]))
        let width = x - gap
        let height = top + side + 20
        return SVGElement(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "heatmaps"), ("id", id),
                ("viewBox", "0 0 \(NumberText.coordinate(width)) \(NumberText.coordinate(height))"),
                ("width", NumberText.coordinate(width)), ("height", NumberText.coordinate(height)), ("role", "img"),
                ("fill", "currentColor"), ("font-family", "system-ui, sans-serif"),
            ], children: children
        ).render()
    }

    /// One map: a PNG of one pixel per cell in the scale's 64 shades, scaled up without
    /// smoothing; a diverging scale has a second PNG for dark pages (classes `light` and
    /// `dark`, which the page's stylesheet shows by the reader's colour scheme).
    private static func map(_ grid: HeatmapGrid, scale: ColorScale, x: Double, y: Double, side: Double) -> [SVGElement]
    {
        let shades = 64
        let indices = grid.values.map { value -> UInt8 in
            guard value.isFinite else { return UInt8(shades) }
            let t = max(0, min(1, (value - scale.lower) / (scale.upper - scale.lower)))
            return UInt8((t * Double(shades - 1)).rounded())
        }
        let cell = side / Double(max(grid.rows, grid.columns))
        let variants: [(dark: Bool, classes: [(String, String)])] =
            scale.hasDarkVariant ? [(false, [("class", "light")]), (true, [("class", "dark")])] : [(false, [])]
        return variants.map { dark, classes in
            var palette: [UInt8] = []
            for k in 0..<shades {
                let value = scale.lower + Double(k) / Double(shades - 1) * (scale.upper - scale.lower)
                palette += ColorScale.bytes(scale.color(value, dark: dark))
            }
            palette += ColorScale.bytes(scale.color(.nan, dark: dark))
            let png = PNGImage.encode(width: grid.columns, height: grid.rows, indices: indices, palette: palette)
            return SVGElement(
                "image",
                classes + [
                    ("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(y)),
                    ("width", NumberText.coordinate(cell * Double(grid.columns))),
                    ("height", NumberText.coordinate(cell * Double(grid.rows))), ("preserveAspectRatio", "none"),
                    ("style", "image-rendering:pixelated"), ("href", PNGImage.dataURI(png)),
                ])
        }
    }

    private static func legend(_ scale: ColorScale, x: Double, y: Double, height: Double, id: String) -> [SVGElement] {
        let variants: [(dark: Bool, suffix: String, classes: [(String, String)])] =
            scale.hasDarkVariant
            ? [(false, "", [("class", "light")]), (true, "-dark", [("class", "dark")])] : [(false, "", [])]
        var elements: [SVGElement] = []
        for (dark, suffix, classes) in variants {
            let stops = scale.legendStops(dark: dark).reversed().enumerated().map { index, stop in
                SVGElement(
                    "stop", [("offset", NumberText.coordinate(Double(index) / 4)), ("stop-color", stop.color)])
            }
            let gradient = SVGElement(
                "linearGradient", [("id", id + suffix), ("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "1")],
                children: Array(stops))
            elements.append(SVGElement("defs", children: [gradient]))
            elements.append(
                SVGElement(
                    "rect",
                    classes + [
                        ("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(y)), ("width", "8"),
                        ("height", NumberText.coordinate(height)), ("fill", "url(#\(id + suffix))"),
                    ]))
        }
        return elements + [
            .label(NumberText.noise(scale.upper), x: x + 11, y: y + 8, size: 9),
            .label(scale.diverging ? "0" : "", x: x + 11, y: y + height / 2 + 3, size: 9),
            .label(NumberText.noise(scale.lower), x: x + 11, y: y + height, size: 9),
        ]
    }
}
