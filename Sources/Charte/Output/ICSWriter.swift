/// Writes RFC 5545 content lines: property values escaped, lines folded at 75 octets, CRLF.
public struct ICSWriter: Sendable {
    /// The longest line, in octets, without its CRLF (RFC 5545 section 3.1).
    public static let lineLimit = 75

    /// The text written so far.
    public private(set) var text = ""

    /// Creates an empty writer.
    public init() {}

    /// Writes `NAME:value` with the value taken as is (dates, fixed words).
    public mutating func raw(_ name: String, _ value: String) {
        text += ICSWriter.fold(name + ":" + value) + "\r\n"
    }

    /// Writes `NAME:value` with the value escaped as TEXT.
    public mutating func text(_ name: String, _ value: String) {
        raw(name, ICSWriter.escape(value))
    }

    /// Escapes a TEXT value: `\` `;` `,` and line breaks; other control characters are dropped.
    public static func escape(_ value: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in value.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                // C0, DEL and C1 controls are dropped: no calendar line can be forged or rewritten.
                if ControlCharacters.isEscaped(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line: no physical line over 75 octets, continuation lines start with a
    /// space (which counts), and a break never falls inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > lineLimit {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }

    /// Undoes folding (for tests and readers): removes every CRLF followed by a space or tab.
    public static func unfold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r", index + 2 < scalars.count, scalars[index + 1] == "\n",
               scalars[index + 2] == " " || scalars[index + 2] == "\t" {
                index += 3
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
