/// Reads JSON text into a `JSON` value: the messages an editor sends to `charte lsp`.
///
/// Strict RFC 8259 (no comments, no trailing commas), bounded nesting, and total: any
/// input gives a value or nil, never a crash. Numbers with a fraction or an exponent are
/// kept as their integer part (the protocol's numbers are all integers).
public enum JSONReader {
    /// The deepest nesting accepted; deeper input is refused rather than recursed into.
    public static let maximumDepth = 64

    /// The value a whole text holds, or nil when it is not exactly one JSON value.
    public static func parse(_ bytes: [UInt8]) -> JSON? {
        var reader = Cursor(bytes: bytes)
        reader.skipBlanks()
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipBlanks()
        return reader.atEnd ? value : nil
    }

    /// The value of a string of JSON text.
    public static func parse(_ text: String) -> JSON? { parse(Array(text.utf8)) }

    /// A position in the bytes being read.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset >= bytes.count }
        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipBlanks() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func expect(_ word: String) -> Bool {
            for byte in word.utf8 {
                guard current == byte else { return false }
                offset += 1
            }
            return true
        }

        mutating func value(depth: Int) -> JSON? {
            guard depth < JSONReader.maximumDepth, let byte = current else { return nil }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSON.string)
            case UInt8(ascii: "t"): return expect("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return expect("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return expect("null") ? .null : nil
            default: return number()
            }
        }

        mutating func object(depth: Int) -> JSON? {
            offset += 1
            var members: [(String, JSON)] = []
            skipBlanks()
            if current == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipBlanks()
                guard current == UInt8(ascii: "\""), let key = string() else { return nil }
                skipBlanks()
                guard current == UInt8(ascii: ":") else { return nil }
                offset += 1
                skipBlanks()
                guard let value = value(depth: depth + 1) else { return nil }
                members.append((key, value))
                skipBlanks()
                switch current {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "}"): offset += 1; return .object(members)
                default: return nil
                }
            }
        }

        mutating func array(depth: Int) -> JSON? {
            offset += 1
            var items: [JSON] = []
            skipBlanks()
            if current == UInt8(ascii: "]") { offset += 1; return .array(items) }
            while true {
                skipBlanks()
                guard let value = value(depth: depth + 1) else { return nil }
                items.append(value)
                skipBlanks()
                switch current {
                case UInt8(ascii: ","): offset += 1
                case UInt8(ascii: "]"): offset += 1; return .array(items)
                default: return nil
                }
            }
        }

        /// A string literal; the cursor is on its opening quote.
        mutating func string() -> String? {
            offset += 1
            var scalars = String.UnicodeScalarView()
            var runStart = offset
            func flush(_ end: Int) {
                if end > runStart { scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars) }
            }
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    flush(offset)
                    offset += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(offset)
                    offset += 1
                    guard let escaped = escape() else { return nil }
                    scalars.append(escaped)
                    runStart = offset
                case 0..<0x20:
                    return nil
                default:
                    offset += 1
                }
            }
            return nil
        }

        /// The character of an escape; the cursor is after the backslash.
        mutating func escape() -> Unicode.Scalar? {
            guard let byte = current else { return nil }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(unit) {
                    // A high surrogate must be followed by `\u` and a low one.
                    guard expect("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                return Unicode.Scalar(unit)
            default: return nil
            }
        }

        mutating func hex4() -> UInt32? {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current else { return nil }
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value * 16 + digit
                offset += 1
            }
            return value
        }

        mutating func number() -> JSON? {
            let start = offset
            if current == UInt8(ascii: "-") { offset += 1 }
            let digitsStart = offset
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
            let digitsEnd = offset
            guard digitsEnd > digitsStart else { return nil }
            if bytes[digitsStart] == UInt8(ascii: "0"), digitsEnd - digitsStart > 1 { return nil }
            if current == UInt8(ascii: ".") {
                offset += 1
                let fraction = offset
                while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
                guard offset > fraction else { return nil }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                let exponent = offset
                while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
                guard offset > exponent else { return nil }
            }
            let integer = String(decoding: bytes[start..<digitsEnd], as: UTF8.self)
            // An integer too large for Int is clamped: no protocol field gets there.
            if let value = Int(integer) { return .int(value) }
            return .int(integer.hasPrefix("-") ? Int.min : Int.max)
        }
    }
}

extension JSON {
    /// The member of an object by key (the first with that key), nil otherwise.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The text of a string value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of an integer.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The value of a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The items of an array.
    public var arrayValue: [JSON]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
