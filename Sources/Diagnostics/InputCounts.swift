import Foundation

/// How many times derive parsed, read or typeset each kind of input, counted at the one
/// place where each happens, so that tests can hold derive to one parse per input.
///
/// Counting is off unless a caller binds a counter for the work it wants counted:
///
/// ```swift
/// let counts = InputCounts()
/// InputCounts.$current.withValue(counts) { _ = pipeline.run(job) }
/// #expect(counts[.markdownDocument] == 1)
/// ```
public final class InputCounts: @unchecked Sendable {
    /// What is counted.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// cmark's parse of a notebook's raw text for its block structure (where code is).
        case markdownBlocks
        /// cmark's parse of a notebook's text with its math masked: the document.
        case markdownDocument
        /// A math span or checked equation parsed by the TeX parser.
        case texSpan
        /// A formula written as MathML.
        case mathML
        /// A gp block parsed by the setup language's parser.
        case setupBlock
        /// A data file read from disk.
        case dataFile
    }

    /// The counter the current task or thread records into, if any.
    @TaskLocal public static var current: InputCounts?

    private let lock = NSLock()
    private var counts: [Kind: Int] = [:]

    /// A counter at zero.
    public init() {}

    /// Adds one to `kind` of the current counter, when one is bound.
    public static func record(_ kind: Kind) {
        current?.add(kind)
    }

    /// How many times `kind` happened.
    public subscript(kind: Kind) -> Int {
        lock.withLock { counts[kind, default: 0] }
    }

    private func add(_ kind: Kind) {
        lock.withLock { counts[kind, default: 0] += 1 }
    }
}
