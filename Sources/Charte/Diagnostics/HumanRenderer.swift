/// Renders diagnostics in the style of rustc and Elm: header, location, source line,
/// underline with a label, secondary notes, help.
public struct HumanRenderer: Sendable {
    /// Whether to use ANSI colours (only on a terminal, never with `NO_COLOR`).
    public var colour: Bool

    /// Creates a renderer.
    public init(colour: Bool) { self.colour = colour }

    /// Paints a text; its own control characters are escaped first (only the paint's are real).
    private func paint(_ text: String, _ code: String) -> String {
        let text = ControlCharacters.escaped(text)
        return colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A text shown as it is, its control characters escaped.
    private func shown(_ text: String) -> String { ControlCharacters.escaped(text) }

    /// The rendering of a list: each diagnostic followed by a blank line, at most `limit`
    /// of them, then `… et N autres diagnostics` for the rest (what an E013 stands for included).
    public func render(_ diagnostics: [Diagnostic], sources: SourceMap, limit: Int) -> String {
        var text = diagnostics.prefix(max(0, limit)).map { render($0, sources: sources) + "\n" }.joined()
        let hidden = diagnostics.dropFirst(max(0, limit)).reduce(0) { $0 + 1 + $1.omittedCount }
        if hidden > 0 { text += "… et \(hidden) autres diagnostics\n" }
        return text
    }

    /// The rendering of one diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic, sources: SourceMap) -> String {
        let file = sources[diagnostic.span.file]
        let start = file.location(of: diagnostic.span.start)
        let severityColour = diagnostic.severity == .error ? "1;31" : "1;33"
        let notesLines = diagnostic.notes.compactMap { note in note.span.map { file.location(of: $0.start).line } }
        let gutterWidth = String(([start.line] + notesLines).max() ?? start.line).count
        let pad = String(repeating: " ", count: gutterWidth)
        let bar = paint("|", "1;34")

        var out = paint("\(diagnostic.severity.french)[\(diagnostic.code.rawValue)]", severityColour)
        out += paint(": \(diagnostic.message.text)", "1") + "\n"
        out += "\(pad)\(paint("-->", "1;34")) \(shown(file.name)):\(start.line):\(start.column)\n"
        out += "\(pad) \(bar)\n"
        out += snippet(file: file, span: diagnostic.span, label: diagnostic.message.label, mark: "^",
                       markColour: severityColour, gutterWidth: gutterWidth)
        for note in diagnostic.notes {
            guard let span = note.span, span.file == diagnostic.span.file, span != diagnostic.span else { continue }
            out += "\(pad) \(bar)\n"
            out += snippet(file: file, span: span, label: note.message.text, mark: "-", markColour: "1;34", gutterWidth: gutterWidth)
        }
        let trailer = trailerLines(diagnostic, sources: sources)
        if !trailer.isEmpty {
            out += "\(pad) \(bar)\n"
            for line in trailer { out += "\(pad) \(paint("=", "1;34")) \(line)\n" }
        }
        return out
    }

    /// The `= note:` and `= aide:` lines.
    func trailerLines(_ diagnostic: Diagnostic, sources: SourceMap) -> [String] {
        var lines: [String] = []
        for note in diagnostic.notes {
            if let span = note.span, span.file == diagnostic.span.file, span != diagnostic.span { continue }
            if let span = note.span, span.file != diagnostic.span.file {
                let other = sources[span.file]
                let location = other.location(of: span.start)
                lines.append("\(paint("note", "1")): \(shown(note.message.text)) (\(shown(other.name)):\(location.line):\(location.column))")
            } else if note.span == nil {
                lines.append("\(paint("note", "1")): \(shown(note.message.text))")
            }
        }
        if let suggestion = HumanRenderer.suggestionText(diagnostic.candidates, sources: sources) {
            lines.append("\(paint("aide", "1;36")): \(shown(suggestion))")
        }
        if let help = diagnostic.message.help {
            lines.append("\(paint("aide", "1;36")): \(shown(help))")
        }
        return lines
    }

    /// "vouliez-vous dire « x » ? (déclaré ligne 8)" for the candidates, or nil.
    public static func suggestionText(_ candidates: [Candidate], sources: SourceMap) -> String? {
        guard !candidates.isEmpty else { return nil }
        func line(_ candidate: Candidate) -> Int? {
            candidate.span.map { sources[$0.file].location(of: $0.start).line }
        }
        // A candidate found by its label's words is shown with that label: « id » (« label », ligne 8).
        func place(_ candidate: Candidate, _ word: String) -> String {
            let parts = [candidate.label.map { "« \($0) »" }, line(candidate).map { "\(word)\($0)" }].compactMap { $0 }
            return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        }
        if candidates.count == 1, let only = candidates.first {
            return "vouliez-vous dire « \(only.name) » ?" + place(only, only.label == nil ? "déclaré ligne " : "ligne ")
        }
        let names = candidates.map { candidate in "« \(candidate.name) »" + place(candidate, "ligne ") }
        return "vouliez-vous dire " + names.dropLast().joined(separator: ", ") + " ou " + (names.last ?? "") + " ?"
    }

