/// Turns the bytes of a source file into tokens, collecting lexical diagnostics.
///
/// The lexer never stops at an error: it reports it with its span and goes on,
/// producing a token where one was meant so the parser does not cascade.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var offset = 0
    /// The tokens read so far; the last one is always `.endOfFile` after `run`.
    public private(set) var tokens: [Token] = []
    /// Byte ranges of the comments, in order (the formatter keeps them).
    public private(set) var comments: [Span] = []
    /// The lexical diagnostics.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Counts the diagnostics beyond the phase's share (see `DiagnosticCap`).
    private var cap = DiagnosticCap()

    /// Lexes a whole file.
    public static func tokenize(_ file: SourceFile) -> Lexer {
        var lexer = Lexer(file: file)
        lexer.run()
        return lexer
    }

    private init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    private func span(_ start: Int, _ end: Int) -> Span { Span(file: file.id, start: start, end: end) }

    private mutating func report(_ message: Message, _ start: Int, _ end: Int) {
        cap.append(Diagnostic(message, at: span(start, end)), to: &diagnostics)
    }

    private mutating func emit(_ kind: TokenKind, _ start: Int, keyword: Keyword? = nil, value: TokenValue = .none) {
        tokens.append(Token(kind: kind, span: span(start, offset), keyword: keyword, value: value))
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        offset + ahead < bytes.count ? bytes[offset + ahead] : 0
    }

    // MARK: - Main loop

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        while offset < bytes.count {
            let byte = bytes[offset]
            let start = offset
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0C:
                offset += 1
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "\""):
                lexString(closing: nil)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumberOrDate()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                lexWord()
            case 0x80...:
                lexNonASCII()
            default:
                if let kind = punctuation() {
                    emit(kind, start)
                } else {
                    offset += 1
                    report(.unexpectedCharacter(String(UnicodeScalar(byte))), start, offset)
                }
            }
        }
        tokens.append(Token(kind: .endOfFile, span: span(bytes.count, bytes.count), keyword: nil, value: .none))
        cap.close(&diagnostics)
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

    private mutating func skipComment() {
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            if bytes[offset] >= 0x80 {
                checkNonASCIIInText(inString: false)
            } else {
                offset += 1
            }
        }
        var end = offset
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        comments.append(span(start, end))
    }

    // MARK: - UTF-8

    /// Decodes the scalar at `offset`; nil (length 1) for an invalid sequence.
    static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: Unicode.Scalar?, length: Int) {
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

    private mutating func lexNonASCII() {
        let start = offset
        let (scalar, length) = Lexer.decode(bytes, at: offset)
        guard let scalar else {
            offset += 1
            skipInvalidUTF8()
            report(.invalidUTF8(offset: start), start, offset)
            return
        }
        switch scalar.value {
        case 0x00AB:  // «
            lexString(closing: 0x00BB)
        case 0x00A0, 0x202F, 0x2009, 0xFEFF:  // non-breaking and thin spaces, stray BOM
            offset += length
        default:
            if Lexer.isIdentifierStart(scalar) {
                lexWord()
            } else {
                offset += length
                report(.unexpectedCharacter(String(Character(scalar))), start, offset)
            }
        }
    }

    // MARK: - Words

    private mutating func lexWord() {
        let start = offset
        var allASCII = true
        var scripts = ScriptSet()
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                let isContinue = (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90)
                    || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "_")
                guard isContinue else { break }
                if byte >= 65 { scripts.insert(.latin) }
                offset += 1
            } else {
                let (scalar, length) = Lexer.decode(bytes, at: offset)
                guard let scalar, Lexer.isIdentifierContinue(scalar) else { break }
                allASCII = false
                scripts.insert(ScriptSet.script(of: scalar))
                offset += length
            }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        let keyword = Keyword.lookup(folded: allASCII ? Lexer.asciiLowercased(bytes[start..<offset]) : Folding.fold(text))
        emit(.word, start, keyword: keyword, value: .text(text))
        if scripts.isMixed {
            report(.mixedScripts(name: text, scripts: scripts.names), start, offset)
        }
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

    private mutating func lexNumberOrDate() {
        let start = offset
        while offset < bytes.count, bytes[offset] >= 48, bytes[offset] <= 57 { offset += 1 }
        let digitCount = offset - start
        // A date: digits, then "-" directly followed by a digit.
        if peek() == UInt8(ascii: "-"), peek(1) >= 48, peek(1) <= 57 {
            while offset < bytes.count,
                  (bytes[offset] >= 48 && bytes[offset] <= 57) || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            let date = CalendarDate(iso: Substring(text))
            if date == nil {
                let wellFormed = digitCount == 4 && text.utf8.count == 10 && text.split(separator: "-").count == 3
                report(wellFormed ? .impossibleDate(text) : .malformedDate(text), start, offset)
            }
            emit(.date, start, value: .date(date))
            return
        }
        // Digits glued to letters ("3jours") are malformed.
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "_") || (bytes[offset] | 0x20 >= 97 && bytes[offset] | 0x20 <= 122) {
            while offset < bytes.count,
                  bytes[offset] == UInt8(ascii: "_") || (bytes[offset] | 0x20 >= 97 && bytes[offset] | 0x20 <= 122)
                    || (bytes[offset] >= 48 && bytes[offset] <= 57) {
                offset += 1
            }
            report(.malformedNumber(String(decoding: bytes[start..<offset], as: UTF8.self)), start, offset)
            emit(.integer, start, value: .integer(nil))
            return
        }
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
        emit(.integer, start, value: .integer(overflow ? nil : value))
    }

    // MARK: - Strings

    /// Lexes `"…"` (closing nil) or `« … »` (closing U+00BB). An unterminated string ends at the line's end.
    private mutating func lexString(closing: UInt32?) {
        let start = offset
        offset += closing == nil ? 1 : 2
        var scalars = String.UnicodeScalarView()
        var terminated = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) { break }
            if closing == nil, byte == UInt8(ascii: "\"") {
                offset += 1
                terminated = true
                break
            }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = offset
                offset += 1
                switch peek() {
                case UInt8(ascii: "\""): scalars.append("\""); offset += 1
                case UInt8(ascii: "\\"): scalars.append("\\"); offset += 1
                case UInt8(ascii: "n"): scalars.append("\n"); offset += 1
                case UInt8(ascii: "t"): scalars.append("\t"); offset += 1
                case UInt8(ascii: "\n"), 0: report(.unknownEscape("\\"), escapeStart, offset)
                case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"): report(.unknownEscape("\\"), escapeStart, offset)
                default:
                    let (scalar, length) = Lexer.decode(bytes, at: offset)
                    offset += length
                    report(.unknownEscape("\\" + (scalar.map { String(Character($0)) } ?? "?")), escapeStart, offset)
                }
                continue
            }
            if byte < 0x80 {
                scalars.append(Unicode.Scalar(byte))
                offset += 1
                continue
            }
            let before = offset
            let scalar = checkNonASCIIInText(inString: true)
            if let scalar, scalar.value == closing {
                terminated = true
                break
            }
            if let scalar {
                scalars.append(scalar)
            } else {
                offset = max(offset, before + 1)
            }
        }
        if !terminated {
            report(.unterminatedString, start, start + (closing == nil ? 1 : 2))
        }
        var text = String(scalars)
        if closing != nil { text = Lexer.trimSpaces(text) }
        emit(.string, start, value: .text(text))
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

    var names: [String] {
        var names: [String] = []
        if bits & 1 != 0 { names.append("latin") }
        if bits & 2 != 0 { names.append("grec") }
        if bits & 4 != 0 { names.append("cyrillique") }
        return names
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
