#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileAccess {
    /// What a bounded read found: at most `maximum + 1` bytes, and the file's size.
    public struct BoundedRead: Sendable {
        /// The bytes read; empty when the file is known to be too large without reading it.
        public let bytes: [UInt8]
        /// The size of the file: exact for a regular file, else the bytes read (at most `maximum + 1`).
        public let size: Int
        /// Whether `size` is the whole file's (false for a device or a pipe cut at `maximum + 1`).
        public let sizeIsExact: Bool
    }

    /// Reads a file without ever holding more than `maximum + 1` bytes, so a huge file, a
    /// device such as `/dev/zero` or an endless pipe cannot exhaust memory; nil when the path
    /// cannot be read (missing, a directory, no permission).
    public static func read(_ path: String, atMost maximum: Int) -> BoundedRead? {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        let limit = maximum < Int.max ? maximum + 1 : maximum
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maximum {
            return BoundedRead(bytes: [], size: Int(info.st_size), sizeIsExact: true)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return BoundedRead(bytes: bytes, size: bytes.count, sizeIsExact: bytes.count < limit)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
