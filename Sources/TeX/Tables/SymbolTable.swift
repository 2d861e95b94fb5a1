/// The commands and characters that stand for one symbol, with their Unicode text and class.
enum SymbolTable {
    /// `\name` (without backslash) → symbol.
    static let commands: [String: TeXSymbol] = {
        var table: [String: TeXSymbol] = [:]
        func add(_ kind: SymbolKind, _ pairs: KeyValuePairs<String, String>) {
            for (name, text) in pairs { table[name] = TeXSymbol(text, source: "\\" + name, kind: kind) }
        }
        add(.greek, greek)
        add(.letter, letterLike)
        add(.ordinary, ordinary)
        add(.binary, binary)
        add(.relation, relations)
        add(.relation, arrows)
        add(.largeOperator, largeOperators)
        add(.open, opening)
        add(.close, closing)
        add(.fence, fences)
        add(.punctuation, ["colon": ":", "ldotp": ".", "cdotp": "·"])
        return table
    }()

    /// Characters typed directly → symbol; letters and digits are handled by the parser.
    static let characters: [Character: TeXSymbol] = {
        var table: [Character: TeXSymbol] = [:]
        func add(_ kind: SymbolKind, _ text: String, as shown: String? = nil) {
            for character in text {
                table[character] = TeXSymbol(shown ?? String(character), source: String(character), kind: kind)
            }
        }
        add(.binary, "+±∓×÷·∘⊙⊗⊕∖∪∩∧∨⋅∗")
        add(.binary, "-", as: "−")
        add(.binary, "−")
        add(.binary, "*", as: "∗")
        add(.relation, "=<>≤≥≠≡≈≅∼≃∝≪≫∈∉∋⊂⊃⊆⊇∣∥⊥→←↔⇒⇐⇔↦:")
        add(.punctuation, ",;?")
        add(.ordinary, ".!/@\"∂∇∞∅⌀∀∃¬′…⋯⋮⋱⊤⊺†‡")
        add(.open, "([⟨⌊⌈")
        add(.close, ")]⟩⌋⌉")
        add(.fence, "|‖")
        add(.largeOperator, "∑∏∐∫∬∭∮⋃⋂")
        for (_, text) in greek { table[Character(text)] = TeXSymbol(text, source: text, kind: .greek) }
        return table
    }()

    static let greek: KeyValuePairs<String, String> = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "digamma": "ϝ", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static let letterLike: KeyValuePairs<String, String> = [
        "ell": "ℓ", "hbar": "ℏ", "hslash": "ℏ", "imath": "ı", "jmath": "ȷ", "wp": "℘", "Re": "ℜ",
        "Im": "ℑ", "aleph": "ℵ", "beth": "ℶ",
    ]

    static let ordinary: KeyValuePairs<String, String> = [
        "partial": "∂", "nabla": "∇", "infty": "∞", "emptyset": "∅", "varnothing": "⌀",
        "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬", "top": "⊤",
        "bot": "⊥", "intercal": "⊺", "prime": "′", "angle": "∠", "triangle": "△",
        "backslash": "\\", "surd": "√", "dots": "…", "ldots": "…", "dotsc": "…", "dotso": "…",
        "cdots": "⋯", "dotsb": "⋯", "dotsm": "⋯", "dotsi": "⋯", "vdots": "⋮", "ddots": "⋱",
        "%": "%", "$": "$", "#": "#", "_": "_", "&": "&", "S": "§", "P": "¶", "checkmark": "✓",
        "Box": "□", "flat": "♭", "natural": "♮", "sharp": "♯", "clubsuit": "♣",
        "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "complement": "∁",
        "square": "□", "blacksquare": "■", "star": "⋆", "circledast": "⊛",
    ]

