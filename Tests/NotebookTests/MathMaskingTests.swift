import Diagnostics
import Notebook
import Testing

/// The math found in a notebook text, as (style, TeX) pairs.
private func math(_ text: String) -> [String] {
    ParsedNotebook(file: SourceFile(path: "t.md", text: text)).math.map { span in
        let style =
            switch span.style {
            case .inline: "i"
            case .display: "d"
            case .fence: "f"
            }
        return "\(style):\(span.tex.text)"
    }
}

/// The body HTML with math shown as `[TeX]` (inline) or `[[TeX]]` (block).
private func html(_ text: String, unsafe: Bool = false) -> String {
    let notebook = ParsedNotebook(file: SourceFile(path: "t.md", text: text))
    return notebook.renderBody(
        HTMLParts(
            math: { index, alone in
                let tex = notebook.math[index].tex.text
                return alone ? "<div>[[\(tex)]]</div>\n" : "[\(tex)]"
            },
            cell: { index in "<section>cell \(index)</section>\n" }, unsafeHTML: unsafe))
}

@Suite struct MathMaskingTests {
    @Test func pricesAreNotMath() {
        #expect(math("It cost $20,000 and $30,000 then.") == [])
        #expect(math("From $5 to $x$.") == ["i:x"])
        #expect(math("Pay $x$5 later") == [])
    }

    @Test func anEscapedDollarIsLiteral() {
        #expect(math(#"A \$5 note and \$x\$ too."#) == [])
        #expect(html(#"A \$5 note"#) == "<p>A $5 note</p>\n")
        #expect(math(#"An escaped backslash \\$x$ still opens."#) == ["i:x"])
    }

    @Test func spacesInsideTheDelimitersAreNotMath() {
        #expect(math("a $ x$ b") == [])
        #expect(math("a $x $ b") == [])
    }

    @Test func codeIsNeverScanned() {
        #expect(math("Use `$x$` literally, or ``a $b$ ` c``.") == [])
        #expect(math("```\n$x$ and $$y$$\n```\n\n    $indented$\n") == [])
        #expect(math("`open $x$") == ["i:x"])
    }

    @Test func markdownCharactersInsideMathAreKept() {
        #expect(math(#"See $a_1 * b_2$ and $c_3 * \{d\}$."#) == [#"i:a_1 * b_2"#, #"i:c_3 * \{d\}"#])
        #expect(html("See $a_1 * b_2$ and $c_3*d_4$.") == "<p>See [a_1 * b_2] and [c_3*d_4].</p>\n")
    }

    @Test func theBacktickFormTakesItsContentLiterally() {
        #expect(math("GitHub's $`\\sqrt{x$}`$ form") == ["i:\\sqrt{x$}"])
    }

    @Test func displayMathMaySpanLinesAndMarkdownLookalikes() {
        #expect(math("$$\nK = 1\n- \\tfrac12 y\n$$") == ["d:\nK = 1\n- \\tfrac12 y\n"])
        #expect(html("Before\n\n$$\na_1\n$$\n\nAfter") == "<p>Before</p>\n<div>[[\na_1\n]]</div>\n<p>After</p>\n")
        #expect(html("Inline $$x$$ display") == "<p>Inline [x] display</p>\n")
    }

    @Test func displayMathDoesNotCrossABlankLine() {
        #expect(math("$$\na\n\nb\n$$") == [])
    }

