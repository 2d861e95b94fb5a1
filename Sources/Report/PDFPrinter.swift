import Foundation
import Pipeline

/// Prints a report's page to PDF with headless Chromium, for pull-request reviews: GitHub
/// takes a PDF as an attachment, not an HTML file.
///
/// The browser is `$DERIVE_CHROMIUM`, else the first of `chromium`, `chromium-browser`,
/// `google-chrome` on the `PATH`. It prints without the header and footer Chromium would
/// otherwise stamp on every page (the date and the `file://` path), with the network off,
/// a throw-away profile, `--no-sandbox` only when running as root (the sandbox refuses
/// root), and a time limit. Everything it makes stays in a temporary folder; the session
/// writes the PDF beside its report (`format`). A PDF carries its creation date, so unlike
/// the report it is not byte-stable.
///
/// ```swift
/// let printer = try PDFPrinter.find()
/// let pdf = try printer.pdf(ofPage: ReportPage(run: run, options: options).html())
/// session.render(…, alsoAs: [printer.format], …)  // output/NAME.pdf beside output/NAME.html
/// ```
public struct PDFPrinter: Sendable {
    /// A failure to find the browser or to print, with what to do about it.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, lower case, with the fix where one is known.
        public let message: String
        public var description: String { message }
    }

    /// The browser's executable.
    public let executable: String
    /// How long one page may take to print.
    public var timeLimit: TimeInterval

    /// The names looked for on the `PATH`, in order.
    public static let candidates = ["chromium", "chromium-browser", "google-chrome"]

    /// A printer with the browser at `executable`.
    public init(executable: String, timeLimit: TimeInterval = 60) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// The browser named by `DERIVE_CHROMIUM`, or the first candidate on the `PATH`.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure)
        -> PDFPrinter
    {
        if let named = environment["DERIVE_CHROMIUM"], !named.isEmpty {
            guard let path = executablePath(named, in: environment) else {
                throw Failure(message: "DERIVE_CHROMIUM names '\(named)', which is not an executable")
            }
            return PDFPrinter(executable: path)
        }
        for name in candidates {
            if let path = executablePath(name, in: environment) { return PDFPrinter(executable: path) }
        }
        throw Failure(
            message: "--pdf needs headless Chromium, and none was found ("
                + candidates.map { "'\($0)'" }.joined(separator: ", ")
                + "): install Debian's 'chromium' package (apt-get install chromium), or set DERIVE_CHROMIUM "
                + "to a Chromium or Chrome")
    }

    /// The PDF as a format of the session: a file `NAME.pdf` beside each report `NAME.html`,
    /// printed from its page; a failure is an error of the render stage on the PDF's path.
    public var format: PageFormat {
        PageFormat(pathExtension: "pdf") { html, path throws(StageError) in
            do throws(Failure) {
                return try pdf(ofPage: html)
            } catch {
                throw StageError(.render, path: path, error.message)
            }
        }
    }

    /// The PDF of the page `html`, printed from a temporary copy.
    public func pdf(ofPage html: String) throws(Failure) -> Data {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("derive-chromium-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        let pdf = folder.appendingPathComponent("page.pdf")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw Failure(message: "cannot write the page to print in \(folder.path): \(error.localizedDescription)")
        }
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--no-pdf-header-footer", "--print-to-pdf-no-header", "--print-to-pdf=\(pdf.path)",
        ]
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(page.absoluteString)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot start '\(executable)': \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw Failure(message: "'\(executable)' did not print the report within \(Int(timeLimit)) s")
        }
        guard process.terminationStatus == 0, let bytes = manager.contents(atPath: pdf.path) else {
            throw Failure(
                message: "'\(executable)' could not print the report (exit status \(process.terminationStatus))")
        }
        return bytes
    }

    private static func executablePath(_ name: String, in environment: [String: String]) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = (String(directory) as NSString).appendingPathComponent(name)
            if manager.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
