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

/// A file read with the C library's buffered streams, chunk by chunk.
public final class FileByteSource: ByteChunkSource {
    /// The path, as given.
    public let path: String
    private var handle: UnsafeMutablePointer<FILE>?

    /// Opens a file for reading; nil when it cannot be opened or is a directory.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR,
              let handle = fopen(path, "rb") else { return nil }
        self.path = path
        self.handle = handle
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
