import Diagnostics

extension MathMLWalker {
    /// Scripts as `msub`/`msup`/`msubsup`, or `munder`/`mover`/`munderover` under an
    /// operator with limits (`\sum`, `\lim`, `\operatorname*`) or a brace. Primes are set
    /// after the base as `<mo>′</mo>` (math fonts draw U+2032 raised already; in a
    /// superscript it would come out tiny and too high), before a superscript.
    mutating func writeScripts(_ scripts: Scripts, _ context: Context) {
        let limits = Self.takesLimits(scripts)
        let primes = scripts.primes > 0 ? Self.primes(scripts.primes) : nil
        if let primes, scripts.sup == nil {
            out.open("mrow")
            if scripts.sub == nil {
                visitBase(scripts.base, context)
            } else {
                writeScripts(base: scripts, limits: limits, context)
            }
            out.leaf("mo", [("lspace", "0em"), ("rspace", "0em")], text: primes)
            out.close("mrow")
            return
        }
        writeScripts(base: scripts, limits: limits, context)
    }

    private mutating func writeScripts(base scripts: Scripts, limits: Bool, _ context: Context) {
        let hasSuper = scripts.sup != nil
        let hasSub = scripts.sub != nil
        let element =
            limits
            ? (hasSub && hasSuper ? "munderover" : hasSub ? "munder" : "mover")
            : (hasSub && hasSuper ? "msubsup" : hasSub ? "msub" : "msup")
        out.open(element)
        if limits, let base = scripts.base {
            writeLimitsBase(base, movable: scripts.limits == nil, context)
        } else if scripts.sup != nil, scripts.primes > 0 {
            out.open("mrow")
            visitBase(scripts.base, context)
            out.leaf("mo", [("lspace", "0em"), ("rspace", "0em")], text: Self.primes(scripts.primes))
            out.close("mrow")
        } else {
            visitBase(scripts.base, context)
        }
        if let sub = scripts.sub { visit(sub, context) }
        if let sup = scripts.sup { visit(sup, context) }
        out.close(element)
    }

    /// The base of scripts. A sized delimiter (`\Big|_{x}`, an "evaluated at" bar) goes in an
    /// `<mrow>`: Chromium ignores `minsize` on a stretchy `<mo>` that is itself the base of
    /// `<msub>`, and draws the bar at text size; inside an `<mrow>` it stretches.
    private mutating func visitBase(_ base: TeXNode?, _ context: Context) {
        guard let base else { return out.leaf("mrow", text: "") }
        if case .delimiter = base.kind {
            out.open("mrow")
            visit(base, context)
            out.close("mrow")
        } else {
            visit(base, context)
        }
    }

    /// Whether scripts go under and over: large operators other than integrals and named
    /// operators with limits, unless `\nolimits` says otherwise; braces take their own side.
    static func takesLimits(_ scripts: Scripts) -> Bool {
        guard let base = scripts.base else { return false }
        switch base.kind {
        case .symbol(let symbol) where symbol.kind == .largeOperator:
            return scripts.limits ?? !SymbolTable.integrals.contains(symbol.text)
        case .operatorName(let name):
            return scripts.limits ?? name.limits
        case .accent(let accent) where accent.command == "overbrace" || accent.command == "underbrace":
            return accent.isUnder ? scripts.sup == nil && scripts.primes == 0 : scripts.sub == nil
        default:
            return scripts.limits ?? false
        }
    }

    /// The operator under limits: `<mo movablelimits>` so inline math sets them as scripts.
    private mutating func writeLimitsBase(_ base: TeXNode, movable: Bool, _ context: Context) {
        switch base.kind {
        case .symbol(let symbol):
            out.leaf("mo", [("movablelimits", movable ? "true" : "false")], text: symbol.text)
        case .operatorName(let name):
            let attributes = [("lspace", "0em"), ("rspace", "0.1667em"), ("movablelimits", movable ? "true" : "false")]
            out.leaf("mo", attributes, text: name.name)
        default:
            visit(base, context)
        }
    }

    static func primes(_ count: Int) -> String {
        switch count {
        case 1: "′"
        case 2: "″"
        case 3: "‴"
        case 4: "⁗"
        default: String(repeating: "′", count: count)
        }
    }

    /// `mfrac`, in an `mstyle` for `\dfrac` and `\tfrac`, in parentheses for `\binom`.
    mutating func writeFraction(_ fraction: Fraction, _ context: Context) {
        let style = fraction.command.style
        if let style { out.open("mstyle", Self.attributes(of: style)) }
        if fraction.command.isBinomial {
            out.open("mrow")
            writeFence("(", form: "prefix", size: .stretchy)
            out.open("mfrac", [("linethickness", "0")])
        } else {
            out.open("mfrac")
        }
        visit(fraction.numerator, context)
        visit(fraction.denominator, context)
        out.close("mfrac")
        if fraction.command.isBinomial {
            writeFence(")", form: "postfix", size: .stretchy)
            out.close("mrow")
        }
        if style != nil { out.close("mstyle") }
    }

