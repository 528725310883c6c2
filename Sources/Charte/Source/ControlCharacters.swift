/// Control characters made visible. Every text output (diagnostics, query answers, journal
/// reports, agenda, exports, the REPL) shows a control character of a charter, a journal or a
/// file name as `\u{1B}`, so that no input can move the terminal's cursor, erase a line, or
/// write a line of its own (a forged `Bilan : 0 action refusée`).
///
/// This is the one escaping function of Charte's text outputs; formats with their own
/// escaping (JSON, HTML, CSV, iCalendar) call it for what their rules leave raw.
public enum ControlCharacters {
    /// Whether a scalar is shown escaped: C0 controls but tab, DEL and C1 controls (U+0080–U+009F).
    /// A line feed is one unless `keepingLineBreaks`.
    @inline(__always)
    public static func isEscaped(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && !(keepingLineBreaks && value == 0x0A) }
        return value == 0x7F || (0x80...0x9F).contains(value)
    }

    /// The text with every control character written `\u{1B}` (tab kept; line feeds kept when
    /// `keepingLineBreaks`, for a whole multi-line output whose values were escaped already).
    /// Text without any is returned as it is, without copying.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar, keepingLineBreaks: keepingLineBreaks) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: written(scalar).unicodeScalars)
        }
        return String(out)
    }

    /// `\u{1B}`: the escape of one scalar (at least two hexadecimal digits, upper case).
    public static func written(_ scalar: Unicode.Scalar) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        if hex.count < 2 { hex = "0" + hex }
        return "\\u{" + hex + "}"
    }

    /// Whether `escaped` would change the text: one pass over its UTF-8 bytes.
    public static func needsEscaping(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20, byte != 0x09, !(keepingLineBreaks && byte == 0x0A) { return true }
            if byte == 0x7F { return true }
            // C1 controls are C2 80 … C2 9F in UTF-8.
            if afterC2, byte >= 0x80, byte <= 0x9F { return true }
            afterC2 = byte == 0xC2
        }
        return false
    }
}
