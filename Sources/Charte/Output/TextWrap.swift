// Wrapping text output to a terminal's width, between words, keeping columns readable.

/// Wraps the lines of a text meant for people to a width, never inside a word.
///
/// A line too long is broken at its last space within the width; its continuation lines
/// start under the last column of the line (after its last gap of two spaces or more, the
/// gap `AlignedText` puts between columns), or two spaces deeper than the line itself.
/// A word longer than the room left stays whole on its line.
public enum TextWrap {
    /// The narrowest width wrapped to; below it, text is left as it is.
    public static let narrowest = 20

    /// The text with every line at most `width` characters, where spaces allow it.
    public static func wrap(_ text: String, width: Int) -> String {
        guard width >= narrowest else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrap(line: Array($0), width: width) }
            .joined(separator: "\n")
    }

    private static func wrap(line: [Character], width: Int) -> [String] {
        guard line.count > width else { return [String(line)] }
        let leading = line.prefix { $0 == " " }.count
        var hang = leading + 2
        // The start of the last column: after the last gap of two spaces or more, if it leaves room.
        var index = leading
        while index < min(line.count, width) {
            if line[index] == " ", index + 1 < line.count, line[index + 1] == " " {
                var end = index
                while end < line.count, line[end] == " " { end += 1 }
                if end <= width * 2 / 3 { hang = end }
                index = end
            } else {
                index += 1
            }
        }
        var lines: [String] = []
        var rest = line
        var floor = max(hang, leading + 1)  // never break inside the indentation or the columns before the last
        while rest.count > width {
            let limit = min(width, rest.count - 1)
            let before = floor <= limit ? (floor...limit).reversed().first { breaks(rest, at: $0) } : nil
            guard let cut = before ?? (limit + 1..<rest.count).first(where: { breaks(rest, at: $0) }) else { break }
            var head = Array(rest[..<cut])
            while head.last == " " { head.removeLast() }
            lines.append(String(head))
            let tail = rest[(cut + 1)...].drop { $0 == " " }
            rest = Array(repeating: " ", count: hang) + tail
            floor = hang + 1
        }
        lines.append(String(rest))
        return lines
    }

    /// Whether a line may break at a space: not inside French quotes' spacing (`« x »`), nor
    /// before the punctuation French writes after a space (`:`, `;`, `?`, `!`), nor before `·`.
    private static func breaks(_ line: [Character], at index: Int) -> Bool {
        guard line[index] == " " else { return false }
        if index > 0, line[index - 1] == "«" { return false }
        if index + 1 < line.count, [":", ";", "?", "!", "»", "·"].contains(line[index + 1]) { return false }
        return true
    }
}
