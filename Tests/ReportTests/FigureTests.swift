import Foundation
import Numerics
import Testing

@testable import Report

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses markup as XML; returns the parser error, if any.
func xmlError(_ markup: String) -> String? {
    let parser = XMLParser(data: Data(markup.utf8))
    return parser.parse() ? nil : (parser.parserError.map { "\($0)" } ?? "unknown XML error")
}

@Suite struct HeatmapFigureTests {
    let claim = HeatmapGrid(rows: 2, columns: 2, values: [0, 1, 1, 0])
    let reference = HeatmapGrid(rows: 2, columns: 2, values: [0, 0.5, 0.5, 0])

    @Test func theFigureIsWellFormedSVGWithATitleAndUniqueIds() {
        let svg = HeatmapFigure.svg(claim: claim, reference: reference, title: "∂K/∂λ₁ <row 1>", id: "eq1-row1")
        #expect(xmlError(svg) == nil)
        #expect(
            svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmaps\" id=\"eq1-row1\" viewBox=\""))
        #expect(svg.contains("<title>∂K/∂λ₁ &lt;row 1&gt;</title>"))
        #expect(svg.contains("id=\"eq1-row1-scale1\"") && svg.contains("id=\"eq1-row1-scale2\""))
    }

    @Test func claimAndReferenceShareOneScaleAndTheDifferenceIsSigned() {
        let shared = ColorScale(covering: claim.values + reference.values)
        #expect(shared == ColorScale(covering: [0, 1]))
        #expect(shared.color(0) == "#440154" && shared.color(1) == "#fde725")
        let signed = ColorScale(covering: [0, 0.5], signed: true)
        #expect(signed.lower == -0.5 && signed.upper == 0.5)
        #expect(signed.color(0) == "#f7f7f7" && signed.color(0.5) == "#b2182b" && signed.color(-0.5) == "#2166ac")
    }

    @Test func largeMatricesAreShownInBlocksKeepingTheWorstDifference() {
        var values = [Double](repeating: 0, count: 100 * 100)
        values[57 * 100 + 3] = -9
        let grid = HeatmapGrid(rows: 100, columns: 100, values: values)
        let small = grid.downsampled(to: 32, keepExtremes: true)
        #expect(small.rows == 32 && small.columns == 32)
        #expect(small.values.filter { $0 != 0 } == [-9])
        #expect(grid.downsampled(to: 32, keepExtremes: false).values.min()! > -9)
    }
}

@Suite struct StepSweepPlotTests {
    /// The `d` of every `<path>` whose attributes contain `marker`, in order.
    static func paths(_ svg: String, with marker: String) -> [String] {
        svg.components(separatedBy: "<path ").dropFirst().compactMap { element in
            let tag = element.components(separatedBy: "/>").first ?? ""
            guard tag.contains(marker) else { return nil }
            return tag.components(separatedBy: "d=\"").dropFirst().first?.components(separatedBy: "\"").first
        }
    }

