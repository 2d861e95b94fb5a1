extension TeXNode {
    /// The tree as indented text, one node per line with its range — for golden tests and
    /// for reading what the parser made of a formula:
    ///
    /// ```
    /// row @0..10
    ///   scripts @0..10
    ///     base: symbol greek "λ" \lambda @0..7
    ///     sub: symbol letter "i" @8..9
    /// ```
    public func dump() -> String {
        var lines: [String] = []
        dump(into: &lines, indent: "", label: "")
        return lines.joined(separator: "\n") + "\n"
    }

    private func dump(into lines: inout [String], indent: String, label: String) {
        lines.append(indent + label + headline + " @\(range.lowerBound)..\(range.upperBound)")
        let inner = indent + "  "
        func child(_ node: TeXNode?, _ label: String) {
            node?.dump(into: &lines, indent: inner, label: label.isEmpty ? "" : label + ": ")
        }
        switch kind {
        case .symbol, .delimiter, .operatorName, .text, .space, .reference, .error: break
        case .row(let nodes), .group(let nodes): nodes.forEach { child($0, "") }
        case .scripts(let scripts):
            child(scripts.base, "base")
            child(scripts.sub, "sub")
            child(scripts.sup, "sup")
        case .fraction(let fraction):
            child(fraction.numerator, "numerator")
            child(fraction.denominator, "denominator")
        case .radical(let radical):
            child(radical.index, "index")
            child(radical.radicand, "radicand")
        case .fenced(let fenced): child(fenced.body, "body")
        case .font(_, let node), .style(_, let node), .color(_, let node), .phantom(_, let node): child(node, "")
        case .accent(let accent): child(accent.base, "base")
        case .stack(let stack):
            child(stack.base, "base")
            child(stack.over, "over")
            child(stack.under, "under")
        case .environment(let environment):
            for (row, cells) in environment.rows.enumerated() {
                for (column, cell) in cells.enumerated() { child(cell, "[\(row),\(column)]") }
            }
        }
    }

    /// The first line of a node: its kind and what it holds besides children.
    private var headline: String {
        switch kind {
        case .symbol(let symbol):
            let source = symbol.source == symbol.text ? "" : " " + symbol.source
            return "symbol \(symbol.kind.rawValue) \(quoted(symbol.text))\(source)"
        case .row: return "row"
        case .group: return "group"
        case .scripts(let scripts):
            var words = ["scripts"]
            if scripts.primes > 0 { words.append("primes=\(scripts.primes)") }
            if let limits = scripts.limits { words.append(limits ? "limits" : "nolimits") }
            return words.joined(separator: " ")
        case .fraction(let fraction): return "fraction \(fraction.command.rawValue)"
        case .radical: return "radical"
        case .fenced(let fenced): return "fenced \(describe(fenced.open)) \(describe(fenced.close))"
        case .delimiter(let delimiter): return "delimiter \(describe(delimiter))"
        case .operatorName(let name):
            return "operator \(quoted(name.name))\(name.limits ? " limits" : "") \(name.source)"
        case .font(let font, _): return "font \(font.rawValue)"
        case .text(let run): return "text \(quoted(run.text))" + (run.font.map { " \($0.rawValue)" } ?? "")
        case .accent(let accent): return "accent \(accent.command) \(quoted(accent.mark))"
        case .stack: return "stack"
        case .space(let space): return "space \(space.mu)mu"
        case .style(let style, _): return "style \(style.rawValue)"
        case .color(let color, _): return "color \(quoted(color))"
        case .phantom(let phantom, _): return "phantom \(phantom.rawValue)"
        case .environment(let environment):
            let columns = environment.columns.map { String($0.rawValue.prefix(1)) }.joined()
            return "environment \(environment.name)" + (environment.kind == nil ? " unknown" : "")
                + (columns.isEmpty ? "" : " columns=\(columns)")
        case .reference(let reference):
            return "reference \(reference.isParenthesized ? "eqref" : "ref") \(quoted(reference.label))"
        case .error(let text): return "error \(quoted(text))"
        }
    }

    private func describe(_ delimiter: Delimiter) -> String {
        let symbol = delimiter.symbol.map { quoted($0.text) } ?? "."
        let size = delimiter.size == .stretchy ? "" : " size=\(delimiter.size)"
        return "\(symbol) \(delimiter.role.rawValue)\(size)"
    }
}

extension TeXParseResult {
    /// The tree dump followed by the labels, tags, numbering and issues.
    public func dump() -> String {
        var text = root.dump()
        for label in labels {
            text +=
                "label \(quoted(label.name))" + (label.row.map { " row=\($0)" } ?? "")
                + " @\(label.range.lowerBound)..\(label.range.upperBound)\n"
        }
        for tag in tags {
            text +=
                "tag \(quoted(tag.text))\(tag.isStarred ? " starred" : "")" + (tag.row.map { " row=\($0)" } ?? "")
                + " @\(tag.range.lowerBound)..\(tag.range.upperBound)\n"
        }
        if isNumberingSuppressed { text += "numbering suppressed\n" }
        for issue in issues {
            text +=
                "issue \(issue.code.rawValue) @\(issue.range.lowerBound)..\(issue.range.upperBound): \(issue.message)\n"
        }
        return text
    }
}

/// `text` in double quotes, invisible characters written as `\u{…}`.
private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case " ": out += " "
        default:
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
                || scalar.properties.generalCategory == .control
            {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
