import Foundation

/// The environment a code process gets: nothing of derive's own but `PATH`, `HOME`, the locale
/// and the variables the user names — no tokens — and one BLAS thread.
enum CodeEnvironment {
    /// Variables that pin how BLAS computes, passed when set: the kernels OpenBLAS picks
    /// (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE`) decide the last bits of a result.
    static let blasChoices = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]

    /// The scrubbed environment.
    static func scrubbed(_ environment: [String: String], passing names: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in environment
        where key == "PATH" || key == "HOME" || key == "LANG" || key == "LANGUAGE" || key.hasPrefix("LC_")
            || names.contains(key) || blasChoices.contains(key)
        {
            result[key] = value
        }
        if result["PATH"] == nil { result["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        for threads in [
            "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
            "NUMEXPR_NUM_THREADS", "BLIS_NUM_THREADS",
        ] {
            result[threads] = "1"
        }
        result["SWIFT_BACKTRACE"] = "enable=no"
        result["PYTHONHASHSEED"] = "0"
        result["PYTHONDONTWRITEBYTECODE"] = "1"
        return result
    }

    /// The path of `program`: itself when it contains a `/`, else the first executable file
    /// of that name in the folders of `path`.
    static func find(_ program: String, path: String?) -> String? {
        if program.contains("/") {
            // Relative to derive's folder, not the notebook's, where the process starts.
            let absolute =
                program.hasPrefix("/")
                ? program : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(program)
            return FileManager.default.isExecutableFile(atPath: absolute) ? absolute : nil
        }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(program)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }
}