    @Test func thePlotIsWellFormedAndNamesTheJudgesStepInItsLegend() {
        let points = [(1e-1, 1e-3), (1e-2, 1e-5), (1e-3, 1e-7), (1e-5, 1e-9), (1e-7, 0.0)]
        let svg = StepSweepPlot.svg(
            points: points.map { (step: $0.0, error: $0.1) }, judgeStep: 1e-3, title: "sweep", id: "eq2-sweep")
        #expect(xmlError(svg) == nil)
        #expect(svg.contains("<title>sweep</title>"))
        // The label is in the legend, under the x axis's title, not on the plot.
        let label = svg.components(separatedBy: ">judge&#39;s step<").first?.components(separatedBy: " y=\"").last
        let axisTitle = svg.components(separatedBy: ">step h<").first?.components(separatedBy: " y=\"").last
        #expect(
            Double(label?.prefix { $0 != "\"" } ?? "") ?? 0 > Double(axisTitle?.prefix { $0 != "\"" } ?? "")
                ?? .infinity)
    }

    @Test func decadesAreLabelledAsPowersOfTen() {
        #expect(StepSweepPlot.power(-9) == "10⁻⁹")
        #expect(StepSweepPlot.power(0) == "10⁰")
        #expect(StepSweepPlot.power(12) == "10¹²")
        let svg = StepSweepPlot.svg(
            points: [(step: 1e-8, error: 1e-12), (step: 1e-1, error: 1e-3)], judgeStep: nil, title: "t", id: "s")
        #expect(svg.contains(">10⁻⁸<") && svg.contains(">10⁻¹²<") && !svg.contains("1e-"))
        // Twenty decades: every decade ticked, every fourth labelled (at most seven labels).
        let ticks = StepSweepPlot.ticks((-20, 0))
        #expect(ticks.count == 21 && ticks.filter(\.labelled).map(\.exponent) == [-20, -16, -12, -8, -4, 0])
    }

    @Test func exactZerosAreDrawnInTheirOwnRowAndBreakTheLine() {
        let points = [(1e-1, 1e-3), (1e-2, 1e-5), (1e-3, 0.0), (1e-4, 1e-9)]
        let svg = StepSweepPlot.svg(
            points: points.map { (step: $0.0, error: $0.1) }, judgeStep: nil, title: "t", id: "z")
        let paths = Self.paths(svg, with: "url(#z-m0)")
        // The line: two points, a break at the zero (a new "M"), one point.
        #expect(paths.first?.components(separatedBy: "L").count == 2)
        #expect(paths.first?.components(separatedBy: "M").count == 3)
        // The zero: one mark in a row of its own, labelled 0, below every point of the line.
        let zero = paths.last ?? ""
        #expect(zero.hasSuffix("h0") && zero.components(separatedBy: "M").count == 2)
        #expect(svg.contains(">0</text>"))
        let zeroY = Double(zero.components(separatedBy: " ").last?.dropLast(2) ?? "") ?? 0
        let lineYs = (paths.first ?? "").split(whereSeparator: { "ML".contains($0) }).compactMap {
            Double($0.split(separator: " ").last ?? "")
        }
        #expect(lineYs.count == 3 && lineYs.allSatisfy { $0 < zeroY - 10 })
    }

    @Test func rowsThatCoincideAreToldApart() {
        let points = [(step: 1e-2, error: 1e-4), (step: 1e-3, error: 1e-6)]
        let svg = StepSweepPlot.svg(
            series: [
                .init(label: "i = 1", points: points, judgeStep: nil),
                .init(label: "i = 2", points: points, judgeStep: nil),
            ], title: "t", id: "c")
        #expect(svg.contains(">i = 2 (same as i = 1)<"))
        // Different dashes and marker shapes, so the one underneath still shows.
        #expect(Self.paths(svg, with: "url(#c-m0)").first != nil)
        #expect(svg.contains("stroke-dasharray=\"7 3\""))
        let shapes = svg.components(separatedBy: "<marker ").dropFirst().map {
            $0.components(separatedBy: " d=\"")[1].prefix(8)
        }
        #expect(shapes.count == 2 && shapes[0] != shapes[1])
    }
}

@Suite struct PNGImageTests {
    @Test func checksumsMatchTheirStandards() {
        // CRC-32 of "IEND" is the constant every PNG ends with; Adler-32 of "Wikipedia" is RFC 1950's example.
        #expect(PNGImage.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGImage.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test func aTwoByOneImageHasTheExactBytesOfItsChunks() {
        let png = PNGImage.encode(width: 2, height: 1, rgb: [255, 0, 0, 0, 0, 255])
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: 13 bytes: width 2, height 1, depth 8, colour type 2 (RGB).
        #expect(
            Array(png[8..<33]) == [0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0] + [
                0x7B, 0x40, 0xE8, 0xDD,
            ])
        // IDAT: zlib header, one final stored block of 7 bytes (filter byte + 6), Adler-32.
        let idat = Array(png[33..<(33 + 8 + 18 + 4)])
        #expect(Array(idat[4..<8]) == Array("IDAT".utf8))
        #expect(Array(idat[8..<15]) == [0x78, 0x01, 1, 7, 0, 0xF8, 0xFF])
        #expect(Array(idat[15..<22]) == [0, 255, 0, 0, 0, 0, 255])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0, 73, 69, 78, 68, 0xAE, 0x42, 0x60, 0x82])
    }
}

@Suite struct SweepSelectionTests {
    @Test func aCrowdedSweepKeepsEveryVerdictAndBothEnds() {
        let rows: [(Verdict, Int)] = (0..<13).map { ($0 == 9 ? .inconclusive : .pass, $0) }
        let chosen = CheckPanel.representative(rows, limit: 6).map(\.1)
        #expect(chosen.count == 6)
        #expect(chosen.contains(0) && chosen.contains(12) && chosen.contains(9))
        #expect(chosen == chosen.sorted())
    }
}
