/// What a first pass over a CSV file finds before the records are read: the encoding, the
/// byte order mark and the separator.
///
/// The whole file is validated as UTF-8 first because the spec reads a file that is not valid
/// UTF-8 *entirely* as Windows-1252: the choice must be made before the first record is handed
/// out. The pass reads chunk by chunk and allocates one buffer.
public struct CSVDialect: Sendable, Hashable {
    /// The encoding the records are decoded from.
    public var encoding: TextEncoding
    /// The length of the UTF-8 byte order mark at the start (0 or 3).
    public var byteOrderMarkLength: Int
    /// The separator found in the header line.
    public var separator: UInt8
    /// Where the file stopped being UTF-8 (byte offset, 1-based line), when it did.
    public var firstInvalidByte: (offset: Int, line: Int)?

    public static func == (lhs: CSVDialect, rhs: CSVDialect) -> Bool {
        lhs.encoding == rhs.encoding && lhs.byteOrderMarkLength == rhs.byteOrderMarkLength
            && lhs.separator == rhs.separator && lhs.firstInvalidByte?.offset == rhs.firstInvalidByte?.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(encoding)
        hasher.combine(separator)
        hasher.combine(firstInvalidByte?.offset)
    }

    /// The size of the chunks read.
    static let chunkSize = 1 << 16

    /// Reads a source once to find its dialect, then rewinds it; nil when reading failed.
    public static func detect<Source: ByteChunkSource>(_ source: inout Source, options: CSVOptions) -> CSVDialect? {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var validator = UTF8Validator()
        var invalidOffset: Int?
        var position = 0
        var bomMatched = 0
        var header = HeaderScan(candidates: options.separators)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let read = buffer.withUnsafeMutableBufferPointer { source.read(into: $0) }
            guard let count = read else { return nil }
            if count == 0 { break }
            buffer.withUnsafeBufferPointer { all in
                let chunk = UnsafeBufferPointer(rebasing: all[0..<count])
                for byte in chunk {
                    if header.finished { break }
                    if position < 3, bomMatched == position, byte == byteOrderMark[position] {
                        bomMatched += 1
                    } else {
                        header.scan(byte)
                    }
                    position += 1
                }
                if invalidOffset == nil { invalidOffset = validator.feed(chunk) }
            }
            if invalidOffset != nil, header.finished { break }
        }
        if invalidOffset == nil, validator.isTruncated { invalidOffset = validator.offset }
        var firstInvalid: (offset: Int, line: Int)?
        if let invalidOffset {
            guard source.rewind(), let line = lineNumber(at: invalidOffset, in: &source) else { return nil }
            firstInvalid = (invalidOffset, line)
        }
        guard source.rewind() else { return nil }
        return CSVDialect(encoding: invalidOffset == nil ? .utf8 : .windows1252,
                          byteOrderMarkLength: bomMatched == 3 ? 3 : 0,
                          separator: header.chosen, firstInvalidByte: firstInvalid)
    }

    /// The 1-based line holding a byte offset (`\r\n`, `\n` and a lone `\r` end lines).
    static func lineNumber<Source: ByteChunkSource>(at target: Int, in source: inout Source) -> Int? {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var line = 1, position = 0, previousCR = false
        while position < target {
            let read = buffer.withUnsafeMutableBufferPointer { source.read(into: $0) }
            guard let count = read else { return nil }
            if count == 0 { break }
            for byte in buffer[0..<min(count, target - position)] {
                if byte == 0x0A, !previousCR { line += 1 }
                if byte == 0x0D { line += 1 }
                previousCR = byte == 0x0D
            }
            position += count
        }
        return line
    }
}

/// Counts the candidate separators on the header line, outside quotes.
struct HeaderScan {
    let candidates: [UInt8]
    var counts: [Int]
    var quoted = false
    var started = false
    private(set) var finished = false

    init(candidates: [UInt8]) {
        self.candidates = candidates
        self.counts = Array(repeating: 0, count: candidates.count)
    }

    mutating func scan(_ byte: UInt8) {
        if !quoted, byte == 0x0A || byte == 0x0D {
            // Leading empty lines do not end the header.
            if started { finished = true }
            return
        }
        started = true
        if byte == UInt8(ascii: "\"") {
            quoted.toggle()
        } else if !quoted, let index = candidates.firstIndex(of: byte) {
            counts[index] += 1
        }
    }

    /// The most frequent candidate; the first on a tie (and when none occurs).
    var chosen: UInt8 {
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}
