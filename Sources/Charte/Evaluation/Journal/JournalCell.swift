/// Reading the cells of a journal row: dates, booleans and attribute values.
enum JournalCell {
    /// The cell (UTF-8) without the spaces, tabs and no-break spaces (U+00A0, U+202F) around it,
    /// as spreadsheets and French typography leave them.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            else if end - start >= 2, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { start += 2 }
            else if end - start >= 3, bytes[start] == 0xE2, bytes[start + 1] == 0x80, bytes[start + 2] == 0xAF { start += 3 }
            else { break }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            else if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xAF { end -= 3 }
            else { break }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A date written `2026-09-03` or `03/09/2026` (day and month may have one digit); a time
    /// after a space or `T`, as spreadsheets add it, is ignored. Nil when malformed or impossible.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        // Three numbers and one kind of separator, read without allocating.
        var values = (0, 0, 0), digits = (0, 0, 0)
        var part = 0, separator: UInt8 = 0
        for byte in bytes {
            if byte == 0x20 || byte == UInt8(ascii: "T") { break }
            if byte >= 0x30, byte <= 0x39 {
                let digit = Int(byte - 0x30)
                switch part {
                case 0: values.0 = values.0 * 10 + digit; digits.0 += 1
                case 1: values.1 = values.1 * 10 + digit; digits.1 += 1
                default: values.2 = values.2 * 10 + digit; digits.2 += 1
                }
                if digits.0 > 4 || digits.1 > 4 || digits.2 > 4 { return nil }
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
                guard part < 2, separator == 0 || separator == byte else { return nil }
                separator = byte
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        if separator == UInt8(ascii: "-"), digits == (4, 2, 2) {
            return CalendarDate(year: values.0, month: values.1, day: values.2)
        }
        if separator == UInt8(ascii: "/"), (1...2).contains(digits.0), (1...2).contains(digits.1), digits.2 == 4 {
            return CalendarDate(year: values.2, month: values.1, day: values.0)
        }
        return nil
    }

    /// `vrai`/`faux`, `oui`/`non`, `true`/`false` (spreadsheets' `TRUE`), `1`/`0`, and `x` (a
    /// ticked cell), in any case; nil otherwise (an empty cell is an unknown attribute, never false).
    static func boolean(_ text: String) -> Bool? {
        switch Folding.fold(text) {
        case "vrai", "oui", "true", "1", "x": true
        case "faux", "non", "false", "0": false
        default: nil
        }
    }

    /// A cell read as an attribute of a given type.
    enum Parsed: Sendable {
        case value(Value)
        /// Not a value of the type: what was expected, and close enumeration values.
        case invalid(expected: String, suggestions: [String])
    }

    /// Reads a non-empty cell as a value of a type.
    static func value(_ text: String, type: ValueType) -> Parsed {
        switch type {
        case .enumeration(let values):
            if let index = values.firstIndex(of: text) { return .value(.enumeration(index)) }
            // Spreadsheets capitalise and respell: `Manuel` is `manuel`, `Non nominative` is
            // `non_nominative`, when no other value folds the same.
            let folded = JournalNames.key(text)
            let matches = values.indices.filter { JournalNames.key(values[$0]) == folded }
            if matches.count == 1, let index = matches.first { return .value(.enumeration(index)) }
            let close = Suggestions.closest(to: text, among: values.map { Candidate(name: $0, span: nil) })
            return .invalid(expected: type.description, suggestions: close.map(\.name))
        case .boolean:
            if let flag = boolean(text) { return .value(.boolean(flag)) }
            return .invalid(expected: "vrai ou faux (oui/non, true/false, 1/0, x)", suggestions: [])
        case .text:
            return .value(.text(text))
        case .number:
            // `4 000` as well as `4000`; no decimals (use `euros` for amounts).
            if let number = FrenchNumber.integer(text) { return .value(.number(number)) }
            return .invalid(expected: "un nombre entier (4000 ou 4 000)", suggestions: [])
        case .euros:
            switch FrenchNumber.cents(text) {
            case .success(let cents): return .value(.amount(cents))
            case .failure(.ambiguous):
                return .invalid(expected: "un montant sans ambiguïté : le point ou la virgule sépare-t-il les milliers ou les décimales ? écrivez 4 000,00 ou 4000.00", suggestions: [])
            case .failure(.tooPrecise):
                return .invalid(expected: "un montant au centime près (deux décimales au plus)", suggestions: [])
            case .failure(.malformed):
                return .invalid(expected: "un montant en euros (1 800,00 €, 1800,5 ou 1800.50)", suggestions: [])
            }
        case .date:
            let parsed = Array(text.utf8).withUnsafeBufferPointer { date($0) }
            if let parsed { return .value(.date(parsed)) }
            return .invalid(expected: "une date (AAAA-MM-JJ ou JJ/MM/AAAA)", suggestions: [])
        }
    }
}

extension CalendarDate {
    /// Parses a date as a journal or a command line writes it: `2026-09-03` or `03/09/2026`
    /// (a time after a space or `T` is ignored).
    public init?(journal text: String) {
        guard let date = Array(text.utf8).withUnsafeBufferPointer({ JournalCell.date($0) }) else { return nil }
        self = date
    }
}
