/// Checks a journal (what really happened) against a charter, at a date (spec section 8).
///
/// The journal is streamed: rows are read one at a time from the CSV reader, each distinct
/// cell is resolved once (`ByteStringTable`), permissions use the authorizer's fast path and only
/// rows that are not permitted are explained. What is kept per row is a few integers for events
/// and completions, so memory grows with the findings, not with the file.
public struct JournalChecker: Sendable {
    /// The model of the checked charter the journal is checked against.
    public let charter: Charter
    /// The charter's source, to give the lines of deciding rules.
    public let charterSource: SourceFile?
    /// Every source of the charter (its model's too, for an adaptation), so a rule gets its own file's line.
    let sources: SourceMap?
    /// The date of the check.
    public let date: CalendarDate
    /// Whether undetermined action rows are tolerated (they fail the run otherwise).
    public let toleratesUndetermined: Bool
    let authorizer: Authorizer
    let names: JournalNames

    /// Prepares a check of journals against a checked charter at a date.
    public init(charter: CheckedCharter, date: CalendarDate, toleratesUndetermined: Bool = false) {
        self.init(charter: charter.model, charterSource: charter.file, date: date, toleratesUndetermined: toleratesUndetermined,
                  sources: charter.sources)
    }

    /// The same over a bare model (the library's own tests and benchmarks of parts).
    init(charter: Charter, charterSource: SourceFile?, date: CalendarDate, toleratesUndetermined: Bool = false,
         sources: SourceMap? = nil) {
        self.charter = charter
        self.charterSource = charterSource
        self.sources = sources
        self.date = date
        self.toleratesUndetermined = toleratesUndetermined
        self.authorizer = Authorizer(charter: charter)
        self.names = JournalNames(charter: charter)
    }

    /// The source a span of the charter was written in (the model's, for what an adaptation keeps).
    func source(of span: Span) -> SourceFile? {
        if span.file == charterSource?.id { return charterSource }
        guard let sources, sources.files.indices.contains(span.file.rawValue) else { return nil }
        return sources[span.file]
    }

    /// Checks a journal file, streaming it; throws when it cannot be opened or read.
    public func check(path: String, limits: Limits = .standard) throws(CSVReadError) -> JournalReport {
        var reader = try CSVReader<FileByteSource>.open(path: path, options: CSVOptions(limits: limits))
        return check(&reader)
    }

    /// Checks a journal held in memory.
    public func check(bytes: [UInt8], limits: Limits = .standard) -> JournalReport {
        do {
            var reader = try CSVReader(source: MemoryByteSource(bytes), options: CSVOptions(limits: limits))
            return check(&reader)
        } catch {
            var report = JournalReport(date: date)
            report.toleratesUndetermined = toleratesUndetermined
            report.issues = [JournalIssue(line: 1, kind: .csv(.readFailed))]
            report.headerUsable = false
            return report
        }
    }

    /// Checks the records of a reader.
    public func check<Source: ByteChunkSource>(_ reader: inout CSVReader<Source>) -> JournalReport {
        var run = JournalRun(checker: self, dialect: reader.dialect)
        guard reader.next() else {
            run.finishWithoutHeader(issues: reader.issues)
            return run.report
        }
        let header = reader.record
        guard run.readHeader(header) else {
            run.finishWithoutHeader(issues: reader.issues)
            return run.report
        }
        while reader.next() { run.process(reader) }
        run.finish(csvIssues: reader.issues)
        return run.report
    }
}
