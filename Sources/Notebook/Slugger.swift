/// Heading anchors as GitHub makes them: lower case, letters, digits, `-` and `_` kept,
/// spaces to hyphens, everything else dropped; a repeated anchor gets `-1`, `-2`, ….
struct Slugger {
    private var seen: [String: Int] = [:]

    mutating func slug(_ text: String) -> String {
        var base = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                base.append(character)
            } else if character == " " {
                base.append("-")
            }
        }
        if base.isEmpty { base = "section" }
        var candidate = base
        while let count = seen[candidate] {
            seen[candidate] = count + 1
            candidate = "\(base)-\(count + 1)"
        }
        seen[candidate] = 0
        return candidate
    }
}