    /// `\left … \right` as an `<mrow>` of a prefix fence, the body and a postfix fence.
    mutating func writeFenced(_ fenced: Fenced, _ context: Context) {
        out.open("mrow")
        if fenced.open.symbol != nil { writeDelimiter(fenced.open) }
        writeSequence(Self.children(of: fenced.body), context, after: .open)
        if fenced.close.symbol != nil { writeDelimiter(fenced.close) }
        out.close("mrow")
    }

    /// A delimiter as a stretchy `<mo>` with its form; fixed sizes via `minsize`/`maxsize`.
    mutating func writeDelimiter(_ delimiter: Delimiter) {
        guard let symbol = delimiter.symbol else { return out.leaf("mrow", text: "") }
        let form: String? =
            switch delimiter.role {
            case .open: "prefix"
            case .close: "postfix"
            case .middle: "infix"
            case .natural: symbol.kind == .open ? "prefix" : symbol.kind == .close ? "postfix" : nil
            }
        writeFence(symbol.text, form: form, size: delimiter.size)
    }

    mutating func writeFence(_ text: String, form: String?, size: Delimiter.Size) {
        var attributes = [("fence", "true")]
        if let form { attributes.append(("form", form)) }
        attributes.append(("stretchy", "true"))
        if let height = size.height { attributes += [("minsize", height), ("maxsize", height)] }
        out.leaf("mo", attributes, text: text)
    }

    /// An accent as `mover`/`munder` with `accent="true"`; braces are not accents.
    mutating func writeAccent(_ accent: Accent, _ context: Context) {
        let element = accent.isUnder ? "munder" : "mover"
        out.open(element, accent.isAccent ? [(accent.isUnder ? "accentunder" : "accent", "true")] : [])
        visit(accent.base, context)
        out.leaf("mo", [("stretchy", accent.isStretchy ? "true" : "false")], text: accent.mark)
        out.close(element)
    }

    /// An environment as `<mtable>`, in its fences, cells aligned with CSS `text-align`
    /// (MathML Core has no `columnalign`). An unknown environment is shown in `<merror>`.
    mutating func writeEnvironment(_ environment: Environment, _ context: Context) {
        let kind = environment.kind
        if kind == .equation || kind == .equationStar, environment.rows.count == 1, environment.rows[0].count == 1 {
            return visit(environment.rows[0][0], context)  // one line needs no table
        }
        let fences: (open: String, close: String) = kind?.fences ?? ("", "")
        let isFenced = !fences.open.isEmpty || !fences.close.isEmpty
        if kind == nil { out.open("merror") }
        if isFenced {
            out.open("mrow")
            if !fences.open.isEmpty { writeFence(fences.open, form: "prefix", size: .stretchy) }
        }
        var attributes: [(String, String)] = []
        if kind?.isDisplayStyle == true { attributes.append(("displaystyle", "true")) }
        if kind == .smallmatrix || kind == .subarray { attributes.append(("scriptlevel", "1")) }
        out.open("mtable", attributes)
        for row in environment.rows {
            out.open("mtr")
            for (column, cell) in row.enumerated() {
                out.open("mtd", Self.cellStyle(environment, column: column))
                if case .row(let nodes) = cell.kind, nodes.isEmpty {} else { visit(cell, context) }
                out.close("mtd")
            }
            out.close("mtr")
        }
        out.close("mtable")
        if isFenced {
            if !fences.close.isEmpty { writeFence(fences.close, form: "postfix", size: .stretchy) }
            out.close("mrow")
        }
        if kind == nil { out.close("merror") }
    }

    /// The `style` of a cell: alignment, and for `aligned` the right/left pairs that meet
    /// at `&` with no padding between them.
    static func cellStyle(_ environment: Environment, column: Int) -> [(String, String)] {
        let kind = environment.kind
        if kind?.isAlignment == true {
            if column % 2 == 1 { return [("style", "text-align:left;padding-left:0")] }
            return [("style", "text-align:right;padding-right:0" + (column > 0 ? ";padding-left:1em" : ""))]
        }
        if kind == .cases || kind == .dcases || kind == .rcases {
            return [("style", "text-align:left" + (column > 0 ? ";padding-left:1em" : ""))]
        }
        switch environment.alignment(ofColumn: column) {
        case .center: return []
        case .left: return [("style", "text-align:left")]
        case .right: return [("style", "text-align:right")]
        }
    }
}
