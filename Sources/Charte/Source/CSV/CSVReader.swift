/// A streaming RFC 4180 reader: bytes in chunks → records of fields with their line numbers.
///
/// - `""` inside a quoted field is one quote; separators and line breaks inside quotes are
///   content (a line break inside a field is kept as `\n`).
/// - Records end with `\r\n`, `\n` or a lone `\r`; empty lines are skipped.
/// - A quote inside an unquoted field is kept as written; spaces after a closing quote are
///   ignored.
/// - **Quoting errors never hide rows.** A quoted field that runs past a line end and then meets
///   a separator (a stray `"` swallowing the rows after it), a quote never closed, or text after
///   a closing quote drops that one record, reported at its first line, and reading starts again
///   at the next physical line: the rows the quote swallowed are read as rows. Only the bytes
///   after the first line break of a multi-line record are kept for that, bounded by the record
///   limit.
/// - A record with a field over the size limit or too many fields is skipped with a
///   `CSVIssue` carrying its line; reading goes on with the next record.
/// - Records are handed out in UTF-8: UTF-16 is transcoded as it is read, Windows-1252 record by
///   record; in a UTF-8 file with bytes that are not UTF-8, each such record is reported
///   (`invalidBytes`, `currentRecordIsDamaged`) with the bad bytes replaced by U+FFFD.
///
/// The current record lives in one reused byte buffer: reading a record allocates nothing once
/// the buffers have grown, so a million-row journal costs one pass and no per-row garbage.
public struct CSVReader<Source: ByteChunkSource> {
    /// The dialect found by the first pass.
    public let dialect: CSVDialect
    /// Problems met so far, in file order (the encoding warning first).
    public private(set) var issues: [CSVIssue] = []

    private var source: Source
    private let options: CSVOptions
    private var chunk: [UInt8]
    private var chunkCount = 0
    private var chunkIndex = 0
    private var atEnd = false
    private var failed = false
    private var skipBOM: Int
    private var utf16: UTF16Transcoder?
    private var rawChunk: [UInt8] = []

    // The record being read.
    private var bytes: [UInt8] = []
    private var bounds: [Int] = [0]
    private var state = State.fieldStart
    private var fieldLength = 0
    private var fieldCount = 0
    private var overflow: CSVIssue.Kind?
    private var recordLine = 1
    private var recordHasBytes = false
    /// Whether the quoted field being read has crossed a line end.
    private var fieldSpansLine = false

    // Re-synchronising after a quoting error: the bytes after the record's first line break.
    private var recording = false
    private var replay: [UInt8] = []
    private var replayLine = 1
    private var replayAfterCR = false

    // Position.
    private var line = 1
    private var previousCR = false

