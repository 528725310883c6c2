/// What a first pass over a CSV file finds before the records are read: the encoding, the
/// byte order mark and the separator.
///
/// The encoding is decided for the whole file before the first record is handed out: UTF-16
/// when it starts with its byte order mark; Windows-1252 only when the file as a whole is not
/// UTF-8 *and* looks like Windows-1252 (`EncodingCensus`); UTF-8 otherwise, where a row with
/// bytes that are not UTF-8 is reported on its own (`hasDamagedRows`) and never makes the
/// whole file be re-read another way. The pass reads chunk by chunk and allocates one buffer.
public struct CSVDialect: Sendable, Hashable {
    /// The encoding the records are decoded from.
    public var encoding: TextEncoding
    /// The length of the byte order mark at the start (0, 2 for UTF-16 or 3 for UTF-8).
    public var byteOrderMarkLength: Int
    /// The separator found in the header line.
    public var separator: UInt8
    /// Where the file stopped being UTF-8 (byte offset, 1-based line), when it was read as Windows-1252.
    public var firstInvalidByte: (offset: Int, line: Int)?
    /// Whether a UTF-8 file has bytes that are not UTF-8: its records are then checked one by one.
    public var hasDamagedRows = false

    public static func == (lhs: CSVDialect, rhs: CSVDialect) -> Bool {
        lhs.encoding == rhs.encoding && lhs.byteOrderMarkLength == rhs.byteOrderMarkLength
            && lhs.separator == rhs.separator && lhs.firstInvalidByte?.offset == rhs.firstInvalidByte?.offset
            && lhs.hasDamagedRows == rhs.hasDamagedRows
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
        var census = EncodingCensus()
        var header = HeaderScan(candidates: options.separators)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        // The first three bytes decide the byte order mark, whatever the chunks.
        var head: [UInt8] = []
        var ended = false
        while head.count < 3, !ended {
            let read = buffer.withUnsafeMutableBufferPointer { source.read(into: UnsafeMutableBufferPointer(rebasing: $0[0..<(3 - head.count)])) }
            guard let count = read else { return nil }
            if count == 0 { ended = true }
            head += buffer[0..<count]
        }
        let mark = byteOrderMark(head[...])
        var utf16 = mark.flatMap { $0.encoding == .utf8 ? nil : UTF16Transcoder(littleEndian: $0.encoding == .utf16LE) }
        var transcoded: [UInt8] = []
        /// Scans one chunk; false when nothing more needs reading.
        func scan(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
            if var transcoder = utf16 {
                // Only the header matters: UTF-16 is transcoded again while the records are read.
                transcoded.removeAll(keepingCapacity: true)
                transcoder.transcode(chunk, into: &transcoded)
                utf16 = transcoder
                for byte in transcoded where !header.finished { header.scan(byte) }
                return !header.finished
            }
            for byte in chunk {
                if header.finished { break }
                header.scan(byte)
            }
            census.feed(chunk)
            return true
        }
        var more = Array(head.dropFirst(mark?.length ?? 0)).withUnsafeBufferPointer { scan($0) }
        while more, !ended {
            let read = buffer.withUnsafeMutableBufferPointer { source.read(into: $0) }
            guard let count = read else { return nil }
            if count == 0 { break }
            more = buffer.withUnsafeBufferPointer { scan(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
        census.finish()
        var dialect = CSVDialect(encoding: mark?.encoding ?? .utf8, byteOrderMarkLength: mark?.length ?? 0,
                                 separator: header.chosen, firstInvalidByte: nil)
        if utf16 == nil, let invalidOffset = census.firstInvalid {
            if census.looksLikeWindows1252 {
                let offset = invalidOffset + dialect.byteOrderMarkLength
                guard source.rewind(), let line = lineNumber(at: offset, in: &source) else { return nil }
                dialect.encoding = .windows1252
                dialect.firstInvalidByte = (offset, line)
            } else {
                dialect.hasDamagedRows = true
            }
        }
        guard source.rewind() else { return nil }
        return dialect
    }

    /// The byte order mark a file starts with, if any.
    static func byteOrderMark(_ bytes: ArraySlice<UInt8>) -> (encoding: TextEncoding, length: Int)? {
        let start = Array(bytes.prefix(3))
        if start.count == 3, start == [0xEF, 0xBB, 0xBF] { return (.utf8, 3) }
        if start.count >= 2, start[0] == 0xFF, start[1] == 0xFE { return (.utf16LE, 2) }
        if start.count >= 2, start[0] == 0xFE, start[1] == 0xFF { return (.utf16BE, 2) }
        return nil
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
