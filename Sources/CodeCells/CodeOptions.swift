import Foundation

/// How code cells may run: whether at all, with which interpreter and compiler, and the limits
/// that keep a notebook's code from running the machine out.
public struct CodeOptions: Sendable, Hashable {
    /// Whether code cells run (`--allow-code` or `DERIVE_ALLOW_CODE=1`); without it nothing a
    /// code cell defines has a value, and every check that needs one is not run.
    public var allowed: Bool
    /// The Python interpreter: a path, or a name looked up on `PATH` (`DERIVE_PYTHON`, default
    /// `python3`).
    public var python: String
    /// The Swift compiler, likewise (`DERIVE_SWIFTC`, default `swiftc`).
    public var swiftc: String
    /// Seconds one run of a cell may take; default 30.
    public var runTimeLimit: Double
    /// Seconds a notebook's code may take in all, starting processes and compiling included;
    /// default 300.
    public var notebookTimeLimit: Double
    /// The largest message a code process may send, in bytes (its outputs); default 256 MiB.
    public var outputLimit: Int
    /// The most characters of printed text kept per run, and of a process's own output; default 65 536.
    public var printedLimit: Int
    /// Environment variables passed to code processes besides `PATH`, `HOME` and the locale.
    public var passedEnvironment: [String]
    /// The folder compiled Swift cells are kept in (by the hash of their source and the
    /// compiler's version); nil: compile into a temporary folder every time.
    public var buildCache: String?

    /// Options with the documented defaults; code not allowed.
    public init(
        allowed: Bool = false, python: String = "python3", swiftc: String = "swiftc", runTimeLimit: Double = 30,
        notebookTimeLimit: Double = 300, outputLimit: Int = 256 << 20, printedLimit: Int = 65536,
        passedEnvironment: [String] = [], buildCache: String? = nil
    ) {
        self.allowed = allowed
        self.python = python
        self.swiftc = swiftc
        self.runTimeLimit = runTimeLimit
        self.notebookTimeLimit = notebookTimeLimit
        self.outputLimit = outputLimit
        self.printedLimit = printedLimit
        self.passedEnvironment = passedEnvironment
        self.buildCache = buildCache
    }

    /// The options the environment asks for: `DERIVE_ALLOW_CODE=1`, `DERIVE_PYTHON`,
    /// `DERIVE_SWIFTC`, `DERIVE_CODE_ENV` (names separated by commas).
    public static func from(environment: [String: String]) -> CodeOptions {
        var options = CodeOptions()
        options.allowed = ["1", "true", "yes"].contains(environment["DERIVE_ALLOW_CODE"]?.lowercased() ?? "")
        if let python = environment["DERIVE_PYTHON"], !python.isEmpty { options.python = python }
        if let swiftc = environment["DERIVE_SWIFTC"], !swiftc.isEmpty { options.swiftc = swiftc }
        options.passedEnvironment =
            environment["DERIVE_CODE_ENV"]?.split(separator: ",").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            .filter { !$0.isEmpty } ?? []
        return options
    }
}
