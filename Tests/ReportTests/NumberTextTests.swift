import Report
import Testing

@Suite struct NumberTextTests {
    @Test func significantDigitsAreRoundedAsDecimals() {
        #expect(NumberText.format(0.36787944117144233) == "0.36788")
        #expect(NumberText.format(0.73575888234288466, significant: 3) == "0.736")
        #expect(NumberText.format(-1.5) == "-1.5")
        #expect(NumberText.format(12.0) == "12")
        #expect(NumberText.format(99999.5) == "1e+05")
        #expect(NumberText.format(123456.0) == "1.2346e+05")
        #expect(NumberText.format(2.345e-11, significant: 2) == "2.3e-11")
        #expect(NumberText.format(0.000123456) == "0.00012346")
        #expect(NumberText.format(0.0000123456) == "1.2346e-05")
        #expect(NumberText.format(9.96, significant: 2) == "10")
        #expect(NumberText.format(0.95, significant: 1) == "1")
    }

    @Test func specialValuesHaveNames() {
        #expect(NumberText.format(0) == "0")
        #expect(NumberText.format(-0.0) == "0")
        #expect(NumberText.format(.nan) == "NaN")
        #expect(NumberText.format(-.infinity) == "−∞")
    }

    @Test func coordinatesHaveAtMostTwoDecimals() {
        #expect(NumberText.coordinate(12.345) == "12.35")
        #expect(NumberText.coordinate(-0.004) == "0")
        #expect(NumberText.coordinate(3.10) == "3.1")
        #expect(NumberText.coordinate(-7) == "-7")
    }
}
