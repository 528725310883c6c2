#if canImport(Glibc)
import Glibc
/// The system's `read`, named apart from `FileAccess.read`.
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
/// The system's `read`, named apart from `FileAccess.read`.
private let systemRead = Darwin.read
#endif

/// Reading and writing files: atomic writes, no partial results.
///
/// Plain system calls rather than Foundation: `charte` then links no Foundation library,
/// which is a large part of a short command's start-up time.
public enum FileAccess {
    /// Opens a path for reading (`-` is standard input): see `InputPath`.
    static func openForReading(_ path: String) -> Int32 { InputPath.open(path) }

    /// The bytes of a file, or nil when it cannot be read (missing, a directory, no permission).
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        // The size is only a hint (a file may grow, a pipe has none): read to the end.
        var bytes: [UInt8] = []
        var chunk = max(Int(status.st_size) + 1, 64 * 1024)
        while true {
            let count = bytes.count
            var failed = false
            var added = 0
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            bytes.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                while true {
                    let result = systemRead(descriptor, base + count, chunk)
                    if result < 0, errno == EINTR { continue }
                    if result < 0 { failed = true } else { added = result }
                    return
                }
            }
            bytes.removeLast(chunk - added)
            if failed { return nil }
            if added == 0 { return bytes }
            chunk = max(chunk, 64 * 1024)
        }
    }
}
