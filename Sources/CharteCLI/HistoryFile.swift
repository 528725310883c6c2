import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL's history lives between sessions, and how it is read and written.
///
/// One line per entry, in `$XDG_STATE_HOME/charte/historique` (or
/// `~/.local/state/charte/historique`). The file is private to its owner (mode 0600) and
/// always replaced whole through a temporary file and a rename, so a crash or a second
/// session never leaves it half written.
public struct HistoryFile: Sendable {
    /// The file's path.
    public let path: String
    /// The most entries kept.
    public let limit: Int

    /// A history file at a path.
    public init(path: String, limit: Int = History.defaultLimit) {
        self.path = path
        self.limit = limit
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
        guard let bytes = FileAccess.read(path) else { return History(limit: limit) }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return History(entries: lines, limit: limit)
    }

    /// Adds a line to the saved history, keeping what other sessions saved meanwhile.
    @discardableResult
    public func append(_ line: String) -> Result<History, HistoryFileError> {
        var history = load()
        history.add(line)
        return save(history).map { history }
    }

    /// Replaces the saved history, creating its directory (mode 0700) if needed.
    public func save(_ history: History) -> Result<Void, HistoryFileError> {
        guard let slash = path.lastIndex(of: "/") else { return .failure(.cannotWrite(path: path)) }
        let directory = String(path[..<slash])
        guard Self.makeDirectories(directory) else { return .failure(.cannotCreateDirectory(path: directory)) }
        let text = history.entries.map { $0 + "\n" }.joined()
        return Self.writeAtomically(Array(text.utf8), to: path, directory: directory)
            ? .success(()) : .failure(.cannotWrite(path: path))
    }

    // MARK: - Files

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
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            written += count
        }
        let complete = written == bytes.count && fchmod(descriptor, 0o600) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Why the history could not be saved (the session goes on without it).
public enum HistoryFileError: Error, Sendable, Hashable {
    /// The directory could not be created (a file is in the way, no permission).
    case cannotCreateDirectory(path: String)
    /// The file could not be written (disk full, no permission).
    case cannotWrite(path: String)

    /// The French message shown once to the user.
    public var message: String {
        switch self {
        case .cannotCreateDirectory(let path): "impossible de créer le dossier de l'historique « \(path) »"
        case .cannotWrite(let path): "impossible d'écrire l'historique « \(path) »"
        }
    }
}
