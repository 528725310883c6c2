/// The text encodings a CSV file may be read in.
public enum TextEncoding: String, Sendable, Hashable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// Windows-1252, the encoding of older French spreadsheets; used when a file is not valid UTF-8
    /// and looks like Windows-1252 (see `EncodingCensus`).
    case windows1252 = "windows-1252"
    /// UTF-16 little endian, after the byte order mark `FF FE` (Excel's "Texte Unicode").
    case utf16LE = "utf-16le"
    /// UTF-16 big endian, after the byte order mark `FE FF`.
    case utf16BE = "utf-16be"

    /// Decodes bytes known to be in this encoding (UTF-16 is transcoded before records are cut:
    /// its records are UTF-8).
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8, .utf16LE, .utf16BE:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Windows1252.scalar(for: byte)) }
            return String(scalars)
        }
    }
}

/// The Windows-1252 code page: Latin-1 with typographic characters in 0x80–0x9F.
public enum Windows1252 {
    /// The Unicode scalars of bytes 0x80–0x9F; the five unassigned bytes map to the C1
    /// control of the same value, as Windows itself does.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The scalar a byte stands for.
    public static func scalar(for byte: UInt8) -> Unicode.Scalar {
        let value = byte >= 0x80 && byte < 0xA0 ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

/// A UTF-8 validator fed chunk by chunk (a sequence may straddle two chunks).
///
/// Rejects overlong forms, surrogates and scalars above U+10FFFF, like the standard library.
public struct UTF8Validator: Sendable {
    /// Continuation bytes still expected.
    private var pending = 0
    /// Bounds of the next continuation byte (tighter than 0x80…0xBF after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Bytes seen so far.
    public private(set) var offset = 0

    /// Creates a validator at the start of a text.
    public init() {}

    /// Checks more bytes; returns the absolute offset of the first invalid byte, if any.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            // ASCII fast path: eight bytes at a time while no high bit is set.
            if pending == 0 {
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index == count { break }
            }
            let byte = bytes[index]
            index += 1
            if pending == 0 {
                if byte < 0x80 { continue }
                switch byte {
                case 0xC2...0xDF: pending = 1; lower = 0x80; upper = 0xBF
                case 0xE0: pending = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE, 0xEF: pending = 2; lower = 0x80; upper = 0xBF
                case 0xED: pending = 2; lower = 0x80; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: pending = 3; lower = 0x80; upper = 0xBF
                case 0xF4: pending = 3; lower = 0x80; upper = 0x8F
                default: return offset + index - 1
                }
            } else {
                guard byte >= lower, byte <= upper else { return offset + index - 1 }
                pending -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
        offset += bytes.count
        return nil
    }

    /// Whether the text ended in the middle of a sequence.
    public var isTruncated: Bool { pending > 0 }
}

/// What a whole file's bytes say about its encoding, counted chunk by chunk: the first byte
/// that is not UTF-8, how many bytes are not, how many well-formed multi-byte sequences there
/// are, and whether a byte has no meaning in Windows-1252.
///
/// A file is read as Windows-1252 only when it is not UTF-8 *and* looks like Windows-1252: not
/// one well-formed multi-byte sequence (a real Windows-1252 text with accents almost never
/// forms one) and none of its five unassigned bytes. Otherwise it is UTF-8 with damaged rows.
public struct EncodingCensus: Sendable {
    private var validator = UTF8Validator()
    /// The offset of the first byte that is not UTF-8, if any.
    public private(set) var firstInvalid: Int?
    /// Well-formed multi-byte UTF-8 sequences seen.
    public private(set) var multiByteSequences = 0
    /// Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D seen (unassigned in Windows-1252).
    public private(set) var unassigned1252 = 0
    /// Bytes seen.
    public private(set) var offset = 0
    /// Continuation bytes still expected by the sequence being counted, and their bounds.
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Creates an empty census.
    public init() {}

    /// Counts more bytes.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        if firstInvalid == nil, let invalid = validator.feed(bytes) { firstInvalid = invalid }
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        let count = bytes.count
        while index < count {
            if pending == 0 {
                while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index == count { break }
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x81, 0x8D, 0x8F, 0x90, 0x9D: unassigned1252 += 1
            default: break
            }
            if pending > 0 {
                if byte >= lower, byte <= upper {
                    pending -= 1
                    lower = 0x80
                    upper = 0xBF
                    if pending == 0 { multiByteSequences += 1 }
                    continue
                }
                // A broken sequence: this byte may start another one.
                pending = 0
            }
            start(byte)
        }
        offset += count
    }

    /// Starts a sequence at a lead byte (well-formed bounds as in `UTF8Validator`).
    private mutating func start(_ byte: UInt8) {
        lower = 0x80
        upper = 0xBF
        switch byte {
        case 0xC2...0xDF: pending = 1
        case 0xE0: pending = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: pending = 2
        case 0xED: pending = 2; upper = 0x9F
        case 0xF0: pending = 3; lower = 0x90
        case 0xF1...0xF3: pending = 3
        case 0xF4: pending = 3; upper = 0x8F
        default: pending = 0
        }
    }

    /// Ends the count (a sequence cut by the end of the file is not UTF-8).
    public mutating func finish() {
        if firstInvalid == nil, validator.isTruncated { firstInvalid = validator.offset }
    }

    /// Whether the file as a whole is to be read as Windows-1252.
    public var looksLikeWindows1252: Bool { firstInvalid != nil && multiByteSequences == 0 && unassigned1252 == 0 }
}

/// UTF-16 (little or big endian, after its byte order mark) to UTF-8, chunk by chunk: a code
/// unit or a surrogate pair may straddle two chunks; a lone surrogate becomes U+FFFD.
public struct UTF16Transcoder: Sendable {
    /// Whether the code units are little endian (`FF FE`).
    public let littleEndian: Bool
    private var carry: UInt8?
    private var highSurrogate: UInt32?

