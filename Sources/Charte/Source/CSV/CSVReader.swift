/// A streaming RFC 4180 reader: bytes in chunks → records of fields with their line numbers.
///
/// - `""` inside a quoted field is one quote; separators and line breaks inside quotes are
///   content (a line break inside a field is kept as `\n`).
/// - Records end with `\r\n`, `\n` or a lone `\r`; empty lines are skipped.
/// - Lenient where spreadsheets are sloppy: a quote inside an unquoted field, or text after a
///   closing quote, is kept as written.
/// - A record with a field over the size limit or too many fields is skipped with a
///   `CSVIssue` carrying its line; reading goes on with the next record.
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
    private var finished = false
    private var skipBOM: Int

    // The record being read.
    private var bytes: [UInt8] = []
    private var bounds: [Int] = [0]
    private var state = State.fieldStart
    private var fieldLength = 0
    private var fieldCount = 0
    private var overflow: CSVIssue.Kind?
    private var recordLine = 1
    private var recordHasBytes = false

    // Position.
    private var line = 1
    private var previousCR = false

    /// The 1-based line on which the current record starts.
    public private(set) var currentLine = 0

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuotedCR }

    /// Prepares to read a source: a first pass finds the dialect, then the source is rewound.
    public init(source: Source, options: CSVOptions = .journal) throws(CSVReadError) {
        var source = source
        guard let dialect = CSVDialect.detect(&source, options: options) else { throw .unreadable }
        self.source = source
        self.options = options
        self.dialect = dialect
        self.skipBOM = dialect.byteOrderMarkLength
        self.chunk = [UInt8](repeating: 0, count: CSVDialect.chunkSize)
        if let invalid = dialect.firstInvalidByte {
            issues.append(CSVIssue(line: invalid.line, kind: .notUTF8(offset: invalid.offset, line: invalid.line)))
        }
    }

    // MARK: - Reading records

    /// Reads the next record; false at the end of the file.
    public mutating func next() -> Bool {
        while true {
            if chunkIndex == chunkCount {
                if finished { return false }
                let read = chunk.withUnsafeMutableBufferPointer { source.read(into: $0) }
                chunkIndex = 0
                guard let count = read else {
                    issues.append(CSVIssue(line: line, kind: .readFailed))
                    finished = true
                    chunkCount = 0
                    return false
                }
                chunkCount = count
                if count == 0 {
                    finished = true
                    if finishAtEnd() { return true }
                    return false
                }
            }
            if scanChunk() { return true }
        }
    }

    /// Scans bytes of the current chunk until a record is complete (true) or the chunk is used up.
    private mutating func scanChunk() -> Bool {
        let separator = dialect.separator
        let quote = UInt8(ascii: "\"")
        var index = chunkIndex
        let count = chunkCount
        defer { chunkIndex = index }
        return chunk.withUnsafeBufferPointer { buffer in
            while index < count {
                if skipBOM > 0 {
                    skipBOM -= 1
                    index += 1
                    continue
                }
                // Fast path: a run of ordinary bytes inside a field is copied at once.
                if state == .unquoted || state == .quoted {
                    let start = index
                    if state == .unquoted {
                        while index < count, buffer[index] != separator, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
                    } else {
                        while index < count, buffer[index] != quote, buffer[index] != 0x0A, buffer[index] != 0x0D { index += 1 }
                    }
                    if index > start {
                        appendRun(UnsafeBufferPointer(rebasing: buffer[start..<index]))
                        previousCR = false
                    }
                    if index == count { break }
                }
                let byte = buffer[index]
                index += 1
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
                        if completeRecord() { return true }
                    } else if byte == quote, state == .fieldStart {
                        recordHasBytes = true
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
                        state = .afterQuotedCR
                    } else if byte == 0x0A, state == .afterQuotedCR {
                        state = .quoted
                    } else {
                        append(byte)
                        state = .quoted
                    }
                case .quoteInQuoted:
                    if byte == quote {
                        append(quote)
                        state = .quoted
                    } else if byte == separator {
                        endField()
                        state = .fieldStart
                    } else if byte == 0x0A || byte == 0x0D {
                        if completeRecord() { return true }
                    } else {
                        append(byte)
                        state = .unquoted
                    }
                }
            }
            return false
        }
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
            resetRecord()
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
        return true
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

    private mutating func resetRecord() {
        bytes.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
        bounds.append(0)
        fieldCount = 0
        fieldLength = 0
        overflow = nil
        recordHasBytes = false
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
        withField(index) { dialect.encoding.decode($0) }
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