    /// The 1-based line on which the current record starts.
    public private(set) var currentLine = 0
    /// Whether the current record had bytes that are not UTF-8 (replaced by U+FFFD).
    public private(set) var currentRecordIsDamaged = false

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuotedCR, afterClosingQuote, skippingLine }

    /// What scanning a chunk ended on.
    private enum Scan { case record, needMore, resync(Int) }

    /// Prepares to read a source: a first pass finds the dialect, then the source is rewound.
    public init(source: Source, options: CSVOptions = .journal) throws(CSVReadError) {
        var source = source
        guard let dialect = CSVDialect.detect(&source, options: options) else { throw .unreadable }
        self.source = source
        self.options = options
        self.dialect = dialect
        self.skipBOM = dialect.byteOrderMarkLength
        self.chunk = [UInt8](repeating: 0, count: CSVDialect.chunkSize)
        switch dialect.encoding {
        case .utf16LE: utf16 = UTF16Transcoder(littleEndian: true)
        case .utf16BE: utf16 = UTF16Transcoder(littleEndian: false)
        case .utf8, .windows1252: break
        }
        if let invalid = dialect.firstInvalidByte {
            issues.append(CSVIssue(line: invalid.line, kind: .notUTF8(offset: invalid.offset, line: invalid.line)))
        }
    }

    // MARK: - Reading records

    /// Reads the next record; false at the end of the file.
    public mutating func next() -> Bool {
        while true {
            if chunkIndex == chunkCount {
                if failed { return false }
                if atEnd {
                    if finishAtEnd() { return true }
                    // A quote open at the end may have given bytes back to read again.
                    if chunkIndex < chunkCount { continue }
                    return false
                }
                guard fill() else {
                    issues.append(CSVIssue(line: line, kind: .readFailed))
                    failed = true
                    chunkCount = 0
                    chunkIndex = 0
                    return false
                }
                continue
            }
            if scanChunk() { return true }
        }
    }

    /// Reads the next chunk of (UTF-8) bytes into `chunk`; false when reading failed.
    private mutating func fill() -> Bool {
        chunkIndex = 0
        chunkCount = 0
        guard var transcoder = utf16 else {
            if chunk.count < CSVDialect.chunkSize { chunk = [UInt8](repeating: 0, count: CSVDialect.chunkSize) }
            guard let count = chunk.withUnsafeMutableBufferPointer({ source.read(into: $0) }) else { return false }
            if count == 0 { atEnd = true }
            chunkCount = count
            let skipped = min(skipBOM, count)
            skipBOM -= skipped
            chunkIndex = skipped
            return true
        }
        if rawChunk.isEmpty { rawChunk = [UInt8](repeating: 0, count: CSVDialect.chunkSize / 2) }
        guard let count = rawChunk.withUnsafeMutableBufferPointer({ source.read(into: $0) }) else { return false }
        chunk.removeAll(keepingCapacity: true)
        if count == 0 {
            atEnd = true
            transcoder.finish(into: &chunk)
        } else {
            let skipped = min(skipBOM, count)
            skipBOM -= skipped
            rawChunk.withUnsafeBufferPointer { transcoder.transcode(UnsafeBufferPointer(rebasing: $0[skipped..<count]), into: &chunk) }
        }
        utf16 = transcoder
        chunkCount = chunk.count
        return true
    }

    /// Scans bytes of the current chunk until a record is complete (true) or the chunk is used up.
    private mutating func scanChunk() -> Bool {
        let separator = dialect.separator
        let quote = UInt8(ascii: "\"")
        var index = chunkIndex
        let count = chunkCount
        let result: Scan = chunk.withUnsafeBufferPointer { buffer in
            while index < count {
                // Fast path: a run of ordinary bytes inside a field is copied at once.
                if state == .unquoted || state == .quoted {
                    let start = index
                    if state == .unquoted {
                        while index < count, buffer[index] != separator, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
                    } else {
                        while index < count, buffer[index] != quote, buffer[index] != 0x0A, buffer[index] != 0x0D,
                              !(fieldSpansLine && buffer[index] == separator) { index += 1 }
                    }
                    if index > start {
                        let run = UnsafeBufferPointer(rebasing: buffer[start..<index])
                        if recording { replay.append(contentsOf: run) }
                        appendRun(run)
                        previousCR = false
                        if state == .quoted, fieldSpansLine, overflow != nil || replay.count > options.recordLimit {
                            return quotingError(.quoteRunsPastLine)
                        }
                    }
                    if index == count { break }
                }
                let byte = buffer[index]
                index += 1
                if recording { replay.append(byte) }
                // Lines are counted for every byte, inside quotes too.
                let lineOfByte = line
                if byte == 0x0A {
                    if !previousCR { line += 1 }
                } else if byte == 0x0D {
                    line += 1
                }
                let afterCR = previousCR
                previousCR = byte == 0x0D
                switch state {
                case .fieldStart, .unquoted:
                    if state == .fieldStart, !recordHasBytes {
                        if byte == 0x0A, afterCR { continue }  // the \n of a \r\n already handled
                        recordLine = lineOfByte
                    }
                    if byte == separator {
                        recordHasBytes = true
                        endField()
                        state = .fieldStart
                    } else if byte == 0x0A || byte == 0x0D {
                        if completeRecord() { return .record }
                    } else if byte == quote, state == .fieldStart {
                        recordHasBytes = true
                        fieldSpansLine = false
                        state = .quoted
                    } else {
                        recordHasBytes = true
                        append(byte)
                        state = .unquoted
                    }
                case .quoted, .afterQuotedCR:
                    if byte == quote {
                        state = .quoteInQuoted
                    } else if byte == 0x0D {
                        append(0x0A)
                        lineBreakInQuotes(afterCR: true)
                        state = .afterQuotedCR
                    } else if byte == 0x0A {
                        if state != .afterQuotedCR {
                            append(0x0A)
                            lineBreakInQuotes(afterCR: false)
                        }
                        state = .quoted
                    } else if byte == separator, fieldSpansLine {
                        return quotingError(.quoteRunsPastLine)
                    } else {
                        append(byte)
                        state = .quoted
                    }
                    if fieldSpansLine, overflow != nil || replay.count > options.recordLimit {
                        return quotingError(.quoteRunsPastLine)
                    }
                case .quoteInQuoted, .afterClosingQuote:
                    if byte == quote, state == .quoteInQuoted {
                        append(quote)
                        state = .quoted
                    } else if byte == separator {
                        endField()
                        state = .fieldStart
                    } else if byte == 0x0A || byte == 0x0D {
                        if completeRecord() { return .record }
                    } else if byte == 0x20 || byte == 0x09 {
                        state = .afterClosingQuote
                    } else {
                        return quotingError(.textAfterQuote)
                    }
                case .skippingLine:
                    if byte == 0x0A || byte == 0x0D {
                        resetRecord()
                        state = .fieldStart
                    }
                }
            }
            return .needMore
        }
        switch result {
        case .record:
            chunkIndex = index
            return true
        case .needMore:
            chunkIndex = index
            return false
        case .resync(let rest):
            // Read again from the line after the record's first: what was kept, then the rest of the chunk.
            var again = replay
            again.append(contentsOf: chunk[rest..<count])
            replay = []
            chunk = again
            chunkIndex = 0
            chunkCount = again.count
            line = replayLine
            previousCR = replayAfterCR
            replay.removeAll(keepingCapacity: true)
            recording = false
            return false
        }

        /// Drops the record after a quoting error: reading resumes at its second line if it has
        /// one (`.resync`), else after the end of its line.
        func quotingError(_ kind: CSVIssue.Kind) -> Scan {
            issues.append(CSVIssue(line: recordLine, kind: kind))
            let wasRecording = recording
            resetRecord(keepingReplay: true)
            if wasRecording {
                state = .fieldStart
                return .resync(index)
            }
            state = .skippingLine
            return .needMore
        }
    }

    /// A line break inside a quoted field: the field spans lines, and from the record's first
    /// one the bytes read are kept to read them again after a quoting error.
    private mutating func lineBreakInQuotes(afterCR: Bool) {
        fieldSpansLine = true
        guard !recording else { return }
        recording = true
        replay.removeAll(keepingCapacity: true)
        replayLine = line
        replayAfterCR = afterCR
    }

    /// Ends the record at a line break; true when it is to be handed out.
    private mutating func completeRecord() -> Bool {
        state = .fieldStart
        if !recordHasBytes, options.skipsEmptyLines {
            return false
        }
        endField()
        return handOut()
    }

    /// Ends the last record at the end of the file; true when one is handed out.
    private mutating func finishAtEnd() -> Bool {
        switch state {
        case .quoted, .afterQuotedCR:
            issues.append(CSVIssue(line: recordLine, kind: .unclosedQuote))
            let wasRecording = recording
            resetRecord(keepingReplay: true)
            state = .fieldStart
            if wasRecording {
                chunk = replay
                chunkIndex = 0
                chunkCount = replay.count
                line = replayLine
                previousCR = replayAfterCR
                replay = []
                recording = false
            }
            return false
        case .skippingLine:
            resetRecord()
            state = .fieldStart
            return false
        case .fieldStart where !recordHasBytes:
            return false
        default:
            endField()
            state = .fieldStart
            return handOut()
        }
    }

    /// Makes the record current, or reports and drops it when it broke a limit.
    private mutating func handOut() -> Bool {
        if let overflow {
            issues.append(CSVIssue(line: recordLine, kind: overflow))
            resetRecord()
            return false
        }
        currentLine = recordLine
        swap(&publishedBytes, &bytes)
        swap(&publishedBounds, &bounds)
        resetRecord()
        currentRecordIsDamaged = false
        if dialect.encoding == .windows1252 {
            toUTF8(from: .windows1252)
        } else if dialect.hasDamagedRows, !isUTF8(publishedBytes) {
            currentRecordIsDamaged = true
            issues.append(CSVIssue(line: currentLine, kind: .invalidBytes))
            toUTF8(from: .utf8)
        }
        return true
    }

    private func isUTF8(_ bytes: [UInt8]) -> Bool {
        var validator = UTF8Validator()
        return bytes.withUnsafeBufferPointer { validator.feed($0) == nil } && !validator.isTruncated
    }

    /// Rewrites the published record in UTF-8, field by field.
    private mutating func toUTF8(from encoding: TextEncoding) {
        var converted: [UInt8] = []
        converted.reserveCapacity(publishedBytes.count + 16)
        var newBounds = [0]
        for field in 0..<(publishedBounds.count - 1) {
            encoding.appendUTF8(publishedBytes[publishedBounds[field]..<publishedBounds[field + 1]], to: &converted)
            newBounds.append(converted.count)
        }
        publishedBytes = converted
        publishedBounds = newBounds
    }

    private mutating func append(_ byte: UInt8) {
        guard overflow == nil else { return }
        if fieldLength >= options.fieldLimit {
            overflow = .fieldTooLong(limit: options.fieldLimit)
            return
        }
        if bytes.count >= options.recordLimit {
            overflow = .recordTooLong(limit: options.recordLimit)
            return
        }
        fieldLength += 1
        bytes.append(byte)
    }

    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard overflow == nil else { return }
        if fieldLength + run.count > options.fieldLimit {
            overflow = .fieldTooLong(limit: options.fieldLimit)
            return
        }
        if bytes.count + run.count > options.recordLimit {
            overflow = .recordTooLong(limit: options.recordLimit)
            return
        }
        fieldLength += run.count
        bytes.append(contentsOf: run)
    }

    private mutating func endField() {
        fieldLength = 0
        guard overflow == nil else { return }
        if fieldCount >= options.fieldCountLimit {
            overflow = .tooManyFields(limit: options.fieldCountLimit)
            return
        }
        fieldCount += 1
        bounds.append(bytes.count)
    }

    private mutating func resetRecord(keepingReplay: Bool = false) {
        bytes.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        bounds.append(0)
        fieldCount = 0
        fieldLength = 0
        overflow = nil
        recordHasBytes = false
        fieldSpansLine = false
        // The kept bytes are read again after a quoting error; a record ended normally drops them.
        if !keepingReplay {
            recording = false
            replay.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - The current record

    // The record handed out: swapped with the working buffers so neither is copied.
    private var publishedBytes: [UInt8] = []
    private var publishedBounds: [Int] = [0]

    /// The number of fields of the current record.
    public var count: Int { publishedBounds.count - 1 }

    /// The raw bytes of a field of the current record, passed to `body` without copying.
    public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard index >= 0, index < count else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let range = publishedBounds[index]..<publishedBounds[index + 1]
        return publishedBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// A field of the current record, decoded ("" when out of range).
    public func field(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The current record as values.
    public var record: CSVRecord {
        CSVRecord(line: currentLine, fields: (0..<count).map(field))
    }
}

/// Why a CSV file could not be read at all.
public enum CSVReadError: Error, Sendable, Hashable {
    /// The file could not be opened or read.
    case unreadable
}

extension CSVReader where Source == MemoryByteSource {
    /// Reads a whole table held in memory (an imported spreadsheet): every record and issue.
    public static func read(bytes: [UInt8], options: CSVOptions = .journal) -> CSVDocument {
        // Reading from memory cannot fail.
        guard var reader = try? CSVReader(source: MemoryByteSource(bytes), options: options) else {
            return CSVDocument(records: [], issues: [CSVIssue(line: 1, kind: .readFailed)], encoding: .utf8,
                               separator: options.separators.first ?? UInt8(ascii: ","))
        }
        var records: [CSVRecord] = []
        while reader.next() { records.append(reader.record) }
        return CSVDocument(records: records, issues: reader.issues.sorted { $0.line < $1.line },
                           encoding: reader.dialect.encoding, separator: reader.dialect.separator)
    }
}

extension CSVReader where Source == FileByteSource {
    /// Opens a file for streaming; throws when it cannot be opened or read.
    public static func open(path: String, options: CSVOptions = .journal) throws(CSVReadError) -> CSVReader<FileByteSource> {
        guard let source = FileByteSource(path: path) else { throw .unreadable }
        return try CSVReader(source: source, options: options)
    }
}
