/// Text cut out of a source file — the body of a fenced block, the TeX of a math span —
/// that remembers where each of its lines came from, so that a parser working on the
/// fragment can report positions in the file.
///
/// Each line of the fragment must be a contiguous run of bytes of one line of the file
/// (the container prefixes `> ` or list indentation that Markdown strips are simply not
/// part of it).
public struct SourceFragment: Sendable, Hashable {
    /// The fragment's text, as its parser sees it.
    public let text: String
    /// The file it was cut from.
    public let file: SourceFile
    /// For each line of `text`: its UTF-8 offset in `text` and in the file.
    public let lineStarts: [LineStart]

    /// Where one line of the fragment starts, in the fragment and in the file.
    public struct LineStart: Sendable, Hashable {
        /// UTF-8 offset of the line in the fragment.
        public let fragmentOffset: Int
        /// UTF-8 offset of the same byte in the file.
        public let fileOffset: Int

        /// Pairs the two offsets of one line start.
        public init(fragmentOffset: Int, fileOffset: Int) {
            self.fragmentOffset = fragmentOffset
            self.fileOffset = fileOffset
        }
    }

    /// A fragment whose lines start at the given pairs of offsets.
    public init(text: String, file: SourceFile, lineStarts: [LineStart]) {
        self.text = text
        self.file = file
        self.lineStarts = lineStarts.isEmpty ? [LineStart(fragmentOffset: 0, fileOffset: 0)] : lineStarts
    }

    /// A fragment that is one contiguous run of the file starting at `fileOffset`.
    public init(text: String, file: SourceFile, fileOffset: Int) {
        self.init(text: text, file: file, lineStarts: [LineStart(fragmentOffset: 0, fileOffset: fileOffset)])
    }

    /// A fragment made of the given lines of the file: each element is the line's text and
    /// the file offset at which that text starts. Lines are joined with `\n`.
    public init(lines: [(text: Substring, fileOffset: Int)], file: SourceFile) {
        var text = ""
        var starts: [LineStart] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { text += "\n" }
            starts.append(LineStart(fragmentOffset: text.utf8.count, fileOffset: line.fileOffset))
            text += line.text
        }
        self.init(text: text, file: file, lineStarts: starts)
    }

    /// The file offset of a UTF-8 offset in the fragment.
    public func fileOffset(_ offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid].fragmentOffset <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        return start.fileOffset + (offset - start.fragmentOffset)
    }

    /// The file range of a range of UTF-8 offsets in the fragment.
    public func fileRange(_ lower: Int, _ upper: Int) -> SourceRange {
        SourceRange(fileOffset(lower), fileOffset(max(lower, upper)))
    }

    /// The file range covered by the whole fragment.
    public var fileRange: SourceRange { fileRange(0, text.utf8.count) }
}
