#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a command's result to a file without ever leaving it half-written.
///
/// The one function here is the place to swap for the shared atomic writer of
/// `FileAccess` once it is merged; callers only see `write(_:to:)`.
enum OutputFile {
    /// Why the output could not be written.
    struct Failure: Error {
        /// The French message.
        let message: String
    }

    /// Writes text to `path` atomically: a temporary file in the same directory, flushed to
    /// disk, then renamed over the target, so a reader sees the old file or the new one.
    static func write(_ text: String, to path: String) throws(Failure) {
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(message: "« \(path) » n'est pas un nom de fichier") }
        var temporary = "\(directory).\(name).\(getpid())-XXXXXX"
        var template = Array(temporary.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw Failure(message: "impossible d'écrire dans le dossier de « \(path) » (\(String(cString: strerror(errno))))")
        }
        temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: String?
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count, failure == nil {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        // mkstemp creates the file 0600; an exported document is meant to be shared like any other.
        if failure == nil { fchmod(descriptor, 0o644 & ~currentUmask()) }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(message: "impossible d'écrire « \(path) » (\(failure))")
        }
    }

    /// The process's file-creation mask (read by setting it and restoring it).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
