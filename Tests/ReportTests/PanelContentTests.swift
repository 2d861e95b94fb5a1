import Foundation
import Numerics
import Report
import TestSupport
import Testing

/// What a panel says about itself: which line of its equation it checks, what its table's
/// terse columns mean, what its step sweep shows; and the verdict grid of a long index.
@Suite struct PanelContentTests {
    init() { BLASThreads.set(1) }

    static let html: String = (try? ReportHTMLTests.render("panels").html) ?? ""

    /// The text of the first element of `html` that starts with `prefix`, up to `end`.
    static func excerpt(_ prefix: String, until end: String = "</") -> [String] {
        html.components(separatedBy: prefix).dropFirst().map { $0.components(separatedBy: end)[0] }
    }

    @Test func eachLineOfAnAlignedEquationSaysWhichItIsAndShowsItself() {
        #expect(Self.excerpt("<span class=\"muted\">line ") == ["1 of 2", "2 of 2"])
        // Its own equation, left = right, in the panel's header.
        #expect(Self.html.components(separatedBy: "<div class=\"compared\">").count == 3)
        #expect(!Self.html.contains("<th scope=\"row\">—</th>"))
        #expect(Self.html.contains("<th scope=\"row\">one row</th>"))
    }

    @Test func theTablesTerseColumnsAreExplainedBesideIt() {
        let notes = Self.excerpt("<p class=\"table-notes\">", until: "</p>")
        #expect(notes.count == 3)
        #expect(
            notes.allSatisfy { $0.contains("<b>ê</b>: how far the finite differences may be from the true derivative") }
        )
        // The Taylor slope only where a reason cites it: the wrong line.
        #expect(notes.map { $0.contains("<b>Taylor slope</b>") } == [false, false, true])
    }

    @Test func theSweepSaysWhatItShows() {
        let captions = Self.excerpt(
            "<figcaption>Step sweep: |FD(h) − claim| against the step h", until: "</figcaption>")
        #expect(captions.count == 3)
        #expect(captions[1].hasPrefix(". A V: the difference falls from "))
        #expect(
            captions[2].hasPrefix(". Flat: at every step from 10⁻⁸ to 10⁻¹ the finite differences stay about 2 away"))
    }

    @Test func aLongIndexGetsAVerdictGridLinkingToItsChecks() {
        let grid = Self.excerpt("<figure class=\"verdict-grid\">", until: "</figure>")
        #expect(grid.count == 1)
        let table = grid.first ?? ""
        #expect(table.contains("one column per <span class=\"nowrap\">j = 1…9</span>"))
        #expect(table.contains("<th scope=\"col\">check \\ j</th><th scope=\"col\">1</th>"))
        #expect(table.contains("<th scope=\"row\"><a href=\"#check.1.1\">(1)</a></th>"))
        #expect(table.components(separatedBy: "<td class=\"pass\">P</td>").count == 10)
    }
}