    @Test func mathWorksInListsQuotesAndHeadings() {
        #expect(math("- item $x_i$\n- item $y^*$\n") == ["i:x_i", "i:y^*"])
        #expect(math("> quoted $\\alpha$\n> $$\n> a_1\n> $$\n") == ["i:\\alpha", "d:\na_1\n"])
        #expect(
            html("# Gradient of $\\ell_*$")
                == "<h1 id=\"gradient-of-ell_\"><a class=\"anchor\" href=\"#gradient-of-ell_\" aria-hidden=\"true\">#</a>Gradient of [\\ell_*]</h1>\n"
        )
    }

    @Test func inlineMathStaysInItsParagraph() {
        #expect(math("# Cost $x\n\ny$ more") == [])
        #expect(math("a $x\ny$ b") == ["i:x\ny"])
    }

    @Test func mathFencesAreDisplayMathAndCellsAreCells() {
        let notebook = ParsedNotebook(
            file: SourceFile(
                path: "t.md", text: "```math\nK_{ab}\n```\n\n```gp\nlet a = 1\n```\n\n```math check\nx = x\n```\n"))
        #expect(notebook.math.map(\.tex.text) == ["K_{ab}"])
        #expect(notebook.cells.map(\.kind) == [.setup, .check])
        #expect(notebook.cells.map(\.code.text) == ["let a = 1", "x = x"])
        #expect(notebook.file.location(of: notebook.cells[1].code.fileOffset(0)) == SourceLocation(line: 10, column: 1))
    }

    @Test func mathPositionsPointIntoTheNotebook() {
        let file = SourceFile(path: "t.md", text: "> quoted\n> $$\n> a +\n>  b_1\n> $$\n")
        let span = ParsedNotebook(file: file).math[0]
        let offset = span.tex.fileOffset(span.tex.text.utf8.count - 4)  // the "b" of "b_1"
        #expect(file.location(of: offset) == SourceLocation(line: 4, column: 4))
    }
}

@Suite struct MarkdownRenderingTests {
    @Test func rawHTMLIsShownAsTextUnlessAllowed() {
        #expect(
            html("<script>alert(1)</script>\n")
                == "<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n")
        #expect(
            html("a <b onclick=\"x\">b</b>")
                == "<p>a <code>&lt;b onclick=&quot;x&quot;&gt;</code>b<code>&lt;/b&gt;</code></p>\n")
        #expect(html("<!-- note -->\n\ntext") == "<p>text</p>\n")
        #expect(html("a <b>b</b>", unsafe: true) == "<p>a <b>b</b></p>\n")
    }

    @Test func dangerousLinksAreDropped() {
        #expect(html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func remoteImagesBecomeLinks() {
        #expect(
            html("![plot](https://example.com/p.png)")
                == "<p><a href=\"https://example.com/p.png\">image: plot</a></p>\n")
    }

    @Test func cellsAreReplacedAndCodeIsEscaped() {
        #expect(
            html("```gp\nlet a = 1\n```\n\n```c\nint b = a < 2;\n```\n")
                == "<section>cell 0</section>\n<pre><code class=\"language-c\">int b = a &lt; 2;\n</code></pre>\n")
    }

    @Test func headingsGetUniqueAnchors() {
        let notebook = ParsedNotebook(
            file: SourceFile(path: "t.md", text: "# Setup\n\n## Setup\n\n## Setup\n\n## ∂K/∂λ, done!\n"))
        #expect(notebook.headings.map(\.id) == ["setup", "setup-1", "setup-2", "kλ-done"])
        #expect(notebook.title == "Setup")
    }
}

@Suite struct LinkRewritingTests {
    @Test func linksToSiblingNotebooksPointAtTheirReports() {
        #expect(
            html("[a](other.md) [b](sub/x.md#part) [c](https://x.org/a.md) [d](data.csv)")
                == "<p><a href=\"other.html\">a</a> <a href=\"sub/x.html#part\">b</a> <a href=\"https://x.org/a.md\">c</a> <a href=\"data.csv\">d</a></p>\n"
        )
    }
}

@Suite struct EquationReferenceInProseTests {
    @Test func anEqrefInProseIsReadAsMath() {
        #expect(
            math(#"See \eqref{eq:grad} and \ref{x}, not `\eqref{code}` or \eqref{open"#) == [
                #"i:\eqref{eq:grad}"#, #"i:\ref{x}"#,
            ])
    }
}
