import ArgumentParser
import Foundation

/// `derive init`: a starter notebook and a workflow that checks it, never over a file that is
/// already there.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a repository: a notebook whose checks pass, and a GitHub Actions workflow.",
        discussion: """
            Writes notebooks/rbf-chain-rule.md and .github/workflows/derive.yml (which runs \
            derive's GitHub Action) into the folder. A file that is already there is left as it \
            is and named as skipped.
            """)

    @Argument(help: "The folder to fill (created if missing).")
    var directory = "."

    func run() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            Terminal.sayOnStderr("\(directory): error: not a folder")
            throw ExitCode(64)
        }
        var created = 0
        for file in StarterFiles.files {
            let path = directory == "." ? file.path : (directory as NSString).appendingPathComponent(file.path)
            do {
                switch try StarterFiles.create(path, text: file.text) {
                case .created:
                    print("created \(path)")
                    created += 1
                case .skipped:
                    print("skipped \(path): it exists")
                }
            } catch {
                Terminal.sayOnStderr("\(error)")
                throw ExitCode(1)
            }
        }
        if created > 0 {
            let into = directory == "." ? "" : "cd \(directory) && "
            print("next: \(into)derive check && derive render (the reports go to output/)")
        }
    }
}
