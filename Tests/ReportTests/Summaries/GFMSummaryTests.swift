import Testing

@testable import Report

/// The GFM summary: what a reviewer reads first, and TeX that GitHub's math can take.
@Suite struct GFMSummaryTests {
    @Test func theHeadingSaysTheOverallResult() {
        #expect(
            CheckSummary.gfm(SummaryFixtures.results(["passing", "matrix"])).hasPrefix("## ✅ derive check passed\n"))
        #expect(CheckSummary.gfm(SummaryFixtures.results(["failing"])).hasPrefix("## ❌ derive check failed\n"))
        #expect(
            CheckSummary.gfm(SummaryFixtures.results(["error"])).hasPrefix(
                "## 🛑 derive check failed: 1 check did not run\n"))
    }

    @Test func aNotebookWhereEverythingPassedFoldsItsTableAway() {
        let passing = CheckSummary.gfm(SummaryFixtures.results(["passing"]))
        #expect(passing.contains("<details><summary>Checks</summary>\n\n| Verdict |"))
        let failing = CheckSummary.gfm(SummaryFixtures.results(["failing"]))
        #expect(!failing.contains("<summary>Checks</summary>"))
        #expect(failing.contains("\n| ❌ **fail** | 17 | $`"))
        #expect(failing.contains("**Hint:** claim/reference follows 1/λᵢ"))
    }
}

@Suite struct GFMTextTests {
    @Test func proseIsEscapedForTablesAndEmphasis() {
        #expect(
            GFMText.escape("a|b *c* _d_ <e> `f` [g] ~h~ $i$ &j")
                == "a\\|b \\*c\\* \\_d\\_ \\<e\\> \\`f\\` \\[g\\] \\~h\\~ \\$i\\$ \\&j")
        #expect(GFMText.escape("back\\slash\nnext line") == "back\\\\slash next line")
    }

    @Test func codeSpansAreFencedLongerThanTheirBackticks() {
        #expect(GFMText.code("a.md") == "`a.md`")
        #expect(GFMText.code("a`b") == "``a`b``")
        #expect(GFMText.code("`a") == "`` `a ``")
        #expect(GFMText.code("x|y") == "`x\\|y`")
    }

    @Test func fencedBlocksAreFencedLongerThanTheirBackticks() {
        #expect(GFMText.fenced("a\n\n") == "```text\na\n```\n")
        #expect(GFMText.fenced("```x```") == "````text\n```x```\n````\n")
    }

    @Test func mathIsOnOneLineBetweenDollarBackticks() {
        #expect(GFMText.math("\\frac{a}{b}\n  = c", macros: []) == "$`\\frac{a}{b} = c`$")
    }

    @Test func pipesBecomeVertsSoATableCellCanHoldThem() {
        #expect(GFMText.math("\\log|K| = \\|x\\|^2", macros: []) == "$`\\log\\vert K\\vert = \\Vert x\\Vert ^2`$")
        #expect(GFMText.math("\\left| a \\right|", macros: []) == "$`\\left\\vert a \\right\\vert`$")
    }

    @Test func derivesOwnOperatorNamesAreSpelledOut() {
        #expect(GFMText.math("\\tr K + \\diag(x)", macros: []) == "$`\\operatorname{tr} K + \\operatorname{diag}(x)`$")
        #expect(GFMText.math("\\argmax_x f", macros: []) == "$`\\operatorname*{arg\\,max}_x f`$")
        #expect(GFMText.math("\\trace + \\operatorname{tr}", macros: []) == "$`\\trace + \\operatorname{tr}`$")
    }

    @Test func alignmentMarksAndLineBreaksBecomeSpaces() {
        #expect(GFMText.math("a &= b \\\\ &= c", macros: []) == "$`a = b = c`$")
        #expect(GFMText.math("a \\& b", macros: []) == "$`a \\& b`$")
    }

    @Test func texWithTheNotebooksOwnMacrosOrBackticksStaysSource() {
        #expect(GFMText.math("\\half x", macros: ["half"]) == "`\\half x`")
        #expect(GFMText.math("\\halfway x", macros: ["half"]) == "$`\\halfway x`$")
        #expect(GFMText.math("a`b", macros: []) == "``a`b``")
    }

    @Test func theMacrosOfANotebookAreFoundByDerivesParser() throws {
        let run = try #require(SummaryFixtures.runs["passing"])
        #expect(run.math.macroNames == ["half"])
        #expect(try #require(SummaryFixtures.runs["failing"]).math.macroNames == [])
    }
}
