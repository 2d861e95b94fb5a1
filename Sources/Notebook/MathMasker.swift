import Diagnostics

/// Finds the dollar-delimited math of a notebook and masks it before cmark parses the text,
/// so that `_`, `*` and `\{` inside math are never read as Markdown.
///
/// The rules are pandoc's `tex_math_dollars` plus GitHub's `` $`…`$ ``:
/// - `$…$` is inline math when the opening `$` has a non-space on its right, the closing
///   `$` a non-space on its left and no digit on its right (so `$20,000 and $30,000` is
///   text); a space followed by `$` inside ends the attempt;
/// - `$$…$$` is display math; it may span lines but not a blank line;
/// - `` $`…`$ `` is inline math whose content is taken literally;
/// - `\$` is a literal dollar; inside math `\` escapes the next character;
/// - `\eqref{label}` and `\ref{label}` in prose are read as math, as LaTeX authors write them.
///
/// Code is never scanned: code blocks and HTML blocks come from cmark's own parse, and
/// code spans are matched within their paragraph, as CommonMark does. Inline math stays
/// within one paragraph or heading; display math may run over what the first parse saw
/// as several blocks (a line `- x` inside `$$…$$` would otherwise start a list).
struct MathMasker {
    /// One math span found in the text.
    struct Span {
        /// The bytes of the span in the file, delimiters included.
        var range: SourceRange
        /// The TeX between the delimiters.
        var tex: SourceFragment
        /// `$$…$$`.
        var display: Bool
    }

    let file: SourceFile
    let bytes: [UInt8]
    /// Byte ranges of paragraphs and headings, sorted, with their block-quote depth.
    let leaves: [(range: Range<Int>, quoteDepth: Int)]
    /// Byte ranges to scan: runs of non-blank lines outside code and HTML blocks.
    let regions: [Range<Int>]

    init(file: SourceFile, text: String, blocks: [Markdown.SurveyedBlock]) {
        self.file = file
        self.bytes = Array(text.utf8)
        var excluded = Set<Int>()
        var leaves: [(Range<Int>, Int)] = []
        for block in blocks {
            switch block.kind {
            case .code, .html:
                excluded.formUnion(block.startLine...max(block.startLine, block.endLine))
            case .text:
                let start = file.offset(line: block.startLine, byteColumn: block.startColumn)
                let end = file.offset(line: block.endLine, byteColumn: block.endColumn + 1)
                leaves.append((start..<max(start, end), block.quoteDepth))
            }
        }
        self.leaves = leaves.sorted { $0.0.lowerBound < $1.0.lowerBound }
        var regions: [Range<Int>] = []
        var current: Range<Int>?
        for line in 1...file.lineStarts.count {
            let start = file.lineStarts[line - 1]
            let end = line < file.lineStarts.count ? file.lineStarts[line] : bytes.count
            let blank = bytes[start..<end].allSatisfy { " \t\r\n>".utf8.contains($0) }
            if excluded.contains(line) || blank {
                if let region = current { regions.append(region) }
                current = nil
            } else {
                current = (current?.lowerBound ?? start)..<end
            }
        }
        if let region = current { regions.append(region) }
        self.regions = regions
    }

    /// Every math span, in document order.
    func spans() -> [Span] {
        var spans: [Span] = []
        for region in regions {
            var i = region.lowerBound
            while i < region.upperBound {
                switch bytes[i] {
                case UInt8(ascii: "\\"):
                    if let span = equationReference(at: i) {
                        spans.append(span)
                        i = span.range.upperBound
                    } else {
                        i += i + 1 < region.upperBound && isASCIIPunctuation(bytes[i + 1]) ? 2 : 1
                    }
                case UInt8(ascii: "`"):
                    i = skipCodeSpan(at: i)
                case UInt8(ascii: "$"):
                    if let span = mathSpan(at: i, region: region) {
                        spans.append(span)
                        i = span.range.upperBound
                    } else {
                        i += bytes.count > i + 1 && bytes[i + 1] == UInt8(ascii: "$") ? 2 : 1
                    }
                default:
                    i += 1
                }
            }
        }
        return spans
    }

