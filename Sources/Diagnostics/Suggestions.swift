/// "Did you mean …?" suggestions from a list of known names.
public enum Suggestions {
    /// The known name closest to `name` by Damerau–Levenshtein distance (a swap of two
    /// neighbouring characters counts as one edit), when it is close enough to be a typo:
    /// at most one edit for names of up to 3 characters, two up to 6, three beyond.
    /// Ties go to the name that comes first in `candidates`.
    public static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = name.count <= 3 ? 1 : name.count <= 6 ? 2 : 3
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        if best == nil {
            // A case slip ("k" for "K") is always worth suggesting.
            best = candidates.first { $0.lowercased() == name.lowercased() && $0 != name }.map { ($0, 1) }
        }
        return best?.name
    }

    /// The optimal-string-alignment distance between two strings, over Characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
