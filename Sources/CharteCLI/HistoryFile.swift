import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL's history lives between sessions, and how it is read and written.
///
/// One line per entry, in `$XDG_STATE_HOME/charte/historique` (or
/// `~/.local/state/charte/historique`). The file is private to its owner (mode 0600). Each
/// session appends its lines (`O_APPEND`, under a lock on the file), so sessions running at
/// the same time merge their lines instead of losing one another's; when the file grows past
/// half its size limit it is compacted (read, duplicates collapsed, bounded, replaced through
/// a temporary file and a rename) under the same lock.
///
/// Only a regular file is read or written: a FIFO, a device (a link to `/dev/zero`), a
/// directory or a socket is refused with a message, and the session goes on without history.
/// At most `maximumBytes` of it are read (its last ones), so no file can exhaust memory.
public struct HistoryFile: Sendable {
    /// The file's path.
    public let path: String
    /// The most entries kept.
    public let limit: Int
    /// The most bytes read from the file (its end); past half of it, the file is compacted.
    public let maximumBytes: Int

    /// The default size limit of the history file: 1 MiB.
    public static let defaultMaximumBytes = 1 << 20

    /// A history file at a path.
    public init(path: String, limit: Int = History.defaultLimit, maximumBytes: Int = HistoryFile.defaultMaximumBytes) {
        self.path = path
        self.limit = limit
        self.maximumBytes = max(maximumBytes, 64)
    }