    /// The text with every span replaced by its placeholder (span number = index in `spans`).
    static func mask(_ text: String, spans: [Span], tokens: [String]) -> MaskedText {
        var result: [UInt8] = []
        var replacements: [MaskedText.Replacement] = []
        let bytes = Array(text.utf8)
        var position = 0
        for (span, token) in zip(spans, tokens) {
            result += bytes[position..<span.range.lowerBound]
            replacements.append(
                .init(masked: result.count, token: token.utf8.count, originalEnd: span.range.upperBound))
            result += Array(token.utf8)
            position = span.range.upperBound
        }
        result += bytes[position...]
        return MaskedText(text: String(decoding: result, as: UTF8.self), replacements: replacements)
    }

    // MARK: - Scanning

    private func mathSpan(at start: Int, region: Range<Int>) -> Span? {
        guard let leaf = leaf(containing: start) else { return nil }
        let next = start + 1 < bytes.count ? bytes[start + 1] : 0
        if next == UInt8(ascii: "$") {
            // Display: up to the next `$$` in the region.
            var k = start + 2
            while k + 1 < region.upperBound {
                if bytes[k] == UInt8(ascii: "\\") {
                    k += 2
                    continue
                }
                if bytes[k] == UInt8(ascii: "$"), bytes[k + 1] == UInt8(ascii: "$") {
                    guard k > start + 2 else { return nil }
                    return span(start..<(k + 2), content: (start + 2)..<k, display: true, depth: leaf.quoteDepth)
                }
                k += 1
            }
            return nil
        }
        if next == UInt8(ascii: "`") {
            // GitHub's $`…`$: a backtick run, literal content, the same run, then `$`.
            let run = backtickRun(at: start + 1)
            var k = start + 1 + run
            while k < leaf.range.upperBound {
                if bytes[k] == UInt8(ascii: "`") {
                    let closing = backtickRun(at: k)
                    if closing == run, k + run < bytes.count, bytes[k + run] == UInt8(ascii: "$") {
                        return span(
                            start..<(k + run + 1), content: (start + 1 + run)..<k, display: false,
                            depth: leaf.quoteDepth)
                    }
                    k += closing
                } else {
                    k += 1
                }
            }
            return nil
        }
        // Inline: pandoc's rules.
        guard start + 1 < leaf.range.upperBound, !isSpace(next) else { return nil }
        var k = start + 1
        while k < leaf.range.upperBound {
            let byte = bytes[k]
            if byte == UInt8(ascii: "\\") {
                k += 2
            } else if isSpace(byte) {
                var end = k
                while end < leaf.range.upperBound, isSpace(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "$") { return nil }
                k = end
            } else if byte == UInt8(ascii: "$") {
                if k + 1 < bytes.count, isDigit(bytes[k + 1]) { return nil }
                return span(start..<(k + 1), content: (start + 1)..<k, display: false, depth: leaf.quoteDepth)
            } else {
                k += 1
            }
        }
        return nil
    }

    /// `\eqref{label}` or `\ref{label}` written in prose, as LaTeX authors do: read as the
    /// inline math it means, so it becomes a link to the equation.
    private func equationReference(at start: Int) -> Span? {
        guard let leaf = leaf(containing: start) else { return nil }
        for command in ["\\eqref{", "\\ref{"] {
            let pattern = Array(command.utf8)
            guard start + pattern.count < leaf.range.upperBound,
                Array(bytes[start..<(start + pattern.count)]) == pattern
            else { continue }
            var k = start + pattern.count
            while k < leaf.range.upperBound, bytes[k] != UInt8(ascii: "}"), bytes[k] != UInt8(ascii: "\n") { k += 1 }
            guard k < leaf.range.upperBound, bytes[k] == UInt8(ascii: "}"), k > start + pattern.count else {
                return nil
            }
            return span(start..<(k + 1), content: start..<(k + 1), display: false, depth: leaf.quoteDepth)
        }
        return nil
    }

