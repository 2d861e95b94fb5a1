import Diagnostics
import Setup
import TeX

/// What the equation reader needs to know of a notebook's definitions.
public protocol CheckNames {
    /// The kind of a canonical name, nil when the notebook defines no such name.
    func checkKind(of name: String) -> CheckNameKind?
    /// Every name a check may use, for did-you-mean.
    var checkNames: [String] { get }
}

/// How a name can be used in an equation.
public enum CheckNameKind: Sendable, Hashable {
    /// A value (`let` or `param`): used as is, or with subscripts for entries.
    case value
    /// An indexed family (`let D[i] = …`) with this many indices.
    case family(arity: Int)
    /// A function of the notebook (`let k(x, y) = …`) or a builtin, called with parentheses.
    case function
}

/// A choice of grouping that mattered: `A λ⁻² D ∘ K` was read as `A · λ⁻² · (D ∘ K)` (the
/// elementwise product binds tighter) but could be meant as `((A · λ⁻² · D) ∘ K)`. The
/// checker evaluates both and warns when they differ.
public struct GroupingChoice: Sendable, Hashable {
    /// The reading used.
    public var used: CheckExpression
    /// The reading strictly left to right.
    public var alternative: CheckExpression
    /// The term in question.
    public var range: SourceRange
}

/// Reads the TeX of a ```` ```math check ```` block as equations to compute.
///
/// The grammar, over the atoms of the parsed TeX (brackets matched first by `TeXItems`, so
/// a script on `)` applies to the whole group):
///
/// ```
/// block      := line+                     rows of aligned/align*/equation: `\\` and `&`
/// line       := side ("=" side)+          each `=` a check; a row `&= …` continues the chain
/// side       := sum                       trailing punctuation dropped
/// sum        := ["-"] term (("+" | "-") term)*
/// term       := group (("·" | juxtaposition | "/") group)*         left to right
/// group      := factor (("∘" | "⊙" | "*") factor)*                 binds tighter
/// factor     := names | bracket scripts | number | fraction | radical | fenced
///             | operator operand | "∂" factor "/" "∂" variable | "∑" sub sup term
///             | factor "|"_{held}                                  evaluated at
/// names      := the longest defined run of letters, each with its scripts; the rest a product
/// operand    := "(" sum ")" | "[" sum "]" | factor                  an operator's argument
/// fraction   := \frac{"∂" names}{"∂" variable} | \frac{"∂"}{"∂" variable} operand
///             | \frac{sum}{sum}
/// variable   := ["\ln" | "\log"] name [subscript]
/// scripts    := "^" ("\top" | "T" | "-1" | side) and "_" indices
/// ```
///
/// - Juxtaposition and `\cdot` multiply (the matrix product by shape, scaling for scalars);
///   `\circ`, `\odot` and `*` are elementwise and bind tighter; `/` and `\frac` divide.
///   Where the left-to-right reading would give another value, the grouping is recorded
///   (`groupings`) for the checker to test and warn about.
/// - An operator (`\operatorname{tr}`, `\log`, `\frac{\partial}{\partial s}`) takes its
///   parenthesised group if one follows, else the next factor.
/// - Names resolve against the notebook's definitions (`resolve(_:subscript:)`, the one rule):
///   Greek commands are their letters; a defined name with its subscript (`K_y`, `\sigma_f`)
///   wins over indexing, a defined multi-letter run (`\ell\ell`) over a product.
/// - A subscript letter that is not a defined name is a free index; a number a fixed one.
///
/// Offsets in the result are UTF-8 offsets in the TeX; diagnostics carry no file (the caller
/// places them with `located(in:)`). The functions of the reader take their items from an
/// `ItemCursor`.
public struct EquationReader {
    let names: any CheckNames
    /// Problems found, one per root cause.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Groupings that could matter, for the checker to test.
    public internal(set) var groupings: [GroupingChoice] = []

    /// A reader against the given definitions.
    public init(names: any CheckNames) {
        self.names = names
    }

