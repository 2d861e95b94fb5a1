import Foundation
import Setup

#if canImport(Glibc)
    import Glibc
#endif

/// A child process in a process group of its own, with derive's protocol on its file
/// descriptors 3 (it reads) and 4 (it writes), standard input from /dev/null, and standard
/// output and error drained into a capped buffer. Every wait has a deadline; when one passes,
/// the whole group is killed, so a cell that starts processes of its own cannot outlive it.
final class ChildProcess: @unchecked Sendable {
    /// Why talking to the child stopped.
    enum Failure: Error {
        /// The deadline passed; the group was killed.
        case timeout
        /// The child's end closed: it exited or was killed by a signal (in words).
        case ended(String)
        /// It sent something that is not the protocol, or a message above the size limit.
        case garbage(String)
        /// It answered that the cell failed (the cell's fault, not the process's).
        case cell(EvaluationError)
    }

    let pid: pid_t
    private let toChild: Int32
    private let fromChild: Int32
    private let output: CappedText
    private var reaped = false
    private var stopped = false
    private let drain: Thread
    private let drainDone: CappedText

    /// Starts `executable` (a path) with `arguments` in `directory`, with exactly
    /// `environment`. Throws the `errno` of a failed start.
    init(executable: String, arguments: [String], environment: [String: String], directory: String, outputLimit: Int)
        throws
    {
        // Pipes are opened close-on-exec and moved above 4, so that only the descriptors
        // dup2'ed below reach the child, and dup2 never meets an fd that is its own target.
        func pipeAbove4() throws -> (read: Int32, write: Int32) {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
            let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
            close(fds[0])
            close(fds[1])
            return (read, write)
        }
        // One start at a time: a pipe is not close-on-exec until it is moved, and another
        // thread's child must not inherit it meanwhile.
        Self.starting.lock()
        defer { Self.starting.unlock() }
        let requests = try pipeAbove4()
        let replies = try pipeAbove4()
        let printed = try pipeAbove4()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, printed.write, 1)
        posix_spawn_file_actions_adddup2(&actions, printed.write, 2)
        posix_spawn_file_actions_adddup2(&actions, requests.read, 3)
        posix_spawn_file_actions_adddup2(&actions, replies.write, 4)
        guard Self.addChangeDirectory(&actions, directory) == 0 else { throw POSIXError(.ENOTDIR) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(requests.read)
        close(replies.write)
        close(printed.write)
        guard status == 0 else {
            close(requests.write)
            close(replies.read)
            close(printed.read)
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        self.pid = pid
        toChild = requests.write
        fromChild = replies.read
        let output = CappedText(limit: outputLimit)
        self.output = output
        let source = printed.read
        let done = CappedText(limit: 0)
        drainDone = done
        drain = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = Glibc.read(source, &buffer, buffer.count)
                if n > 0 {
                    output.append(buffer[0..<n])
                } else if n == 0 || errno != EINTR {
                    break
                }
            }
            close(source)
            done.finish()
        }
        drain.start()
    }

    deinit {
        stop()
    }

    /// Held while a child is started.
    private static let starting = NSLock()

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift's Glibc
    /// module does not declare: the child starts in the notebook's folder.
    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) -> Int32 {
        typealias AddChdir =
            @convention(c) (
                UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
            ) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return -1
        }
        let function = unsafeBitCast(symbol, to: AddChdir.self)
        return path.withCString { function(&actions, $0) }
    }

    /// What the child wrote to its standard output and error so far (capped).
    var printed: String { output.text }

    /// Waits for the child to exit and returns its exit status (128 + the signal when killed);
    /// at the deadline its group is killed and the wait throws `timeout`.
    func waitForExit(deadline: ContinuousClock.Instant) throws(Failure) -> Int32 {
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                stop()
                // Its output is complete once the drain has read to the end.
                while !drainDone.isFinished, ContinuousClock.now < deadline { usleep(1000) }
                return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            if ContinuousClock.now > deadline {
                stop()
                throw .timeout
            }
            usleep(5000)
        }
    }

    /// Writes a framed message, waiting at most until `deadline`.
    func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: toChild, events: Int16(POLLOUT), deadline: deadline)
            let n = bytes[offset...].withUnsafeBytes { write(toChild, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ended()
            }
            offset += n
        }
    }

    /// Reads one message (its body, without the length), waiting at most until `deadline`;
    /// a message longer than `limit` bytes is garbage.
    func receive(deadline: ContinuousClock.Instant, limit: Int) throws(Failure) -> [UInt8] {
        let header = try read(count: 4, deadline: deadline)
        let length = header.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length > 0, length <= limit else {
            throw .garbage(
                length == 0 ? "an empty message" : "a message of \(length) bytes, above the limit of \(limit)")
        }
        return try read(count: length, deadline: deadline)
    }

    private func read(count: Int, deadline: ContinuousClock.Instant) throws(Failure) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            try wait(for: fromChild, events: Int16(POLLIN), deadline: deadline)
            let n = result[offset...].withUnsafeMutableBytes { Glibc.read(self.fromChild, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw ended()
            }
            if n == 0 { throw ended() }
            offset += n
        }
        return result
    }

    private func wait(for fd: Int32, events: Int16, deadline: ContinuousClock.Instant) throws(Failure) {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                stop()
                throw .timeout
            }
            let milliseconds = Int32(
                min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw ended() }
        }
    }

    /// The child ended: how, once it is reaped.
    private func ended() -> Failure {
        .ended(reap())
    }

    /// Waits for the child (briefly; then kills the group) and says how it ended.
    private func reap() -> String {
        guard !reaped else { return "it had already ended" }
        var status: Int32 = 0
        for _ in 0..<100 {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                stop()  // anything it started, and the descriptors
                return Self.describe(status)
            }
            usleep(10_000)
        }
        stop()
        return "it closed its end of the protocol and was stopped"
    }

    /// Kills the whole process group and reaps the child. Safe to call twice: the second call
    /// does nothing (closing a descriptor twice could close another thread's, and a group id
    /// may be reused once the group is gone).
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(toChild)
        kill(-pid, SIGKILL)
        if !reaped {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            reaped = true
        }
        close(fromChild)
    }

    /// "it exited with status 1", "it was killed by signal 11 (SIGSEGV)".
    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "it exited with status \((status >> 8) & 0xff)" }
        let names: [Int32: String] = [
            SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGKILL: "SIGKILL", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
            SIGILL: "SIGILL", SIGTERM: "SIGTERM", SIGPIPE: "SIGPIPE",
        ]
        return "it was killed by signal \(signal)\(names[signal].map { " (\($0))" } ?? "")"
    }
}

/// Text appended from another thread, kept up to a limit; what is cut is counted.
final class CappedText: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var dropped = 0
    let limit: Int

    private var finished = false

    init(limit: Int) { self.limit = limit }

    /// Marks the text complete.
    func finish() { lock.withLock { finished = true } }

    /// Whether `finish()` was called.
    var isFinished: Bool { lock.withLock { finished } }

    func append(_ chunk: ArraySlice<UInt8>) {
        lock.withLock {
            let room = max(0, limit - bytes.count)
            bytes += chunk.prefix(room)
            dropped += max(0, chunk.count - room)
        }
    }

    var text: String {
        lock.withLock {
            let kept = String(decoding: bytes, as: UTF8.self)
            return dropped == 0 ? kept : kept + "\n[… \(dropped) more bytes not kept]"
        }
    }
}
