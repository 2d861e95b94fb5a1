/// A text file as the user wrote it, with the index needed to turn byte offsets into
/// `line:column` positions.
///
/// Offsets are UTF-8 byte offsets into `text`. Lines and columns are 1-based; a column
/// counts Unicode scalars, so `λ` is one column wide, as an editor shows it.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user named it (shown in diagnostics, never resolved again).
    public let path: String
    /// The whole text of the file.
    public let text: String
    /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Indexes `text`, read from the file at `path`.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The number of lines (a final newline does not start another line of text).
    public var lineCount: Int {
        lineStarts.count > 1 && lineStarts.last == text.utf8.count
            ? lineStarts.count - 1 : lineStarts.count
    }

    /// The 1-based line and column of a UTF-8 offset (clamped to the text).
    public func location(of offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, text.utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let position = utf8.index(utf8.startIndex, offsetBy: offset)
        let column = text.unicodeScalars[lineStart..<position].count + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end =
            number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
            end = utf8.index(before: end)
        }
        return text[start..<end]
    }

    /// The UTF-8 offset of a 1-based line and a 1-based *byte* column, as libcmark reports
    /// source positions.
    public func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return text.utf8.count }
        return min(lineStarts[line - 1] + max(byteColumn - 1, 0), text.utf8.count)
    }

    /// The text between two UTF-8 offsets.
    public func slice(_ range: SourceRange) -> Substring {
        let utf8 = text.utf8
        let count = utf8.count
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.upperBound, count)))
        return text[lower..<max(lower, upper)]
    }
}

/// A 1-based line and column (in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, counted in Unicode scalars.
    public let column: Int

    /// A position at `line:column`.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 offsets into a `SourceFile`.
public struct SourceRange: Sendable, Hashable, Codable {
    /// The first byte of the range.
    public var lowerBound: Int
    /// One past the last byte of the range (equal to `lowerBound` for a point).
    public var upperBound: Int

    /// The bytes `lowerBound..<upperBound`.
    public init(_ lowerBound: Int, _ upperBound: Int) {
        self.lowerBound = lowerBound
        self.upperBound = max(lowerBound, upperBound)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(lowerBound, other.lowerBound), max(upperBound, other.upperBound))
    }
}