    /// The equations of a parsed check block.
    public mutating func read(_ parsed: TeXParseResult) -> [CheckEquation] {
        var equations: [CheckEquation] = []
        for line in lines(of: parsed.root) {
            do {
                let (sides, relations) = try readChain(line.cells, continuing: line.continues && !equations.isEmpty)
                if line.continues, !equations.isEmpty {
                    equations[equations.count - 1].sides.append(contentsOf: sides)
                    equations[equations.count - 1].relations.append(contentsOf: relations)
                    equations[equations.count - 1].range = equations[equations.count - 1].range.union(line.range)
                } else if sides.count >= 2 {
                    equations.append(CheckEquation(sides: sides, relations: relations, range: line.range))
                } else if !sides.isEmpty {
                    diagnostics.append(
                        .error(
                            "a checked equation needs an '='", range: line.range,
                            help: "write the claim as 'left = right'; every '=' of a chain is checked"))
                }
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        if equations.isEmpty && diagnostics.isEmpty {
            diagnostics.append(
                .error("the check block holds no equation", range: parsed.root.range, help: "write 'left = right'"))
        }
        return equations
    }

    // MARK: - Lines and chains

    /// One line of a display: its atoms, and whether it continues the previous chain
    /// (an `aligned` row whose first cell is empty: `&= …`).
    struct Line {
        var cells: [TeXNode]
        var continues: Bool
        var range: SourceRange
    }

    private func lines(of root: TeXNode) -> [Line] {
        let atoms = Self.atoms(of: root)
        if atoms.count == 1, case .environment(let environment) = atoms[0].kind,
            environment.kind.map({
                [.aligned, .align, .alignStar, .split, .gathered, .gather, .gatherStar, .equation, .equationStar]
                    .contains($0)
            }) ?? true
        {
            return environment.rows.compactMap { cells in
                let nodes = cells.flatMap { Self.atoms(of: $0) }
                guard !nodes.isEmpty else { return nil }
                let firstEmpty = cells.count > 1 && Self.atoms(of: cells[0]).isEmpty
                let range = nodes.dropFirst().reduce(nodes[0].range) { $0.union($1.range) }
                return Line(cells: nodes, continues: firstEmpty, range: range)
            }
        }
        return [Line(cells: atoms, continues: false, range: root.range)]
    }

    /// The atoms of a row, spaces and style switches dropped.
    static func atoms(of node: TeXNode) -> [TeXNode] {
        switch node.kind {
        case .row(let nodes): nodes.flatMap { atoms(of: $0) }
        case .space: []
        case .style(_, let inner), .color(_, let inner): atoms(of: inner)
        default: [node]
        }
    }

    /// The sides of a chain `a = b = c` and where each `=` is; a continuing row starts with
    /// `=`, so its first side is an empty placeholder (and its first `=` joins the last side
    /// of the row above).
    private mutating func readChain(_ nodes: [TeXNode], continuing: Bool) throws(ReadError) -> (
        sides: [CheckExpression], relations: [SourceRange]
    ) {
        var sides: [[TeXNode]] = [[]]
        var relations: [SourceRange] = []
        for node in nodes {
            if case .symbol(let symbol) = node.kind, symbol.kind == .relation {
                guard symbol.text == "=" else {
                    throw ReadError(
                        "only '=' can be checked, not '\(symbol.text)'", node.range,
                        help: "write the claim as an equality; derive judges every '='")
                }
                relations.append(node.range)
                sides.append([])
            } else {
                sides[sides.count - 1].append(node)
            }
        }
        var result: [CheckExpression] = []
        for (index, side) in sides.enumerated() {
            var atoms = side
            // Punctuation that ends a displayed equation is not part of it.
            while let last = atoms.last, case .symbol(let symbol) = last.kind,
                symbol.kind == .punctuation || symbol.text == "."
            {
                atoms.removeLast()
            }
            if atoms.isEmpty {
                if index == 0 && continuing { continue }
                let at = side.first?.range ?? nodes.first?.range ?? SourceRange(0, 0)
                throw ReadError("a side of '=' is empty", at, help: "write something on both sides of every '='")
            }
            result.append(try readSide(atoms))
        }
        return (result, relations)
    }

    /// One side: its atoms read as a sum.
    mutating func readSide(_ atoms: [TeXNode]) throws(ReadError) -> CheckExpression {
        let items: [TeXItem]
        do {
            items = try TeXItems.items(atoms)
        } catch {
            throw ReadError(
                "unmatched '\(error.text)'", error.range, help: "every bracket needs its partner on the same side")
        }
        return try readSum(items[...])
    }
}

/// A problem while reading, thrown to the equation level.
struct ReadError: Error {
    var diagnostic: Diagnostic

    init(_ message: String, _ range: SourceRange, help: String? = nil) {
        diagnostic = .error(message, range: range, help: help)
    }
}
