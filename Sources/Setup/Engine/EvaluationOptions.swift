/// How a notebook's setup code is evaluated: where its data files are, and the limits that
/// keep a notebook from a pull request from running the machine out.
public struct EvaluationOptions: Sendable, Hashable {
    /// The folder `csv("…")` paths are relative to (the notebook's folder); files outside
    /// it, after resolving symbolic links, are refused. nil: no file may be read.
    public var baseDirectory: String?
    /// The largest number of entries (rows × columns) of any value; default 10⁷ (80 MB).
    public var maxElements: Int
    /// Seconds of evaluation a notebook may take in all, perturbed evaluations included;
    /// default 20.
    public var timeBudget: Double
    /// The deepest nesting of function calls (user functions and anonymous ones); default 200.
    public var maxCallDepth: Int
    /// The most steps `fixpoint` takes before it reports that it did not settle; default 1000.
    public var fixpointLimit: Int
    /// The largest index probed when finding a family's range; default 10 000.
    public var familyProbeLimit: Int

    /// Options with the documented defaults.
    public init(
        baseDirectory: String? = nil, maxElements: Int = 10_000_000, timeBudget: Double = 20,
        maxCallDepth: Int = 200, fixpointLimit: Int = 1000, familyProbeLimit: Int = 10_000
    ) {
        self.baseDirectory = baseDirectory
        self.maxElements = maxElements
        self.timeBudget = timeBudget
        self.maxCallDepth = maxCallDepth
        self.fixpointLimit = fixpointLimit
        self.familyProbeLimit = familyProbeLimit
    }
}
