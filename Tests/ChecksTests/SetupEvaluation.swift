import Diagnostics
import Setup

/// `setup` as the one gp block of a notebook, evaluated.
func evaluatedSetup(_ setup: String) -> NotebookEvaluation {
    let text = "```gp\n\(setup)\n```\n"
    let file = SourceFile(path: "t.md", text: text)
    return NotebookEvaluation(blocks: [SourceFragment(text: setup, file: file, fileOffset: 6)])
}
