/// derive's version, shown in every report and part of every inputs hash.
public enum DeriveVersion {
    /// The version string, e.g. "0.1.0".
    public static let current = "0.1.0"
}
