import Diagnostics

extension MathMLWalker {
    /// Writes one node as exactly one element.
    mutating func visit(_ node: TeXNode, _ context: Context) {
        switch node.kind {
        case .symbol(let symbol): writeSymbol(symbol, context, form: nil)
        case .row(let nodes), .group(let nodes): visitSequence(nodes, context)
        case .scripts(let scripts): writeScripts(scripts, context)
        case .fraction(let fraction): writeFraction(fraction, context)
        case .radical(let radical):
            if let index = radical.index {
                out.open("mroot")
                visit(radical.radicand, context)
                visit(index, context)
                out.close("mroot")
            } else {
                out.open("msqrt")
                writeSequence(Self.children(of: radical.radicand), context, after: nil)
                out.close("msqrt")
            }
        case .fenced(let fenced): writeFenced(fenced, context)
        case .delimiter(let delimiter): writeDelimiter(delimiter)
        case .operatorName(let name): writeIdentifier(name.name, Context(font: .roman))
        case .font(let font, let inner): visit(inner, Context(font: font))
        case .text(let run):
            var text = run.font.map { MathAlphabet.map(run.text, in: $0) } ?? run.text
            if text.first == " " { text = "\u{A0}" + text.dropFirst() }
            if text.last == " " { text = text.dropLast() + "\u{A0}" }
            out.leaf("mtext", text: text)
        case .accent(let accent): writeAccent(accent, context)
        case .stack(let stack):
            let element =
                stack.over != nil && stack.under != nil ? "munderover" : stack.over != nil ? "mover" : "munder"
            out.open(element)
            visit(stack.base, context)
            if let under = stack.under { visit(under, context) }
            if let over = stack.over { visit(over, context) }
            out.close(element)
        case .space(let space): out.empty("mspace", [("width", Self.em(mu: space.mu))])
        case .style(let style, let inner):
            out.open("mstyle", Self.attributes(of: style))
            visit(inner, context)
            out.close("mstyle")
        case .color(let color, let inner):
            guard Self.isColor(color) else { return visit(inner, context) }
            out.open("mstyle", [("mathcolor", color)])
            visit(inner, context)
            out.close("mstyle")
        case .phantom(let phantom, let inner): writePhantom(phantom, inner, context)
        case .environment(let environment): writeEnvironment(environment, context)
        case .reference(let reference): writeReference(reference, node: node)
        case .error(let text):
            out.open("merror")
            out.leaf("mtext", text: text)
            out.close("merror")
        }
    }

    /// The nodes of a row or group, or the node alone.
    static func children(of node: TeXNode) -> [TeXNode] {
        switch node.kind {
        case .row(let nodes), .group(let nodes): nodes
        default: [node]
        }
    }

    /// A symbol as `<mi>`, `<mn>` or `<mo>`. Plain fences do not stretch; `|` and `‖` get
    /// the form their class says, since their dictionary entries differ by form.
    mutating func writeSymbol(_ symbol: TeXSymbol, _ context: Context, form: String?) {
        switch symbol.kind {
        case .letter, .greek:
            writeIdentifier(symbol.text, context)
        case .number:
            out.leaf("mn", text: context.font.map { MathAlphabet.map(symbol.text, in: $0) } ?? symbol.text)
        case .ordinary where !Self.operatorLike.contains(symbol.text):
            writeIdentifier(symbol.text, context)
        default:
            var attributes: [(String, String)] = form.map { [("form", $0)] } ?? []
            let isBar = symbol.text == "|" || symbol.text == "‖"
            if isBar, form == nil, symbol.kind == .open { attributes.append(("form", "prefix")) }
            if isBar, form == nil, symbol.kind == .close { attributes.append(("form", "postfix")) }
            if symbol.kind == .fence || symbol.text == "/" || symbol.text == "\\" {
                attributes += [("lspace", "0em"), ("rspace", "0em")]
            }
            if symbol.text == ":" {
                // The dictionary spaces `:` as punctuation; TeX's `:` is a relation, `\colon` punctuation.
                let left = symbol.kind == .relation ? "0.2778em" : "0em"
                attributes += [("lspace", left), ("rspace", symbol.kind == .relation ? "0.2778em" : "0.1667em")]
            }
            if [.open, .close, .fence].contains(symbol.kind) || symbol.text == "/" || symbol.text == "\\"
                || Self.verticalArrows.contains(symbol.text)
            {
                attributes.append(("stretchy", "false"))
            }
            out.leaf("mo", attributes, text: symbol.text)
        }
    }

