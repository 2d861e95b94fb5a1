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
    @Test func thePlotIsWellFormedAndMarksTheJudgesStep() {
        let points = [(1e-1, 1e-3), (1e-2, 1e-5), (1e-3, 1e-7), (1e-5, 1e-9), (1e-7, 0.0)]
        let svg = StepSweepPlot.svg(
            points: points.map { (step: $0.0, error: $0.1) }, judgeStep: 1e-3, title: "sweep", id: "eq2-sweep")
        #expect(xmlError(svg) == nil)
        #expect(svg.contains("judge&#39;s step"))
        #expect(svg.contains("<title>sweep</title>"))
        let path = svg.components(separatedBy: " d=\"M").last?.components(separatedBy: "\"").first ?? ""
        #expect(path.components(separatedBy: "L").count == 5)
        #expect(svg.contains("marker-mid=\"url(#eq2-sweep-m0)\""))
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
