#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output path designates, decided before anything is written.
enum WriteTarget {
    /// An open descriptor of this process (`/dev/stdout`, `/dev/fd/3`): written to directly.
    case descriptor(Int32)
    /// A device, FIFO or socket: written in place, never replaced.
    case special(path: String)
    /// An existing regular file (symbolic links resolved), with its status.
    case regular(path: String, status: stat)
    /// Nothing there yet: created.
    case new(path: String)

    /// The most links followed in a chain.
    static let maximumHops = 32

    /// Classifies a path, following symbolic links only when they can be trusted (see
    /// `FileAccess.writeAtomically(_:to:options:)`).
    static func resolve(_ requested: String) throws(WriteError) -> WriteTarget {
        if let descriptor = standardDescriptor(requested) { return .descriptor(descriptor) }
        var current = requested
        var followed = false
        var status = stat()
        for _ in 0...maximumHops {
            guard lstat(current, &status) == 0 else {
                let code = errno
                if code == ENOENT, !followed { return .new(path: requested) }
                if code == ENOENT {
                    throw WriteError(path: requested, reason: "c'est un lien symbolique vers « \(current) », qui n'existe pas")
                }
                throw WriteError(path: requested, reason: FileAccess.describe(code))
            }
            guard status.st_mode & S_IFMT == S_IFLNK else { break }
            // A link planted by someone else (in a shared folder such as /tmp) is never followed.
            guard isTrusted(owner: status.st_uid) else {
                throw WriteError(path: requested,
                                 reason: "c'est un lien symbolique qui appartient à un autre utilisateur : il n'est pas suivi")
            }
            guard let destination = readLink(current) else { throw WriteError(path: requested, reason: FileAccess.describe(errno)) }
            let next = destination.hasPrefix("/") ? destination : FileAccess.directoryOf(current) + "/" + destination
            if let descriptor = standardDescriptor(next) { return .descriptor(descriptor) }
            current = next
            followed = true
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            throw WriteError(path: requested, reason: FileAccess.describe(ELOOP))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw WriteError(path: requested, reason: "c'est un dossier")
        case S_IFREG:
            guard followed else { return .regular(path: requested, status: status) }
            // The file a link leads to is replaced in its own directory, which must be the user's.
            guard let real = realPath(current) else { throw WriteError(path: requested, reason: FileAccess.describe(errno)) }
            var folder = stat()
            let directory = FileAccess.directoryOf(real)
            guard stat(directory, &folder) == 0 else { throw WriteError(path: requested, reason: FileAccess.describe(errno)) }
            guard isTrusted(owner: folder.st_uid) else {
                throw WriteError(path: requested, reason: "c'est un lien symbolique vers « \(real) », dans un dossier "
                                 + "qui appartient à un autre utilisateur : il n'est pas suivi")
            }
            return .regular(path: real, status: status)
        default:
            return .special(path: current)
        }
    }

    /// Whether a link or folder owner is the user or root.
    private static func isTrusted(owner: uid_t) -> Bool {
        owner == geteuid() || owner == 0
    }

    /// The descriptor a path names: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            let number = path.dropFirst(prefix.count)
            guard !number.isEmpty, number.count <= 6, number.allSatisfy(\.isASCII), let value = Int32(number),
                  value >= 0 else { return nil }
            return value
        }
        return nil
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count)
        guard count >= 0, count < buffer.count else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension FileAccess {
    /// The descriptor an output path names (`/dev/stdout` → 1, `/dev/fd/3` → 3), if any, so a
    /// command can send it to the same stream as its ordinary output.
    public static func descriptorNamed(by path: String) -> Int32? {
        WriteTarget.standardDescriptor(path)
    }
}
