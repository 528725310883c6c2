#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; the file that was there is left exactly as it was.
public struct WriteError: Error, Sendable, Equatable {
    /// The path that was to be written.
    public let path: String
    /// What failed, in French.
    public let reason: String

    /// The French message shown to the user.
    public var message: String {
        "impossible d'écrire « \(path) » : \(reason) (le fichier d'origine, s'il existe, est intact)"
    }
}

/// A step of an atomic write that a test can make fail, to check nothing is damaged.
enum WriteFault: Sendable {
    case create, write, sync, rename
}

extension FileAccess {
    /// Replaces (or creates) a file atomically: the bytes go to a temporary file in the same
    /// directory, which is flushed to disk and then renamed over the target. A failure at
    /// any step removes the temporary file and leaves the target untouched.
    ///
    /// An existing file keeps its permissions; a symbolic link is followed, so the file it
    /// points to is replaced and the link kept. Exports, history and `charte fmt --write`
    /// use this.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(WriteError) {
        try writeAtomically(bytes, to: path, fault: nil)
    }

    /// Replaces (or creates) a text file atomically (see `writeAtomically(_:to:)`).
    public static func writeAtomically(_ text: String, to path: String) throws(WriteError) {
        try writeAtomically(Array(text.utf8), to: path, fault: nil)
    }

    /// The atomic write, with an optional injected failure for tests.
    static func writeAtomically(_ bytes: [UInt8], to requested: String, fault: WriteFault?) throws(WriteError) {
        let path = resolvedTarget(requested)
        let directory = directoryOf(path)
        var status = stat()
        let existingMode: mode_t? = stat(path, &status) == 0 ? status.st_mode : nil
        if let existingMode, existingMode & S_IFMT == S_IFDIR {
            throw WriteError(path: requested, reason: "c'est un dossier")
        }

        // Create a fresh temporary file next to the target (same file system, so rename is atomic).
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 where descriptor < 0 {
            temporary = directory + "/." + baseName(path) + ".tmp-\(getpid())-\(attempt)"
            descriptor = fault == .create ? -1 : open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fault == .create { errno = EACCES }
            if descriptor < 0, errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(path: requested, reason: describe(errno)) }

        func abandon(_ code: Int32) -> WriteError {
            close(descriptor)
            unlink(temporary)
            return WriteError(path: requested, reason: describe(code))
        }
        if let existingMode { fchmod(descriptor, existingMode & 0o7777) }

        var offset = 0
        while offset < bytes.count {
            if fault == .write { throw abandon(ENOSPC) }
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw abandon(errno)
            }
            if written == 0 { throw abandon(EIO) }
            offset += written
        }
        if fault == .sync { throw abandon(EIO) }
        if fsync(descriptor) != 0 { throw abandon(errno) }
        if close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: requested, reason: describe(code))
        }
        if fault == .rename || rename(temporary, path) != 0 {
            let code = fault == .rename ? EXDEV : errno
            unlink(temporary)
            throw WriteError(path: requested, reason: describe(code))
        }
        // Make the rename itself durable; a failure here no longer risks the contents.
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// The file a path designates, following symbolic links.
    private static func resolvedTarget(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    private static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A French description of a system error.
    private static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission refusée"
        case ENOSPC: "plus de place sur le disque"
        case EDQUOT: "quota de disque dépassé"
        case EROFS: "système de fichiers en lecture seule"
        case ENOENT: "le dossier n'existe pas"
        case ENOTDIR: "un élément du chemin n'est pas un dossier"
        case EISDIR: "c'est un dossier"
        case EIO: "erreur d'entrée-sortie"
        case EXDEV: "impossible de renommer le fichier temporaire"
        case ENAMETOOLONG: "chemin trop long"
        default: "erreur système \(code)"
        }
    }
}