    /// Arrows that the dictionary makes stretch vertically; as symbols they keep their size.
    static let verticalArrows: Set<String> = ["↑", "↓", "↕", "⇑", "⇓", "⇕"]

    /// Ordinary symbols written as operators rather than identifiers.
    static let operatorLike: Set<String> = [
        "/", "\\", "!", "∀", "∃", "∄", "¬", "′", "″", "‴", "⁗", "?",
    ]

    /// An identifier in the current alphabet. Upright identifiers of one letter that MathML
    /// would slant (Latin and Greek letters, ∂, ∇) get `mathvariant="normal"`.
    mutating func writeIdentifier(_ text: String, _ context: Context) {
        var text = text
        var upright = false
        if let font = context.font {
            if font == .roman { upright = true } else { text = MathAlphabet.map(text, in: font) }
        } else {
            upright = text.unicodeScalars.count == 1 && text.unicodeScalars.allSatisfy(Self.isUprightByDefault)
        }
        let slanted = text.unicodeScalars.count == 1 && text.unicodeScalars.allSatisfy(Self.isSlantedByMathML)
        out.leaf("mi", upright && slanted ? [("mathvariant", "normal")] : [], text: text)
    }

    /// Capital Greek and ∇, which TeX sets upright.
    static func isUprightByDefault(_ scalar: Unicode.Scalar) -> Bool {
        (0x391...0x3A9).contains(scalar.value) || scalar == "ϴ" || scalar == "∇"
    }

    /// The characters MathML Core slants in a one-character `<mi>` (its italic mapping).
    static func isSlantedByMathML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x391...0x3A9, 0x3B1...0x3C9, 0x131, 0x237: true
        default: "ϴ∇∂ϵϑϰϕϱϖ".unicodeScalars.contains(scalar)
        }
    }

    /// Width in em of a space in mu (18 mu = 1 em), to four decimals.
    static func em(mu: Int) -> String {
        let tenThousandths = Int((Double(abs(mu)) * 10000 / 18).rounded())
        var fraction = String(tenThousandths % 10000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let number = String(tenThousandths / 10000) + (fraction.isEmpty ? "" : "." + fraction)
        return (mu < 0 ? "-" : "") + number + "em"
    }

    static func attributes(of style: MathStyle) -> [(String, String)] {
        switch style {
        case .display: [("displaystyle", "true"), ("scriptlevel", "0")]
        case .text: [("displaystyle", "false"), ("scriptlevel", "0")]
        case .script: [("displaystyle", "false"), ("scriptlevel", "1")]
        case .scriptScript: [("displaystyle", "false"), ("scriptlevel", "2")]
        }
    }

    /// A colour name (`red`) or `#rgb` / `#rrggbb`; anything else is ignored.
    static func isColor(_ text: String) -> Bool {
        if text.hasPrefix("#") {
            let digits = text.dropFirst()
            return [3, 6].contains(digits.count) && digits.allSatisfy(\.isHexDigit)
        }
        return !text.isEmpty && text.count <= 32 && text.allSatisfy { $0.isASCII && $0.isLetter }
    }

    private mutating func writePhantom(_ phantom: Phantom, _ inner: TeXNode, _ context: Context) {
        switch phantom {
        case .full: break
        case .horizontal: out.open("mpadded", [("height", "0"), ("depth", "0")])
        case .vertical: out.open("mpadded", [("width", "0")])
        }
        out.open("mphantom")
        visit(inner, context)
        out.close("mphantom")
        if phantom != .full { out.close("mpadded") }
    }

    private mutating func writeReference(_ reference: Reference, node: TeXNode) {
        guard let target = writer.resolveLabel(reference.label) else {
            // Reported by `MathMLWriter.unresolvedReferences(in:)`, before anything is written.
            out.leaf("mtext", text: reference.isParenthesized ? "(??)" : "??")
            return
        }
        out.open("mtext")
        out.open("a", [("href", "#" + target.anchor)])
        out.text(reference.isParenthesized ? "(\(target.number))" : target.number)
        out.close("a")
        out.close("mtext")
    }
}
