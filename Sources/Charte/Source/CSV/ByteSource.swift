#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read chunk by chunk, so a large file is never held in memory at once.
public protocol ByteChunkSource {
    /// Reads up to `buffer.count` bytes into the start of `buffer`: the count read, 0 at the
    /// end, nil when reading failed.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int?
    /// Goes back to the first byte; false when the source cannot.
    mutating func rewind() -> Bool
}

/// Bytes already in memory, handed out in chunks of a chosen size (small sizes test the
/// reader's handling of chunk boundaries).
public struct MemoryByteSource: ByteChunkSource {
    /// The bytes.
    public let bytes: [UInt8]
    /// The largest chunk handed out by one `read`.
    public let chunkSize: Int
    private var offset = 0

    /// Creates a source over bytes.
    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    /// Copies the next chunk.
    public mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }

    /// Starts again from the beginning.
    public mutating func rewind() -> Bool {
        offset = 0
        return true
    }
}

/// How a command-line path is opened for reading: `-` is standard input, for every command
/// that reads a charter or a journal.
public enum InputPath {
    /// The path that names standard input.
    public static let standardInput = "-"

    /// A new descriptor for a path (standard input is read from where it stands, never
    /// rewound); negative when it cannot be opened.
    public static func open(_ path: String) -> Int32 {
        if path == standardInput { return fcntl(0, F_DUPFD_CLOEXEC, 0) }
        #if canImport(Glibc)
        return Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
        return Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }

    /// Reads from a descriptor, retried when interrupted.
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
            let count = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if count < 0, errno == EINTR { continue }
            return count
        }
    }
}

/// A file read with the C library's buffered streams, chunk by chunk.
///
/// The CSV reader reads a journal twice (its dialect, then its records). A regular file is
/// simply rewound; anything else — standard input (`-`), a pipe, `/dev/stdin`, `<(…)` — is read
/// exactly once, into an anonymous temporary file that is then read like a regular one, so
/// memory stays flat however long the stream.
public final class FileByteSource: ByteChunkSource {
    /// The path, as given.
    public let path: String
    private var handle: UnsafeMutablePointer<FILE>?

    /// Opens a file for reading; nil when it cannot be opened, is a directory, or a stream that
    /// cannot be copied (no room for the temporary file, a read error).
    public init?(path: String) {
        let descriptor = InputPath.open(path)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            return nil
        }
        if (status.st_mode & S_IFMT) == S_IFREG, path != InputPath.standardInput {
            guard let handle = fdopen(descriptor, "rb") else {
                close(descriptor)
                return nil
            }
            self.handle = handle
        } else {
            guard let copy = FileByteSource.spool(descriptor) else { return nil }
            self.handle = copy
        }
        self.path = path
    }

    /// Copies a stream to an anonymous temporary file (deleted when closed), rewound.
    private static func spool(_ descriptor: Int32) -> UnsafeMutablePointer<FILE>? {
        defer { close(descriptor) }
        guard let copy = tmpfile() else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { InputPath.read(descriptor, $0) }
            guard count >= 0 else { fclose(copy); return nil }
            if count == 0 { break }
            let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, count, copy) }
            guard written == count else { fclose(copy); return nil }
        }
        guard fflush(copy) == 0, fseek(copy, 0, SEEK_SET) == 0 else { fclose(copy); return nil }
        return copy
    }

    deinit {
        if let handle { fclose(handle) }
    }

    /// Reads the next chunk.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard let handle, let base = buffer.baseAddress else { return nil }
        let count = fread(base, 1, buffer.count, handle)
        if count == 0, ferror(handle) != 0 { return nil }
        return count
    }

    /// Seeks back to the start of the file.
    public func rewind() -> Bool {
        guard let handle else { return false }
        clearerr(handle)
        return fseek(handle, 0, SEEK_SET) == 0
    }
}
