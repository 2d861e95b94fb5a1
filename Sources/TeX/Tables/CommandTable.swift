/// The commands that are not single symbols, grouped by what the parser does with them.
enum CommandTable {
    /// Named operators: name → (shown text, limits in display style).
    static let operatorNames: [String: (text: String, limits: Bool)] = {
        var table: [String: (String, Bool)] = [:]
        for name in [
            "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
            "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh", "tr", "Tr",
            "diag", "rank", "sgn", "erf", "Var", "Cov",
        ] {
            table[name] = (name, false)
        }
        for name in ["det", "gcd", "inf", "lim", "max", "min", "Pr", "sup"] { table[name] = (name, true) }
        table["liminf"] = ("lim\u{2009}inf", true)
        table["limsup"] = ("lim\u{2009}sup", true)
        table["argmax"] = ("arg\u{2009}max", true)
        table["argmin"] = ("arg\u{2009}min", true)
        return table
    }()

    /// Font commands taking one argument.
    static let fonts: [String: MathFont] = [
        "mathrm": .roman, "mathup": .roman, "mathit": .italic, "mathbf": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathcal": .script, "mathscr": .script,
        "mathbb": .doubleStruck, "mathfrak": .fraktur, "mathsf": .sansSerif, "mathtt": .monospace,
    ]

    /// Text commands: name → the alphabet of the text, nil for plain.
    static let texts: [String: MathFont?] = [
        "text": nil, "textrm": nil, "textup": nil, "textnormal": nil, "mbox": nil, "hbox": nil,
        "textbf": .bold, "textit": .italic, "textsf": .sansSerif, "texttt": .monospace,
    ]

    /// Spaces: name → width in mu.
    static let spaces: [String: Int] = [
        ",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5,
        "quad": 18, "qquad": 36, "!": -3, "negthinspace": -3, "negmedspace": -4,
        "negthickspace": -5, "enspace": 9, " ": 6, "space": 6, "nobreakspace": 6,
    ]

    /// Accents: name → (mark, stretchy, under, accent proper). The marks are the ones that
    /// Latin Modern, TeX Gyre and DejaVu Math draw well in Chromium: spacing modifiers for
    /// narrow accents, U+0302 for a wide hat, U+2015 and U+0332 for the lines; `\vec` is set
    /// as a small arrow over its base (not an accent), as a full-size accent arrow collides.
    static let accents: [String: (mark: String, stretchy: Bool, under: Bool, accent: Bool)] = [
        "hat": ("\u{2C6}", false, false, true), "widehat": ("\u{302}", true, false, true),
        "check": ("\u{2C7}", false, false, true), "widecheck": ("\u{2C7}", true, false, true),
        "tilde": ("\u{2DC}", false, false, true), "widetilde": ("\u{2DC}", true, false, true),
        "bar": ("\u{AF}", false, false, true), "overline": ("\u{2015}", true, false, true),
        "underline": ("\u{332}", true, true, true), "vec": ("→", false, false, false),
        "overrightarrow": ("→", true, false, true), "overleftarrow": ("←", true, false, true),
        "overleftrightarrow": ("↔", true, false, true), "dot": ("\u{2D9}", false, false, true),
        "ddot": ("\u{A8}", false, false, true), "dddot": ("\u{20DB}", false, false, true),
        "acute": ("\u{B4}", false, false, true), "grave": ("`", false, false, true),
        "breve": ("\u{2D8}", false, false, true), "mathring": ("\u{2DA}", false, false, true),
        "overbrace": ("⏞", true, false, false), "underbrace": ("⏟", true, true, false),
    ]

    /// `\big` and relatives: name → (size, role).
    static let sizedDelimiters: [String: (Delimiter.Size, Delimiter.Role)] = {
        var table: [String: (Delimiter.Size, Delimiter.Role)] = [:]
        let sizes: [(String, Delimiter.Size)] = [("big", .big), ("Big", .Big), ("bigg", .bigg), ("Bigg", .Bigg)]
        let roles: [(String, Delimiter.Role)] = [("", .natural), ("l", .open), ("r", .close), ("m", .middle)]
        for (sizeName, size) in sizes {
            for (suffix, role) in roles { table[sizeName + suffix] = (size, role) }
        }
        return table
    }()

    /// Style switches.
    static let styles: [String: MathStyle] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script,
        "scriptscriptstyle": .scriptScript,
    ]

    /// Fraction commands.
    static let fractions: [String: Fraction.Command] = Dictionary(
        uniqueKeysWithValues: Fraction.Command.allCases.map { ($0.rawValue, $0) })

    /// Phantom commands.
    static let phantoms: [String: Phantom] = ["phantom": .full, "hphantom": .horizontal, "vphantom": .vertical]

    /// Commands the parser handles by name in `TeXParser.parseCommand`.
    static let structural: Set<String> = [
        "sqrt", "left", "right", "middle", "operatorname", "overset", "underset", "stackrel",
        "color", "textcolor", "label", "tag", "notag", "nonumber", "eqref", "ref", "begin", "end",
        "newcommand", "renewcommand", "providecommand", "def", "DeclareMathOperator", "limits",
        "nolimits", "not", "\\", "hline", "pmod", "bmod", "mod", "mathop", "mathrel", "mathbin",
        "mathord", "relax",
    ]

    /// Every built-in command name, sorted, for did-you-mean suggestions.
    static let allNames: [String] = {
        var names = Set(SymbolTable.commands.keys)
        names.formUnion(operatorNames.keys)
        names.formUnion(fonts.keys)
        names.formUnion(texts.keys)
        names.formUnion(spaces.keys)
        names.formUnion(accents.keys)
        names.formUnion(sizedDelimiters.keys)
        names.formUnion(styles.keys)
        names.formUnion(fractions.keys)
        names.formUnion(phantoms.keys)
        names.formUnion(structural)
        return names.filter { $0.count > 1 }.sorted()
    }()

    /// Whether `name` is a built-in command.
    static func isKnown(_ name: String) -> Bool {
        SymbolTable.commands[name] != nil || operatorNames[name] != nil || fonts[name] != nil
            || texts[name] != nil || spaces[name] != nil || accents[name] != nil
            || sizedDelimiters[name] != nil || styles[name] != nil || fractions[name] != nil
            || phantoms[name] != nil || structural.contains(name)
    }
}
