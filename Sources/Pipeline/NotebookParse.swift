import Checks
import Diagnostics
import Notebook
import Setup

/// A notebook parsed once, before anything is evaluated: its Markdown (by cmark), every
/// math span and checked equation (by the TeX parser, with the notebook's macros), its gp
/// blocks (by the setup language's parser), and its checked equations read as computations
/// against the names the gp blocks define. Later stages use these values and never go back
/// to the text.
public struct NotebookParse: Sendable {
    /// The notebook's Markdown, front matter, cells and math spans.
    public let notebook: ParsedNotebook
    /// Its math, parsed and numbered.
    public let math: NotebookMath
    /// Its gp blocks, read and their names resolved.
    public let definitions: NotebookDefinitions
    /// The cells that are gp blocks, in order: gp block k is cell `setupCells[k]`.
    public let setupCells: [Int]
    /// The checks of each checked equation whose TeX could be read, by cell.
    public let readings: [Int: CheckCellReading]
    /// The cells that are code cells, in order: code cell k is cell `codeCells[k]`.
    public let codeCells: [Int]
    /// Problems in the code cells' options.
    public let codeDiagnostics: [Diagnostic]

    /// Parses `file`.
    public init(file: SourceFile) {
        let notebook = ParsedNotebook(file: file)
        let math = NotebookMath(notebook: notebook)
        let setupCells = notebook.cells.indices.filter { notebook.cells[$0].kind == .setup }
        var sources: [NotebookDefinitions.Source] = []
        var codeCells: [Int] = []
        var codeDiagnostics: [Diagnostic] = []
        for (index, cell) in notebook.cells.enumerated() {
            switch cell.kind {
            case .setup: sources.append(.gp(cell.code))
            case .code(let name):
                guard let language = CodeLanguage(rawValue: name) else { continue }
                let (code, found) = CodeCell.read(
                    cell.code, language: language, index: codeCells.count, range: cell.range)
                sources.append(.code(code))
                codeCells.append(index)
                codeDiagnostics += found
            case .check: break
            }
        }
        let definitions = NotebookDefinitions(sources: sources)
        var readings: [Int: CheckCellReading] = [:]
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .check {
            // A checked equation whose TeX has an error is reported once, by the TeX parser.
            guard let formula = math.cells[index], !formula.hasIssues else { continue }
            readings[index] = CheckCellReading(
                cell: index, fragment: cell.code, parsed: formula.parsed, names: definitions)
        }
        self.notebook = notebook
        self.math = math
        self.definitions = definitions
        self.setupCells = setupCells
        self.readings = readings
        self.codeCells = codeCells
        self.codeDiagnostics = codeDiagnostics
    }

    /// Every check of the notebook, in document order.
    public var checks: [PlannedCheck] {
        readings.keys.sorted().flatMap { readings[$0]?.checks ?? [] }
    }

    /// The position of cell `index` among the code cells, if it is one.
    public func codeCell(ofCell index: Int) -> Int? { codeCells.firstIndex(of: index) }

    /// The position of cell `index` among the gp blocks, if it is one.
    public func setupBlock(ofCell index: Int) -> Int? { setupCells.firstIndex(of: index) }
}
