import Foundation

/// The answers of a pure function, kept under a lock so that a value shared between threads
/// (the notebook's definitions, read by every perturbed scope) can remember them.
final class Memo<Key: Hashable & Sendable, Answer: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [Key: Answer] = [:]

    /// The answer for `key`: `compute()` the first time, the remembered answer after that.
    func answer(for key: Key, compute: () -> Answer) -> Answer {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[key] { return known }
        let answer = compute()
        answers[key] = answer
        return answer
    }
}