    /// The default location: `$XDG_STATE_HOME/charte/historique` when that variable holds an
    /// absolute path, else `$HOME/.local/state/charte/historique`; nil without either.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/charte/historique"
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.local/state/charte/historique"
        }
        return nil
    }

    /// The saved history; empty when there is no file yet or it cannot be read.
    public func load() -> History {
        (try? read().get()) ?? History(limit: limit)
    }

    /// The saved history, or why the file is not used (absent: an empty history).
    public func read() -> Result<History, HistoryFileError> {
        let descriptor: Int32
        switch Self.openRegular(path, flags: O_RDONLY) {
        case .success(let opened): descriptor = opened
        case .failure(.absent): return .success(History(limit: limit))
        case .failure(let error): return .failure(error)
        }
        defer { close(descriptor) }
        return .success(History(entries: Self.lines(Self.readTail(descriptor, atMost: maximumBytes)), limit: limit))
    }

    /// Adds a line to the saved history, after what other sessions saved meanwhile.
    @discardableResult
    public func append(_ line: String) -> Result<Void, HistoryFileError> {
        var single = History(limit: 1)
        single.add(line)
        guard let entry = single.entries.first else { return .success(()) }
        guard let slash = path.lastIndex(of: "/") else { return .failure(.cannotWrite(path: path)) }
        let directory = String(path[..<slash])
        guard Self.makeDirectories(directory) else { return .failure(.cannotCreateDirectory(path: directory)) }
        // Open and lock; if another session replaced the file meanwhile (compaction), the lock
        // is on the old one: open the new one again.
        for _ in 0..<8 {
            let descriptor: Int32
            switch Self.openRegular(path, flags: O_WRONLY | O_APPEND | O_CREAT) {
            case .success(let opened): descriptor = opened
            case .failure(.absent): return .failure(.cannotWrite(path: path))
            case .failure(let error): return .failure(error)
            }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX) == 0 || errno == ENOLCK || errno == EINVAL else { return .failure(.cannotWrite(path: path)) }
            guard Self.isCurrent(descriptor, path: path) else { continue }
            Self.makePrivate(descriptor)
            guard Self.writeAll(Array((entry + "\n").utf8), to: descriptor) else { return .failure(.cannotWrite(path: path)) }
            var status = stat()
            if fstat(descriptor, &status) == 0, Int(status.st_size) > maximumBytes / 2 {
                return compact(descriptor, directory: directory)
            }
            return .success(())
        }
        return .failure(.cannotWrite(path: path))
    }

    /// Replaces the saved history, creating its directory (mode 0700) if needed.
    public func save(_ history: History) -> Result<Void, HistoryFileError> {
        guard let slash = path.lastIndex(of: "/") else { return .failure(.cannotWrite(path: path)) }
        let directory = String(path[..<slash])
        guard Self.makeDirectories(directory) else { return .failure(.cannotCreateDirectory(path: directory)) }
        if case .failure(let error) = Self.openRegular(path, flags: O_RDONLY), error != .absent { return .failure(error) }
        let text = history.entries.map { $0 + "\n" }.joined()
        return Self.writeAtomically(Array(text.utf8), to: path, directory: directory)
            ? .success(()) : .failure(.cannotWrite(path: path))
    }

    /// Rewrites the locked file with its entries only (duplicates collapsed, at most `limit`).
    private func compact(_ descriptor: Int32, directory: String) -> Result<Void, HistoryFileError> {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return .success(()) }
        // The descriptor is write-only: read through a second one on the same (locked) file.
        let reader = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard reader >= 0 else { return .success(()) }
        defer { close(reader) }
        guard Self.isSameFile(reader, descriptor) else { return .success(()) }
        let history = History(entries: Self.lines(Self.readTail(reader, atMost: maximumBytes)), limit: limit)
        let text = history.entries.map { $0 + "\n" }.joined()
        return Self.writeAtomically(Array(text.utf8), to: path, directory: directory)
            ? .success(()) : .failure(.cannotWrite(path: path))
    }

    // MARK: - Files

    /// Opens a path that must be a regular file (never blocking on a FIFO), or says why not.
    static func openRegular(_ path: String, flags: Int32) -> Result<Int32, HistoryFileError> {
        let descriptor = open(path, flags | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ENOENT { return .failure(.absent) }
            // A FIFO opened for writing without a reader (ENXIO), a directory (EISDIR)…
            if errno == ENXIO || errno == EISDIR { return .failure(.notRegular(path: path)) }
            return .failure(flags & (O_WRONLY | O_RDWR) != 0 ? .cannotWrite(path: path) : .cannotRead(path: path))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return .failure(.notRegular(path: path))
        }
        // Regular files never block; clear the flag so writes are plain ones.
        let current = fcntl(descriptor, F_GETFL)
        if current >= 0 { _ = fcntl(descriptor, F_SETFL, current & ~O_NONBLOCK) }
        return .success(descriptor)
    }

    /// Whether the path still names the open file (not replaced by another session).
    static func isCurrent(_ descriptor: Int32, path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Whether two descriptors are the same file.
    static func isSameFile(_ first: Int32, _ second: Int32) -> Bool {
        var a = stat(), b = stat()
        return fstat(first, &a) == 0 && fstat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Makes a file ours alone (mode 0600) when others may read it.
    static func makePrivate(_ descriptor: Int32) {
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & 0o077 != 0 { _ = fchmod(descriptor, 0o600) }
    }

    /// The last `maximum` bytes of an open file (from its start when it is smaller), cut after
    /// a line end when the start was skipped.
    static func readTail(_ descriptor: Int32, atMost maximum: Int) -> [UInt8] {
        var status = stat()
        var skipped = false
        if fstat(descriptor, &status) == 0, Int(status.st_size) > maximum {
            if lseek(descriptor, off_t(Int(status.st_size) - maximum), SEEK_SET) >= 0 { skipped = true }
        }
        var bytes = [UInt8](repeating: 0, count: maximum)
        var count = 0
        while count < maximum {
            let read = bytes[count...].withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        if skipped, let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) { bytes.removeSubrange(...newline) }
        return bytes
    }

    /// The lines of the file's bytes.
    static func lines(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes all bytes; false on an error or a short write.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            written += count
        }
        return true
    }

    /// Creates a directory and its parents, each with mode 0700; true if it exists afterwards.
    static func makeDirectories(_ directory: String) -> Bool {
        var prefix = ""
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return false }
        }
        var status = stat()
        return stat(directory.isEmpty ? "/" : directory, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Writes bytes to a temporary file (mode 0600) in `directory`, then renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) -> Bool {
        var template = Array((directory + "/.historique.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { return false }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let complete = writeAll(bytes, to: descriptor) && fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Why the history could not be read or saved (the session goes on without it).
public enum HistoryFileError: Error, Sendable, Hashable {
    /// There is no history file yet.
    case absent
    /// The directory could not be created (a file is in the way, no permission).
    case cannotCreateDirectory(path: String)
    /// The file could not be read (no permission).
    case cannotRead(path: String)
    /// The file could not be written (disk full, no permission).
    case cannotWrite(path: String)
    /// The path is not a regular file (a FIFO, a device such as `/dev/zero`, a directory).
    case notRegular(path: String)

    /// The French message shown once to the user.
    public var message: String {
        switch self {
        case .absent: "pas encore d'historique"
        case .cannotCreateDirectory(let path): "impossible de créer le dossier de l'historique « \(ControlCharacters.escaped(path)) »"
        case .cannotRead(let path): "impossible de lire l'historique « \(ControlCharacters.escaped(path)) »"
        case .cannotWrite(let path): "impossible d'écrire l'historique « \(ControlCharacters.escaped(path)) »"
        case .notRegular(let path):
            "l'historique « \(ControlCharacters.escaped(path)) » n'est pas un fichier ordinaire (tube, périphérique, dossier) : il n'est ni lu ni écrit"
        }
    }
}
