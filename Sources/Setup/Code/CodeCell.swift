import Diagnostics
import Foundation

/// The language of a code cell: the fence's info string.
public enum CodeLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// ```` ```python ````: run by a Python interpreter with numpy.
    case python
    /// ```` ```swift ````: compiled with `swiftc -O` against derive's runtime.
    case swift

    /// The marker of an option line: `#|` in Python, `//|` in Swift.
    public var optionMarker: String { self == .python ? "#|" : "//|" }
    /// The name users read: "Python", "Swift".
    public var displayName: String { self == .python ? "Python" : "Swift" }
}

/// A name a code cell reads or defines: the gp name (canonical, as the rest of the notebook
/// and every checked equation spell it) and the identifier the code uses for it.
public struct CodeName: Sendable, Hashable, Codable {
    /// The canonical gp name: `theta` and `θ` are both `θ`.
    public var name: String
    /// The identifier in the cell's language: as written, except that Python's NFKC applies
    /// (`ℓ` is `l` in Python), or the name after `as`.
    public var identifier: String
    /// Where the name is written in the notebook.
    public var range: SourceRange
    /// Whether a defined name is declared as a family (`G[i]`): the cell's 3-D array, indexed
    /// by its last axis.
    public var isFamily: Bool

    /// A name.
    public init(name: String, identifier: String, range: SourceRange, isFamily: Bool = false) {
        self.name = name
        self.identifier = identifier
        self.range = range
        self.isFamily = isFamily
    }
}

/// A ```` ```python ```` or ```` ```swift ```` cell of a notebook, read but not run: its
/// language, its code, and the options at its top that say what it reads and defines.
///
/// ```python
/// #| reads: X, θ
/// #| defines: K, G
/// K, G = RBF(np.exp(θ))(X, eval_gradient=True)
/// ```
///
/// Options (`#|` in Python, `//|` in Swift, before the first line of code):
/// `reads` and `defines` (comma-separated names, each optionally `name as identifier`),
/// `echo` and `results` (as for gp blocks) and `eval` (`false`: the cell is only shown).
public struct CodeCell: Sendable, Hashable {
    /// The cell's position among the notebook's code cells of any language (0-based).
    public var index: Int
    /// Python or Swift.
    public var language: CodeLanguage
    /// The cell's body (options included), mapped into the notebook.
    public var fragment: SourceFragment
    /// The whole block in the notebook, fences included.
    public var range: SourceRange
    /// The names the cell reads, in the order declared.
    public var reads: [CodeName]
    /// The names the cell defines, in the order declared.
    public var defines: [CodeName]
    /// Whether the report shows the code (`echo: false` hides it).
    public var echo: Bool
    /// Whether the report shows what the cell defined (`results: false` hides it).
    public var showsResults: Bool
    /// Whether the cell runs (`eval: false` only shows it).
    public var evaluates: Bool

    /// The code, as the cell's text.
    public var source: String { fragment.text }

    /// The 1-based line of the notebook where content line `k` (0-based) of the cell is.
    public func notebookLine(ofCellLine k: Int) -> Int {
        let offset = fragment.fileOffset(
            fragment.lineStarts.indices.contains(k) ? fragment.lineStarts[k].fragmentOffset : 0)
        return fragment.file.location(of: offset).line
    }
}