    /// A transcoder for one byte order.
    public init(littleEndian: Bool) { self.littleEndian = littleEndian }

    /// Appends the UTF-8 of more UTF-16 bytes to `out`.
    public mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let first: UInt8, second: UInt8
            if let pending = carry {
                first = pending
                second = bytes[index]
                carry = nil
                index += 1
            } else if index + 1 < bytes.count {
                first = bytes[index]
                second = bytes[index + 1]
                index += 2
            } else {
                carry = bytes[index]
                return
            }
            let unit = littleEndian ? UInt32(first) | UInt32(second) << 8 : UInt32(first) << 8 | UInt32(second)
            unitDecoded(unit, into: &out)
        }
    }

    /// Ends the text: a dangling byte or high surrogate becomes U+FFFD.
    public mutating func finish(into out: inout [UInt8]) {
        if carry != nil || highSurrogate != nil { UTF16Transcoder.append(0xFFFD, to: &out) }
        carry = nil
        highSurrogate = nil
    }

    private mutating func unitDecoded(_ unit: UInt32, into out: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                UTF16Transcoder.append(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                return
            }
            UTF16Transcoder.append(0xFFFD, to: &out)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: UTF16Transcoder.append(0xFFFD, to: &out)
        default: UTF16Transcoder.append(unit, to: &out)
        }
    }

    /// Appends one scalar as UTF-8.
    static func append(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

extension TextEncoding {
    /// Appends bytes of this encoding to `out` as UTF-8 (invalid UTF-8 becomes U+FFFD).
    func appendUTF8<Bytes: Collection>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        switch self {
        case .utf8, .utf16LE, .utf16BE:
            out.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
        case .windows1252:
            for byte in bytes { UTF16Transcoder.append(Windows1252.scalar(for: byte).value, to: &out) }
        }
    }
}
