import Diagnostics
import Foundation
import Setup
import TestSupport
import Testing

/// Every `Fixtures/syntax/NAME.gp` is parsed: a block without diagnostics must match
/// `NAME.tree` (the tree dump), a block with diagnostics `NAME.diagnostics` (rendered as a
/// terminal shows them, with `NAME.gp` as the file).
@Suite struct SetupParserGoldenTests {
    static let folder = golden.fixtures.appendingPathComponent("syntax")
    static let names = golden.inputs(in: "syntax", extension: "gp")

    @Test func theCorpusHasAtLeastFortyBlocks() {
        #expect(Self.names.count >= 40)
    }

    @Test(arguments: names)
    func blockMatchesItsGoldenFile(_ name: String) throws {
        let input = Self.folder.appendingPathComponent(name + ".gp")
        let text = try String(contentsOf: input, encoding: .utf8)
        let (block, diagnostics) = SetupParser.parse(text)
        let tree = Self.folder.appendingPathComponent(name + ".tree")
        let rendered = Self.folder.appendingPathComponent(name + ".diagnostics")
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        if Golden.recording {
            try? FileManager.default.removeItem(at: diagnostics.isEmpty ? rendered : tree)
        }
        if diagnostics.isEmpty {
            #expect(!exists(rendered), "\(name).gp now parses without diagnostics")
            golden.check(block.dump(), against: tree)
        } else {
            #expect(!exists(tree), "\(name).gp now has diagnostics")
            let file = SourceFile(path: "syntax/\(name).gp", text: text)
            let fragment = SourceFragment(text: text, file: file, fileOffset: 0)
            let located = diagnostics.map { $0.located(in: fragment) }
            golden.check(DiagnosticRenderer().render(located), against: rendered)
        }
    }

    @Test func everyGoldenFileHasItsInput() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let orphans = files.filter { file in
            (file.hasSuffix(".tree") || file.hasSuffix(".diagnostics"))
                && !Self.names.contains(String(file.prefix { $0 != "." }))
        }
        #expect(orphans == [])
    }
}
