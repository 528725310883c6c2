import Synchronization

/// Identifies one source file among those a run has loaded.
public struct FileID: Hashable, Sendable, Comparable {
    /// The index of the file in its `SourceMap`.
    public let rawValue: Int
    /// Creates an identifier from its index.
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A line and column, both starting at 1; the column counts Unicode characters.
public struct LineColumn: Hashable, Sendable {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column, in characters (not bytes).
    public let column: Int
}

/// The bytes of one charter or journal, with a line table built on first use.
public final class SourceFile: Sendable {
    /// The identifier of this file in its map.
    public let id: FileID
    /// The name shown in diagnostics (a path, or a virtual name such as `<requete>`).
    public let name: String
    /// The raw bytes, exactly as read.
    public let bytes: [UInt8]
    private let lineStartsCache = Mutex<[Int]?>(nil)

    /// Creates a source file from raw bytes.
    public init(id: FileID, name: String, bytes: [UInt8]) {
        self.id = id
        self.name = name
        self.bytes = bytes
    }

    /// Creates a source file from text.
    public convenience init(id: FileID, name: String, text: String) {
        self.init(id: id, name: name, bytes: Array(text.utf8))
    }

    /// Byte offsets at which each line starts (line 1 starts at 0). A line ends with `\n`,
    /// `\r\n`, or a lone `\r` (as a terminal and the editors' protocol show it).
    public var lineStarts: [Int] {
        lineStartsCache.withLock { cache in
            if let cache { return cache }
            var starts = [0]
            for (offset, byte) in bytes.enumerated() {
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                } else if byte == UInt8(ascii: "\r"), offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                }
            }
            cache = starts
            return starts
        }
    }

    /// The 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        let starts = lineStarts
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and column of a byte offset.
    public func location(of offset: Int) -> LineColumn {
        let clamped = max(0, min(offset, bytes.count))
        let index = lineIndex(of: clamped)
        let start = lineStarts[index]
        return LineColumn(line: index + 1, column: characterCount(from: start, to: clamped) + 1)
    }

    /// The text of a 1-based line, without its line terminator.
    public func lineText(_ line: Int) -> String {
        let starts = lineStarts
        guard line >= 1, line <= starts.count else { return "" }
        let start = starts[line - 1]
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return SourceFile.decodeLossy(bytes[start..<max(start, end)])
    }

    /// The text of a byte range, invalid UTF-8 replaced.
    public func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return SourceFile.decodeLossy(bytes[lower..<upper])
    }

    /// The number of characters (scalar-start bytes) between two offsets on one line.
    func characterCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var offset = start
        while offset < end {
            if bytes[offset] & 0xC0 != 0x80 { count += 1 }
            offset += 1
        }
        return count
    }

    /// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD.
    static func decodeLossy(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice, as: UTF8.self)
    }
}

/// Every source file of a run, so a span can be turned back into text and positions.
public struct SourceMap: Sendable {
    /// The files, indexed by `FileID.rawValue`.
    public private(set) var files: [SourceFile] = []

    /// Creates an empty map.
    public init() {}

    /// Adds a file and returns it.
    @discardableResult
    public mutating func add(name: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: FileID(files.count), name: name, bytes: bytes)
        files.append(file)
        return file
    }

    /// The file with an identifier.
    public subscript(id: FileID) -> SourceFile { files[id.rawValue] }
}