    /// After a backtick run: past its code span when a run of the same length closes it in
    /// the same paragraph, else just past the run (literal backticks).
    private func skipCodeSpan(at start: Int) -> Int {
        let run = backtickRun(at: start)
        guard let leaf = leaf(containing: start) else { return start + run }
        var k = start + run
        while k < leaf.range.upperBound {
            if bytes[k] == UInt8(ascii: "`") {
                let closing = backtickRun(at: k)
                if closing == run { return k + closing }
                k += closing
            } else {
                k += 1
            }
        }
        return start + run
    }

    private func span(_ range: Range<Int>, content: Range<Int>, display: Bool, depth: Int) -> Span {
        // Continuation lines lose the container prefix ("> ") that Markdown strips.
        var lines: [(text: Substring, fileOffset: Int)] = []
        var lineStart = content.lowerBound
        var k = content.lowerBound
        func slice(_ lower: Int, _ upper: Int) -> Substring {
            file.slice(SourceRange(lower, upper)).droppingCarriageReturn()
        }
        while k < content.upperBound {
            if bytes[k] == UInt8(ascii: "\n") {
                lines.append((slice(lineStart, k), lineStart))
                lineStart = skipQuotePrefix(from: k + 1, depth: depth, limit: content.upperBound)
            }
            k += 1
        }
        lines.append((slice(lineStart, content.upperBound), lineStart))
        return Span(
            range: SourceRange(range.lowerBound, range.upperBound),
            tex: SourceFragment(lines: lines, file: file), display: display)
    }

    private func skipQuotePrefix(from start: Int, depth: Int, limit: Int) -> Int {
        var k = start
        for _ in 0..<depth {
            var probe = k
            while probe < limit, bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t") {
                probe += 1
            }
            guard probe < limit, bytes[probe] == UInt8(ascii: ">") else { break }
            // The marker is `>` and one optional space, as CommonMark reads it.
            k = probe + 1 < limit && bytes[probe + 1] == UInt8(ascii: " ") ? probe + 2 : probe + 1
        }
        return k
    }

    private func leaf(containing offset: Int) -> (range: Range<Int>, quoteDepth: Int)? {
        var low = 0
        var high = leaves.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if leaves[mid].range.upperBound <= offset {
                low = mid + 1
            } else if leaves[mid].range.lowerBound > offset {
                high = mid - 1
            } else {
                return leaves[mid]
            }
        }
        return nil
    }

    private func backtickRun(at start: Int) -> Int {
        var k = start
        while k < bytes.count, bytes[k] == UInt8(ascii: "`") { k += 1 }
        return k - start
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte)
            || (123...126).contains(byte)
    }
}

extension Substring {
    fileprivate func droppingCarriageReturn() -> Substring {
        last == "\r" ? dropLast() : self
    }
}

/// A notebook's text with its math replaced by placeholders, and the way back from a
/// position in it to the same position in the notebook.
struct MaskedText {
    /// One span replaced by its token: where the token starts in the masked text, its
    /// length, and where the span ends in the notebook.
    struct Replacement {
        var masked: Int
        var token: Int
        var originalEnd: Int
    }

    /// The masked text.
    let text: String
    /// The replacements, in order.
    let replacements: [Replacement]
    /// The UTF-8 offset of each line of `text`.
    let lineStarts: [Int]

    init(text: String, replacements: [Replacement]) {
        self.text = text
        self.replacements = replacements
        var starts = [0]
        for (index, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    /// The notebook offset of a masked-text offset that is not inside a token.
    func originalOffset(_ offset: Int) -> Int {
        var low = 0
        var high = replacements.count
        while low < high {  // the first replacement ending after `offset`
            let mid = (low + high) / 2
            if replacements[mid].masked + replacements[mid].token <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let previous = replacements[low - 1]
        return previous.originalEnd + (offset - (previous.masked + previous.token))
    }

    /// The notebook offset of the start of (1-based) line `line` of the masked text.
    func originalOffset(ofLine line: Int) -> Int {
        originalOffset(lineStarts[max(0, min(line - 1, lineStarts.count - 1))])
    }
}
