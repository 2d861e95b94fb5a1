extension Diagnostic {
    /// The diagnostic moved from offsets in a fragment's text (a setup block's body) to the
    /// file the fragment was cut from, notes included.
    public func located(in fragment: SourceFragment) -> Diagnostic {
        var copy = self
        copy.file = fragment.file
        copy.range = range.map { fragment.fileRange($0.lowerBound, $0.upperBound) }
        copy.notes = notes.map { note in
            Note(note.message, range: note.range.map { fragment.fileRange($0.lowerBound, $0.upperBound) })
        }
        return copy
    }
}