    /// The source line of a span with its underline (first line only for multi-line spans).
    func snippet(file: SourceFile, span: Span, label: String?, mark: Character, markColour: String, gutterWidth: Int) -> String {
        let location = file.location(of: span.start)
        let lineIndex = location.line - 1
        let lineStart = file.lineStarts[lineIndex]
        // The line's last byte, from the line table (decoding the rest of the file would cost
        // its whole size per diagnostic, and count replaced invalid bytes wrongly).
        let starts = file.lineStarts
        var lineEnd = lineIndex + 1 < starts.count ? starts[lineIndex + 1] - 1 : file.bytes.count
        if lineEnd > lineStart, file.bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let shown = HumanRenderer.window(of: file, line: lineStart..<lineEnd, around: span.start, column: location.column - 1)
        let displayed = HumanRenderer.truncate(shown.text, around: shown.column)
        let underlineEnd = min(span.end, lineEnd)
        var width = max(1, file.characterCount(from: span.start, to: max(span.start, underlineEnd)))
        let underlined = file.text(span.start..<max(span.start, underlineEnd))
        if ControlCharacters.needsEscaping(underlined) { width = ControlCharacters.escaped(underlined).count }
        let column = shown.column - displayed.shift
        let number = String(location.line)
        let gutter = String(repeating: " ", count: gutterWidth - number.count) + number
        var out = "\(paint(gutter, "1;34")) \(paint("|", "1;34")) \(displayed.text)\n"
        let underline = String(repeating: mark, count: min(width, max(1, displayed.text.count - column + 1)))
        out += "\(String(repeating: " ", count: gutterWidth)) \(paint("|", "1;34")) \(String(repeating: " ", count: max(0, column)))"
        out += paint(underline, markColour)
        if let label { out += " " + paint(label, markColour) }
        return out + "\n"
    }

    /// The text of a line around an offset, tabs as spaces, with the offset's column in it.
    ///
    /// A long line is cut to a window of bytes before decoding (marked `…`), so a diagnostic
    /// on a 1 MiB line costs a few kilobytes, not the whole line.
    static func window(of file: SourceFile, line: Range<Int>, around offset: Int, column: Int) -> (text: String, column: Int) {
        let reach = 1024
        var start = max(line.lowerBound, offset - reach)
        var end = max(start, min(line.upperBound, offset + reach))
        while start > line.lowerBound, file.bytes[start] & 0xC0 == 0x80 { start -= 1 }
        while end < line.upperBound, file.bytes[end] & 0xC0 == 0x80 { end += 1 }
        var text = String(file.text(start..<end).map { $0 == "\t" ? " " : $0 })
        var inText = start == line.lowerBound ? column : file.characterCount(from: start, to: offset)
        if start > line.lowerBound {
            text = "…" + text
            inText += 1
        }
        if end < line.upperBound { text += "…" }
        if ControlCharacters.needsEscaping(text) {
            // Escaped control characters are wider than one column: the column is counted on the escaped text.
            let middle = min(max(offset, start), end)
            let before = ControlCharacters.escaped(String(file.text(start..<middle).map { $0 == "\t" ? " " : $0 }))
            let after = ControlCharacters.escaped(String(file.text(middle..<end).map { $0 == "\t" ? " " : $0 }))
            let cutLeft = start > line.lowerBound ? "…" : ""
            text = cutLeft + before + after + (end < line.upperBound ? "…" : "")
            inText = cutLeft.count + before.count
        }
        return (text, inText)
    }

    /// Shortens very long lines around a column; returns the text and how many characters were cut on the left.
    static func truncate(_ text: String, around column: Int, width: Int = 160) -> (text: String, shift: Int) {
        let characters = Array(text)
        guard characters.count > width else { return (text, 0) }
        let start = max(0, min(column - width / 2, characters.count - width))
        let end = min(characters.count, start + width)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return (prefix + String(characters[start..<end]) + suffix, start - prefix.count)
    }

    /// "2 erreurs, 1 avertissement".
    public static func summary(errors: Int, warnings: Int) -> String {
        let e = errors == 1 || errors == 0 ? "erreur" : "erreurs"
        let w = warnings == 1 || warnings == 0 ? "avertissement" : "avertissements"
        return "\(errors) \(e), \(warnings) \(w)"
    }
}
