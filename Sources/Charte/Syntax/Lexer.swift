/// Turns the bytes of a source file into tokens, collecting lexical diagnostics.
///
/// The lexer never stops at an error: it reports it with its span and goes on,
/// producing a token where one was meant so the parser does not cascade.
/// `tokenize` lexes a whole file into `tokens`; the loader instead lets the parser pull
/// tokens one at a time (`nextToken`), so a large charter never holds all its tokens at once.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private let fileID: FileID
    private var offset = 0
    /// Where lexing stops: the end of the file.
    private let end: Int
    /// The tokens read so far; the last one is always `.endOfFile` after `tokenize`.
    public private(set) var tokens: [Token] = []
    /// Byte ranges of the comments, in order (the formatter keeps them).
    public private(set) var comments: [Span] = []
    /// The lexical diagnostics.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Counts the diagnostics beyond the phase's share (see `DiagnosticCap`).
    private var cap = DiagnosticCap()
    /// The distinct words read so far.
    private var words = ByteStringTable<Word>()
    /// Whether the end of the file was reached (the diagnostic cap is closed once).
    private var finished = false

    /// Lexes a whole file.
    public static func tokenize(_ file: SourceFile) -> Lexer {
        var lexer = Lexer(file: file)
        // About one token per six bytes in real charters; untouched capacity costs no memory.
        lexer.tokens.reserveCapacity(file.bytes.count / 4 + 16)
        while true {
            let token = lexer.nextToken()
            lexer.tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return lexer
    }

    /// A lexer positioned at the start of a file (after its BOM), with no token read yet.
    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        self.fileID = file.id
        end = file.bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
    }

    private func span(_ start: Int, _ end: Int) -> Span { Span(file: fileID, start: start, end: end) }

    private mutating func report(_ message: Message, _ start: Int, _ end: Int) {
        cap.append(Diagnostic(message, at: span(start, end)), to: &diagnostics)
    }

    private func token(_ kind: TokenKind, _ start: Int, keyword: Keyword? = nil, value: TokenValue = .none) -> Token {
        Token(kind: kind, span: span(start, offset), keyword: keyword, value: value)
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        offset + ahead < bytes.count ? bytes[offset + ahead] : 0
    }

    // MARK: - Main loop

    /// Reads up to the next token, past spaces, comments and reported bad characters;
    /// `.endOfFile` at the end (again on every later call).
    mutating func nextToken() -> Token {
        while offset < end {
            let byte = bytes[offset]
            let start = offset
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0C:
                offset += 1
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\""):
                return lexString(closing: nil)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return lexNumberOrDate()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return lexWord()
            case 0x80...:
                if let token = lexNonASCII() { return token }
            default:
                if let kind = punctuation() {
                    return token(kind, start)
                }
                offset += 1
                report(.unexpectedCharacter(String(UnicodeScalar(byte))), start, offset)
            }
        }
        if !finished {
            finished = true
            cap.close(&diagnostics)
        }
        return Token(kind: .endOfFile, span: span(end, end), keyword: nil, value: .none)
    }

    /// Reads one punctuation token, advancing past it.
    private mutating func punctuation() -> TokenKind? {
        let byte = peek(), next = peek(1)
        let two: TokenKind? = switch (byte, next) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")): .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
        case (UInt8(ascii: "."), UInt8(ascii: ".")): .dotDot
        default: nil
        }
        if let two { offset += 2; return two }
        let one: TokenKind? = switch byte {
        case UInt8(ascii: "{"): .leftBrace
        case UInt8(ascii: "}"): .rightBrace
        case UInt8(ascii: "("): .leftParen
        case UInt8(ascii: ")"): .rightParen
        case UInt8(ascii: "["): .leftBracket
        case UInt8(ascii: "]"): .rightBracket
        case UInt8(ascii: ","): .comma
        case UInt8(ascii: ":"): .colon
        case UInt8(ascii: "|"): .pipe
        case UInt8(ascii: "+"): .plus
        case UInt8(ascii: "-"): .minus
        case UInt8(ascii: "="): .assign
        case UInt8(ascii: "<"): .less
        case UInt8(ascii: ">"): .greater
        default: nil
        }
        if one != nil { offset += 1 }
        return one
    }

    /// The end of the run of ordinary text from `start`: the first byte that is a line break,
    /// `"` or `\\` (in strings), or starts an invalid sequence, a bidi control or the closing
    /// guillemet. Text is mostly such runs; what stops one is handled byte by byte.
    ///
    /// Eight bytes at a time while they are plain ASCII (SWAR: a word with no byte ≥ 0x80 and
    /// none of the stop bytes passes at once), byte by byte through a window that is not.
    private func endOfPlainText(from start: Int, inString: Bool, closing: UInt32? = nil) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return start }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var position = start
            while position < count {
                if position + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                    var stops = word & Lexer.highBits
                    // Line ends and other control characters (a tab stops the fast path, not the text).
                    stops |= Lexer.hasByteBelowSpace(word) | Lexer.hasByte(word, 0x7F)
                    if inString { stops |= Lexer.hasByte(word, UInt8(ascii: "\"")) | Lexer.hasByte(word, UInt8(ascii: "\\")) }
                    if stops == 0 {
                        position += 8
                        continue
                    }
                }
                let windowEnd = min(position + 8, count)
                while position < windowEnd {
                    let byte = buffer[position]
                    if byte < 0x80 {
                        if Lexer.isControlByte(byte) { return position }
                        if inString, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return position }
                        position += 1
                        continue
                    }
                    let (scalar, length) = Lexer.decode(buffer, at: position)
                    guard let scalar, !Lexer.isBidiControl(scalar), !Lexer.isC1Control(scalar), scalar.value != closing else {
                        return position
                    }
                    position += length
                }
            }
            return position
        }
    }

    /// The high bit of every byte of a word.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte is a line end or another control character (tab excepted): what ends a
    /// run of plain text.
    @inline(__always)
    static func isControlByte(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    /// Whether a byte is a line end: `\n`, or `\r` (alone, or before `\n`). A lone `\r` ends a
    /// line as a terminal shows it, so no text after it can hide in a comment.
    @inline(__always)
    static func isLineEnd(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    /// Whether a scalar is a C1 control character (U+0080–U+009F).
    static func isC1Control(_ scalar: Unicode.Scalar) -> Bool { (0x80...0x9F).contains(scalar.value) }

    /// Nonzero when some byte of `word` is below 0x20 (exact as a yes/no for words of ASCII bytes).
    @inline(__always)
    static func hasByteBelowSpace(_ word: UInt64) -> UInt64 {
        (word &- 0x2020_2020_2020_2020) & ~word & highBits
    }

    /// The high bits of the bytes of `word` equal to `byte` (exact for words of ASCII bytes).
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let spread = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (spread &- 0x0101_0101_0101_0101) & ~spread & highBits
    }

    /// Skips a comment, up to its line end (a lone `\r` included: what follows it is code).
    private mutating func skipComment() {
        let start = offset
        while offset < bytes.count, !Lexer.isLineEnd(bytes[offset]) {
            offset = endOfPlainText(from: offset, inString: false)
            guard offset < bytes.count, !Lexer.isLineEnd(bytes[offset]) else { break }
            if bytes[offset] >= 0x80 {
                checkNonASCIIInText(inString: false)
            } else {
                if Lexer.isControlByte(bytes[offset]) { reportControl(inString: false) } else { offset += 1 }
            }
        }
        comments.append(span(start, offset))
    }

    /// Reports the control character at `offset` inside a string or comment (W602), advancing past it.
    private mutating func reportControl(inString: Bool) {
        let start = offset
        let name = Lexer.scalarName(Unicode.Scalar(bytes[offset]))
        offset += 1
        report(inString ? .controlCharacter(name) : .controlCharacterInComment(name), start, offset)
    }

    // MARK: - UTF-8

    /// Decodes the scalar at `offset`; nil (length 1) for an invalid sequence.
    static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> (scalar: Unicode.Scalar?, length: Int)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        let (length, minimum, initial): (Int, UInt32, UInt32)
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: (length, minimum, initial) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, initial) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, initial) = (4, 0x10000, UInt32(lead & 0x07))
        default: return (nil, 1)
        }
        guard index + length <= bytes.count else { return (nil, 1) }
        var value = initial
        for i in 1..<length {
            let byte = bytes[index + i]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, length)
    }

    /// Reports invalid UTF-8 or a bidi control inside a string or comment, advancing past it.
    @discardableResult
    private mutating func checkNonASCIIInText(inString: Bool) -> Unicode.Scalar? {
        let start = offset
        let (scalar, length) = Lexer.decode(bytes, at: offset)
        offset += length
        guard let scalar else {
            skipInvalidUTF8()
            report(.invalidUTF8(offset: start), start, offset)
            return nil
        }
        if Lexer.isBidiControl(scalar) {
            let name = Lexer.scalarName(scalar)
            report(inString ? .bidiControl(name) : .bidiControlInComment(name), start, offset)
        } else if Lexer.isC1Control(scalar) {
            let name = Lexer.scalarName(scalar)
            report(inString ? .controlCharacter(name) : .controlCharacterInComment(name), start, offset)
        }
        return scalar
    }

    /// Moves past the rest of a run of invalid UTF-8, so one run gives one diagnostic.
    private mutating func skipInvalidUTF8() {
        while offset < bytes.count, bytes[offset] >= 0x80, Lexer.decode(bytes, at: offset).scalar == nil { offset += 1 }
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    static func scalarName(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: scalar == "_"
        }
    }

    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: true
        default: isIdentifierStart(scalar)
        }
    }

    private mutating func lexNonASCII() -> Token? {
        let start = offset
        let (scalar, length) = Lexer.decode(bytes, at: offset)
        guard let scalar else {
            offset += 1
            skipInvalidUTF8()
            report(.invalidUTF8(offset: start), start, offset)
            return nil
        }
        switch scalar.value {
        case 0x00AB:  // «
            return lexString(closing: 0x00BB)
        case 0x00A0, 0x202F, 0x2009, 0xFEFF:  // non-breaking and thin spaces, stray BOM
            offset += length
            return nil
        default:
            if Lexer.isIdentifierStart(scalar) {
                return lexWord()
            }
            offset += length
            report(.unexpectedCharacter(String(Character(scalar))), start, offset)
            return nil
        }
    }

    // MARK: - Words

    private mutating func lexWord() -> Token {
        let start = offset
        var end = start
        var allASCII = true
        var scripts = ScriptSet()
        var hash = ByteStringTable<Word>.initialHash
        var found: (slot: Int, index: Int?) = (0, nil)
        var sawLetter = false
        bytes.withUnsafeBufferPointer { buffer in
            // The hottest loop of the lexer: over the buffer, without bounds checks.
            var position = start
            while position < buffer.count {
                let byte = buffer[position]
                if byte < 0x80 {
                    guard Lexer.isWordByte(byte) else { break }
                    sawLetter = sawLetter || byte >= 65
                    hash = ByteStringTable<Word>.hash(hash, byte)
                    position += 1
                } else {
                    let (scalar, length) = Lexer.decode(buffer, at: position)
                    guard let scalar, Lexer.isIdentifierContinue(scalar) else { break }
                    allASCII = false
                    scripts.insert(ScriptSet.script(of: scalar))
                    for index in position..<position + length { hash = ByteStringTable<Word>.hash(hash, buffer[index]) }
                    position += length
                }
            }
            end = position
            found = words.find(UnsafeBufferPointer(rebasing: buffer[start..<end]), hash: hash)
        }
        if sawLetter { scripts.insert(.latin) }
        offset = end
        // A word met before reuses its string and keyword: no decoding, no allocation, no look-up.
        let text: String, keyword: Keyword?
        if let index = found.index {
            (text, keyword) = (words.values[index].text, words.values[index].keyword)
        } else {
            let spelling = bytes[start..<end]
            text = String(decoding: spelling, as: UTF8.self)
            // ASCII words (nearly all) are matched against the keyword table without building a folded string.
            keyword = allASCII ? Keyword.lookup(ascii: spelling) : Keyword.lookup(folded: Folding.fold(text))
            _ = bytes.withUnsafeBufferPointer { buffer in
                words.insert(UnsafeBufferPointer(rebasing: buffer[start..<end]), hash: hash, value: Word(text: text, keyword: keyword), at: found.slot)
            }
        }
        if scripts.isMixed {
            report(.mixedScripts(name: text, scripts: scripts.scripts), start, end)
        }
        return token(.word, start, keyword: keyword, value: .text(text))
    }

    /// Whether an ASCII byte continues a word (`[A-Za-z0-9_]`), from two 64-bit masks.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000                      // '0'…'9' (48…57)
        let letters: UInt64 = 0x07FF_FFFE_87FF_FFFE                     // 'A'…'Z', '_', 'a'…'z' (64…127)
        let mask = byte < 64 ? digits : letters
        return (mask >> UInt64(byte & 63)) & 1 == 1
    }

    static func asciiLowercased(_ slice: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: slice.count) { buffer in
            var i = 0
            for byte in slice {
                buffer[i] = byte >= 65 && byte <= 90 ? byte + 32 : byte
                i += 1
            }
            return i
        }
    }

    // MARK: - Numbers and dates

    private mutating func lexNumberOrDate() -> Token {
        let start = offset
        while offset < bytes.count, bytes[offset] >= 48, bytes[offset] <= 57 { offset += 1 }
        let digitCount = offset - start
        // A date: digits, then "-" directly followed by a digit.
        if peek() == UInt8(ascii: "-"), peek(1) >= 48, peek(1) <= 57 {
            while offset < bytes.count,
                  (bytes[offset] >= 48 && bytes[offset] <= 57) || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            let date = CalendarDate(isoBytes: bytes[start..<offset])
            if date == nil {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                let wellFormed = digitCount == 4 && text.utf8.count == 10 && text.split(separator: "-").count == 3
                report(wellFormed ? .impossibleDate(text) : .malformedDate(text), start, offset)
            }
            return token(.date, start, value: .date(date))
        }
        // A French date: digits, then "/" directly followed by a digit (`30/06/2027`).
        if peek() == UInt8(ascii: "/"), peek(1) >= 48, peek(1) <= 57 {
            while offset < bytes.count,
                  (bytes[offset] >= 48 && bytes[offset] <= 57) || bytes[offset] == UInt8(ascii: "/") {
                offset += 1
            }
            let parts = bytes[start..<offset].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            let wellFormed = parts.count == 3 && (1...2).contains(parts[0].count)
                && (1...2).contains(parts[1].count) && parts[2].count == 4
            let date = wellFormed ? CalendarDate(frenchParts: parts) : nil
            if date == nil {
                let text = String(decoding: bytes[start..<offset], as: UTF8.self)
                report(wellFormed ? .impossibleDate(text) : .malformedDate(text), start, offset)
            }
            return token(.date, start, value: .date(date))
        }
        // Digits glued to letters ("3jours") are malformed.
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "_") || (bytes[offset] | 0x20 >= 97 && bytes[offset] | 0x20 <= 122) {
            while offset < bytes.count,
                  bytes[offset] == UInt8(ascii: "_") || (bytes[offset] | 0x20 >= 97 && bytes[offset] | 0x20 <= 122)
                    || (bytes[offset] >= 48 && bytes[offset] <= 57) {
                offset += 1
            }
            report(.malformedNumber(String(decoding: bytes[start..<offset], as: UTF8.self)), start, offset)
            return token(.integer, start, value: .integer(nil))
        }
        let digitsEnd = offset
        // French grouping, decimal comma and euro sign: a number token; a plain digit run stays an integer.
        if let french = lexFrenchNumber(start: start, digitsEnd: digitsEnd) { return french }
        var value: Int64 = 0
        var overflow = false
        for byte in bytes[start..<offset] where !overflow {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(byte - 48))
            overflow = o1 || o2
            value = plus
        }
        if overflow {
            report(.numberOverflow(String(decoding: bytes[start..<offset], as: UTF8.self)), start, offset)
        }
        return token(.integer, start, value: .integer(overflow ? nil : value))
    }

    /// Whether the byte at `position` is an ASCII digit.
    private func isDigit(at position: Int) -> Bool {
        position < end && bytes[position] >= 48 && bytes[position] <= 57
    }

    /// The length of a group separator at `position` (a space, U+00A0, U+202F, U+2009), or 0.
    private func groupSpaceLength(at position: Int) -> Int {
        guard position < end else { return 0 }
        if bytes[position] == UInt8(ascii: " ") { return 1 }
        if position + 1 < end, bytes[position] == 0xC2, bytes[position + 1] == 0xA0 { return 2 }
        if position + 2 < end, bytes[position] == 0xE2, bytes[position + 1] == 0x80,
           bytes[position + 2] == 0xAF || bytes[position + 2] == 0x89 { return 3 }
        return 0
    }

    /// Whether `€` (E2 82 AC) starts at `position`.
    private func isEuroSign(at position: Int) -> Bool {
        position + 2 < end && bytes[position] == 0xE2 && bytes[position + 1] == 0x82 && bytes[position + 2] == 0xAC
    }

    /// After the first digit run `start..<digitsEnd`: groups of three digits after a space
    /// (`4 000`), a decimal comma directly between digits (`1 800,50`), then `€` (`4 000 €`).
    /// A dot between digits (`4.000,00`, `1.5`) is E006. Nil when none of these follow (a plain integer).
    private mutating func lexFrenchNumber(start: Int, digitsEnd: Int) -> Token? {
        var position = digitsEnd
        var grouped = false
        // Groups: only after a first run of one to three digits, each exactly three digits.
        if digitsEnd - start <= 3 {
            while true {
                let space = groupSpaceLength(at: position)
                guard space > 0, isDigit(at: position + space), isDigit(at: position + space + 1),
                      isDigit(at: position + space + 2), !isDigit(at: position + space + 3) else { break }
                let after = position + space + 3
                // Not the start of a date or of a word glued to digits.
                if after < end, bytes[after] == UInt8(ascii: "-") || bytes[after] == UInt8(ascii: "_")
                    || (bytes[after] | 0x20 >= 97 && bytes[after] | 0x20 <= 122) { break }
                position = after
                grouped = true
            }
        }
        // A dot between digits (`4.000,00`, `4,000.00`): thousands or decimals? Read the whole number, report it.
        var dot = position
        if dot < end, bytes[dot] == UInt8(ascii: ","), isDigit(at: dot + 1) {
            dot += 1
            while isDigit(at: dot) { dot += 1 }
        }
        if dot < end, bytes[dot] == UInt8(ascii: "."), isDigit(at: dot + 1) {
            var scan = position
            while scan < end, isDigit(at: scan) || bytes[scan] == UInt8(ascii: ".") || bytes[scan] == UInt8(ascii: ",") { scan += 1 }
            if isEuroSign(at: scan) { scan += 3 } else if groupSpaceLength(at: scan) == 1, isEuroSign(at: scan + 1) { scan += 4 }
            offset = scan
            report(.ambiguousNumber(String(decoding: bytes[start..<scan], as: UTF8.self)), start, scan)
            return token(.number, start, value: .number(NumberLiteral(integral: nil)))
        }
        var fraction = ""
        if position < end, bytes[position] == UInt8(ascii: ","), isDigit(at: position + 1) {
            var scan = position + 1
            while isDigit(at: scan) { scan += 1 }
            fraction = String(decoding: bytes[(position + 1)..<scan], as: UTF8.self)
            position = scan
        }
        var amount = false
        if isEuroSign(at: position) {
            position += 3
            amount = true
        } else {
            let space = groupSpaceLength(at: position)
            if space > 0, isEuroSign(at: position + space) {
                position += space + 3
                amount = true
            }
        }
        guard grouped || amount || !fraction.isEmpty else { return nil }
        offset = position
        var value: Int64 = 0
        var overflow = false
        // The integral part: every digit before the comma (or the euro sign).
        var scan = start
        while scan < position, bytes[scan] != UInt8(ascii: ","), !isEuroSign(at: scan) {
            let byte = bytes[scan]
            if byte >= 48, byte <= 57, !overflow {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int64(byte - 48))
                overflow = o1 || o2
                value = plus
            }
            scan += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if overflow {
            report(.numberOverflow(text), start, position)
        }
        let literal = NumberLiteral(integral: overflow ? nil : value, fraction: fraction, isAmount: amount, isGrouped: grouped)
        if !overflow, amount, fraction.utf8.count > 2 {
            report(.tooManyDecimals(text), start, position)
            return token(.number, start, value: .number(NumberLiteral(integral: nil)))
        }
        return token(.number, start, value: .number(literal))
    }

    // MARK: - Strings

    /// Lexes `"…"` (closing nil) or `« … »` (closing U+00BB). An unterminated string ends at the line's end.
    ///
    /// The text is the source bytes themselves until an escape or an invalid byte makes it
    /// differ; only then are the bytes copied, segment by segment.
    private mutating func lexString(closing: UInt32?) -> Token {
        let start = offset
        offset += closing == nil ? 1 : 2
        let contentStart = offset
        var contentEnd = offset
        var verbatim = true
        var decoded: [UInt8] = []
        var segmentStart = offset
        var terminated = false
        while offset < bytes.count {
            offset = endOfPlainText(from: offset, inString: true, closing: closing)
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            if Lexer.isLineEnd(byte) { break }
            if closing == nil, byte == UInt8(ascii: "\"") {
                contentEnd = offset
                offset += 1
                terminated = true
                break
            }
            if byte == UInt8(ascii: "\\") {
                if verbatim {
                    decoded = Array(bytes[contentStart..<offset])
                    verbatim = false
                } else {
                    decoded += bytes[segmentStart..<offset]
                }
                let escapeStart = offset
                offset += 1
                switch peek() {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\"")); offset += 1
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\")); offset += 1
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n")); offset += 1
                case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t")); offset += 1
                case UInt8(ascii: "\n"), 0: report(.unknownEscape("\\"), escapeStart, offset)
                case UInt8(ascii: "\r"): report(.unknownEscape("\\"), escapeStart, offset)
                default:
                    let (scalar, length) = Lexer.decode(bytes, at: offset)
                    offset += length
                    report(.unknownEscape("\\" + (scalar.map { String(Character($0)) } ?? "?")), escapeStart, offset)
                }
                segmentStart = offset
                continue
            }
            if byte < 0x80 {
                // A control character stays in the text (a warning), shown escaped by every output.
                if Lexer.isControlByte(byte) { reportControl(inString: true) } else { offset += 1 }
                continue
            }
            let before = offset
            let scalar = checkNonASCIIInText(inString: true)
            if let scalar, scalar.value == closing {
                contentEnd = before
                terminated = true
                break
            }
            if scalar == nil {
                // An invalid byte is reported and left out of the text.
                if verbatim {
                    decoded = Array(bytes[contentStart..<before])
                    verbatim = false
                } else {
                    decoded += bytes[segmentStart..<before]
                }
                offset = max(offset, before + 1)
                segmentStart = offset
            }
        }
        if !terminated {
            contentEnd = offset
            report(.unterminatedString, start, start + (closing == nil ? 1 : 2))
        }
        var text: String
        if verbatim {
            text = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
        } else {
            decoded += bytes[segmentStart..<max(segmentStart, contentEnd)]
            text = String(decoding: decoded, as: UTF8.self)
        }
        if closing != nil { text = Lexer.trimSpaces(text) }
        return token(.string, start, value: .text(text))
    }

    /// Trims spaces (including non-breaking ones) inside guillemets.
    static func trimSpaces(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { [" ", "\t", "\u{A0}", "\u{202F}", "\u{2009}"].contains($0) }
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// The scripts met in one identifier, to warn about look-alike letters (homoglyphs).
struct ScriptSet {
    enum Script: Int { case latin, greek, cyrillic, other }
    private var bits: UInt8 = 0

    mutating func insert(_ script: Script) { bits |= 1 << script.rawValue }

    /// Whether more than one of Latin, Greek and Cyrillic is present.
    var isMixed: Bool { (bits & 0b111).nonzeroBitCount > 1 }

    /// The scripts present, other than `other`, in a fixed order.
    var scripts: [WritingScript] {
        var scripts: [WritingScript] = []
        if bits & 1 != 0 { scripts.append(.latin) }
        if bits & 2 != 0 { scripts.append(.greek) }
        if bits & 4 != 0 { scripts.append(.cyrillic) }
        return scripts
    }

    static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x0041...0x024F, 0x1E00...0x1EFF: .latin
        case 0x0370...0x03FF, 0x1F00...0x1FFF: .greek
        case 0x0400...0x052F: .cyrillic
        default: .other
        }
    }
}

/// A distinct word of a file: its text and keyword, shared by its later occurrences.
struct Word {
    let text: String
    let keyword: Keyword?
}
