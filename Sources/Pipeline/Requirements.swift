import Diagnostics
import Foundation
import Notebook
import Setup

/// The pinned requirements of a notebook's code (`requirements: requirements.txt` in its front
/// matter, a path relative to the notebook's folder): their bytes are part of the inputs hash
/// and of every cached check, so changing a pin makes the report stale. The versions the code
/// actually ran with are shown in the report's footer but hashed nowhere, so a report does not
/// go stale because CI's numpy is a patch release newer.
struct Requirements {
    /// The file, read, when the front matter names one that could be read.
    var file: DataFile?
    /// A requirements file that cannot be read, or that lies outside the notebook's folder.
    var diagnostics: [Diagnostic] = []

    static func read(_ notebook: ParsedNotebook) -> Requirements {
        guard let path = notebook.frontMatter["requirements"] else { return Requirements() }
        let fileRange = notebook.frontMatter.range
        let folder = Pipeline.folder(of: notebook.file.path)
        let full = (folder as NSString).appendingPathComponent(path)
        let resolvedFolder = (folder as NSString).resolvingSymlinksInPath
        let resolved = (full as NSString).resolvingSymlinksInPath
        guard !path.hasPrefix("/"), resolved.hasPrefix(resolvedFolder + "/") || resolvedFolder == "/" else {
            return Requirements(diagnostics: [
                .error(
                    "the requirements file '\(path)' is outside the notebook's folder", file: notebook.file,
                    range: fileRange, help: "name a file beside the notebook or below its folder")
            ])
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            return Requirements(diagnostics: [
                .error(
                    "cannot read the requirements file '\(path)'", file: notebook.file, range: fileRange,
                    help: "the path is relative to the notebook's folder")
            ])
        }
        return Requirements(file: DataFile(path: path, bytes: [UInt8](data)))
    }
}