    static let binary: KeyValuePairs<String, String> = [
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "circ": "∘", "odot": "⊙",
        "otimes": "⊗", "oplus": "⊕", "ominus": "⊖", "oslash": "⊘", "ast": "∗", "bullet": "∙",
        "setminus": "∖", "smallsetminus": "∖", "cup": "∪", "cap": "∩", "uplus": "⊎",
        "sqcap": "⊓", "sqcup": "⊔", "vee": "∨", "lor": "∨", "wedge": "∧", "land": "∧",
        "diamond": "⋄", "bigtriangleup": "△", "bigtriangledown": "▽", "triangleleft": "◃",
        "triangleright": "▹", "dagger": "†", "ddagger": "‡", "wr": "≀", "amalg": "⨿",
        "dotplus": "∔", "ltimes": "⋉", "rtimes": "⋊", "boxtimes": "⊠", "boxplus": "⊞",
    ]

    static let relations: KeyValuePairs<String, String> = [
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "equiv": "≡",
        "approx": "≈", "approxeq": "≊", "cong": "≅", "sim": "∼", "simeq": "≃", "propto": "∝",
        "ll": "≪", "gg": "≫", "in": "∈", "notin": "∉", "ni": "∋", "owns": "∋", "subset": "⊂",
        "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋",
        "sqsubseteq": "⊑", "sqsupseteq": "⊒", "mid": "∣", "nmid": "∤", "parallel": "∥",
        "nparallel": "∦", "perp": "⊥", "vdash": "⊢", "dashv": "⊣", "models": "⊨", "prec": "≺",
        "succ": "≻", "preceq": "⪯", "succeq": "⪰", "doteq": "≐", "triangleq": "≜",
        "coloneqq": "≔", "eqqcolon": "≕", "lesssim": "≲", "gtrsim": "≳", "leqslant": "⩽",
        "geqslant": "⩾", "asymp": "≍", "bowtie": "⋈", "smile": "⌣", "frown": "⌢", "nleq": "≰",
        "ngeq": "≱", "nsim": "≁", "ncong": "≇", "lt": "<", "gt": ">",
    ]

    static let arrows: KeyValuePairs<String, String> = [
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "iff": "⟺",
        "implies": "⟹", "impliedby": "⟸", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "longleftrightarrow": "⟷", "Longrightarrow": "⟹", "Longleftarrow": "⟸",
        "Longleftrightarrow": "⟺", "mapsto": "↦", "longmapsto": "⟼", "uparrow": "↑",
        "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕", "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "rightharpoonup": "⇀",
        "leftharpoonup": "↼", "rightharpoondown": "⇁", "leftharpoondown": "↽",
        "rightleftharpoons": "⇌", "leadsto": "⇝", "rightsquigarrow": "⇝",
        "rightleftarrows": "⇄", "twoheadrightarrow": "↠",
    ]

    static let largeOperators: KeyValuePairs<String, String> = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭",
        "oint": "∮", "bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂",
        "bigodot": "⨀", "bigvee": "⋁", "bigwedge": "⋀", "biguplus": "⨄", "bigsqcup": "⨆",
    ]

    static let opening: KeyValuePairs<String, String> = [
        "{": "{", "lbrace": "{", "langle": "⟨", "lfloor": "⌊", "lceil": "⌈", "lvert": "|",
        "lVert": "‖", "lbrack": "[", "llbracket": "⟦",
    ]

    static let closing: KeyValuePairs<String, String> = [
        "}": "}", "rbrace": "}", "rangle": "⟩", "rfloor": "⌋", "rceil": "⌉", "rvert": "|",
        "rVert": "‖", "rbrack": "]", "rrbracket": "⟧",
    ]

    static let fences: KeyValuePairs<String, String> = ["|": "‖", "vert": "|", "Vert": "‖"]

    /// Integral signs, whose scripts sit beside them unless `\limits` says otherwise.
    static let integrals: Set<String> = ["∫", "∬", "∭", "∮"]

    /// `\not` before a relation: the negated relation, where Unicode has one.
    static let negated: [String: String] = [
        "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "≡": "≢", "∼": "≁", "≃": "≄",
        "≈": "≉", "≅": "≇", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉",
        "∣": "∤", "∥": "∦", "→": "↛", "←": "↚", "↔": "↮", "⇒": "⇏", "⇔": "⇎",
    ]
}
