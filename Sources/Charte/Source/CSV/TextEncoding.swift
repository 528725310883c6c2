/// The text encodings a CSV file may be read in.
public enum TextEncoding: String, Sendable, Hashable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// Windows-1252, the encoding of older French spreadsheets; used when a file is not valid UTF-8.
    case windows1252 = "windows-1252"

    /// Decodes bytes known to be in this encoding.
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8:
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
