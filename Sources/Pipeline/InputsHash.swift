import Foundation

/// The hash of everything a report is made from — the notebook's bytes, the data files it
/// reads, and derive's version — embedded in the report so that staleness is judged by
/// inputs, not by output bytes (which may differ in noise digits on another CPU).
public struct InputsHash: Sendable, Hashable, CustomStringConvertible {
    /// `sha256:` and 64 hex digits.
    public let value: String

    /// Hashes the notebook text and the data files (name and bytes, in the order given).
    public init(
        notebook: String, dataFiles: [(name: String, bytes: [UInt8])] = [], version: String = DeriveVersion.current
    ) {
        var hasher = SHA256()
        hasher.update("derive \(version)\n")
        hasher.update("notebook \(notebook.utf8.count)\n")
        hasher.update(notebook)
        for file in dataFiles.sorted(by: { $0.name < $1.name }) {
            hasher.update("\ndata \(file.name) \(file.bytes.count)\n")
            hasher.update(file.bytes)
        }
        value = "sha256:" + hasher.hexDigest()
    }

    /// A hash read back from a report.
    public init(value: String) { self.value = value }

    public var description: String { value }

    /// The meta tag that carries the hash in a report's head.
    public var metaTag: String { "<meta name=\"derive-inputs\" content=\"\(value)\">" }

    /// The hash embedded in a report's HTML, if any.
    public static func embedded(in html: String) -> InputsHash? {
        let marker = "<meta name=\"derive-inputs\" content=\""
        guard let start = html.range(of: marker)?.upperBound,
            let end = html[start...].firstIndex(of: "\"")
        else { return nil }
        return InputsHash(value: String(html[start..<end]))
    }
}
