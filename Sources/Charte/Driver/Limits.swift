/// The limits that keep Charte safe on any input; each excess is a diagnostic, never a crash
/// or a hang. The adjustable ones are properties (`charte verifier --taille-max` sets
/// `fileSize`); the fixed ones are constants of the phase that enforces them, listed here.
public struct Limits: Sendable, Hashable {
    /// The largest charter (or imported table) read, in bytes (16 MiB by default): E013. A larger
    /// file is refused without being read whole. Journals are streamed row by row instead.
    public var fileSize: Int = 16 * 1024 * 1024
    /// The longest line of a charter, in bytes without its line end (1 MiB by default): E013.
    public var lineLength: Int = 1024 * 1024
    /// The deepest nesting of conditions (parentheses and `non`): E012. Informative: the parser
    /// always uses `Parser.maximumDepth` (a bound on its recursion, so not adjustable).
    public var nesting: Int = Parser.maximumDepth
    /// The most diagnostics printed before "… et N autres".
    public var printedDiagnostics: Int = 200
    /// The longest query accepted, in bytes: E013.
    public var queryLength: Int = 4096
    /// The largest CSV field, in bytes: the row is skipped and reported (`champ_trop_long`).
    public var csvField: Int = 1024 * 1024
    /// The most fields in one CSV row: the row is skipped and reported (`trop_de_champs`).
    public var csvFields: Int = 1000
    /// The largest CSV row, in bytes (its fields together, 4 MiB by default): the row is skipped
    /// and reported (`ligne_trop_longue`).
    public var csvRecord: Int = 4 * 1024 * 1024
    /// The longest line the REPL reads, in bytes (64 KiB by default): a longer line of standard
    /// input is read to its end and dropped with a message; the line editor stops growing there.
    public var inputLine: Int = 64 * 1024
    /// The most bytes of the REPL's history file read (its last ones, 1 MiB by default); the
    /// file is compacted when it grows past half of it.
    public var historyFile: Int = 1024 * 1024

    // MARK: - Fixed limits

    /// The most `et`/`ou` operators in one condition: E013.
    public static let conditionOperators = Parser.maximumOperators
    /// The most diagnostics each phase (lexer, parser, checker) keeps; the others are counted in one E013.
    public static let keptDiagnostics = DiagnosticCap.perPhase
    /// The most attributes in an object type, and values in an enumeration: E013.
    public static let attributes = Checker.maximumAttributes
    /// The most named dates and periods in the calendar: E013.
    public static let calendarEntries = Checker.maximumCalendarEntries
    /// The most candidate comparisons spent on "vouliez-vous dire" over one check (then none are offered).
    public static let suggestionWork = SuggestionBudget.limit
    /// The most evaluations spent on the static analysis (W501, W502, E500, W503) over one check.
    public static let coverageWork = Coverage.maximumWork
    /// The most prerequisite visits spent on E400 over one check.
    public static let deadlineWork = Checker.deadlineWork

    /// The default limits.
    public static let standard = Limits()

    /// Creates the default limits.
    public init() {}

    /// The first line longer than `limit` bytes (line ends not counted): its start and length.
    ///
    /// Line breaks are looked for eight bytes at a time: this runs over every charter read.
    public static func firstLine(of bytes: [UInt8], longerThan limit: Int) -> (start: Int, length: Int)? {
        guard bytes.count > limit else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> (start: Int, length: Int)? in
            guard let base = buffer.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var start = 0
            while start <= count {
                // The next line break at or after `start`, or the end of the file.
                var newline = start
                while newline + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: newline, as: UInt64.self)
                    guard Lexer.hasByte(word, UInt8(ascii: "\n")) | Lexer.hasByte(word, UInt8(ascii: "\r")) == 0 else { break }
                    newline += 8
                }
                while newline < count, !Lexer.isLineEnd(buffer[newline]) { newline += 1 }
                let end = newline
                if end - start > limit { return (start, end - start) }
                // `\r\n` is one line end, a lone `\r` another.
                if newline + 1 < count, buffer[newline] == UInt8(ascii: "\r"), buffer[newline + 1] == UInt8(ascii: "\n") { newline += 1 }
                start = newline + 1
            }
            return nil
        }
    }
}
