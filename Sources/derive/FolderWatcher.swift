import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for files to change in a set of folders, through Linux's inotify: the only file that
/// talks to it. Folders are watched rather than files because editors save by writing a new
/// file and renaming it over the old one, which a watch on the old file would not see.
final class FolderWatcher {
    /// Why watching could not start.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    #if os(Linux)
        private let descriptor: Int32
        private var watched: Set<String> = []

        /// A watcher with no folders yet.
        init() throws(Failure) {
            descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard descriptor >= 0 else {
                throw Failure(
                    description: "cannot watch files: inotify_init1 failed (\(String(cString: strerror(errno))))")
            }
        }

        deinit { close(descriptor) }

        /// Watches `folder` for files written, created, moved in or out, or deleted; a folder
        /// already watched, or one that no longer exists, is left as it is.
        func watch(_ folder: String) {
            let path = (folder as NSString).standardizingPath
            guard !watched.contains(path) else { return }
            let events = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_MODIFY
            if inotify_add_watch(descriptor, path, UInt32(events)) >= 0 { watched.insert(path) }
        }

        /// Blocks until something changes in a watched folder, then until `quiet` passes with
        /// no further change (an editor's save is several events); returns false as soon as
        /// `stop()` is true instead, which is asked at least every `interval`.
        func waitForChange(
            quiet: Duration = .milliseconds(150), interval: Duration = .milliseconds(100),
            stop: () -> Bool
        ) -> Bool {
            while !stop() {
                guard wait(interval) else { continue }
                // Let the rest of the save arrive.
                while !stop(), wait(quiet) {}
                return !stop()
            }
            return false
        }

        /// Whether events arrived within `timeout` (and drains them: only their arrival matters).
        private func wait(_ timeout: Duration) -> Bool {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(
                timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
            guard poll(&poller, 1, milliseconds) > 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while read(descriptor, &buffer, buffer.count) > 0 {}
            return true
        }
    #else
        init() throws(Failure) {
            throw Failure(description: "derive watch needs Linux's inotify, which this system does not have")
        }

        func watch(_ folder: String) {}

        func waitForChange(
            quiet: Duration = .milliseconds(150), interval: Duration = .milliseconds(100),
            stop: () -> Bool
        ) -> Bool { false }
    #endif
}
