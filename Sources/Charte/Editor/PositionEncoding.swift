/// How an editor counts columns: the protocol's `positionEncoding`.
public enum PositionEncoding: String, Sendable, Hashable {
    /// Columns in UTF-16 code units (the protocol's default): `é` is 1, an emoji 2.
    case utf16 = "utf-16"
    /// Columns in bytes: `é` is 2, `«` 2, an emoji 4.
    case utf8 = "utf-8"
}

/// A position in the protocol's terms: a 0-based line and a column in code units.
public struct EditorPosition: Sendable, Hashable {
    /// The 0-based line.
    public var line: Int
    /// The 0-based column, in code units of the negotiated encoding.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// The `{"line", "character"}` object.
    public var json: JSON { .object([("line", .int(line)), ("character", .int(character))]) }

    /// A position read from its object, nil when malformed.
    public init?(json: JSON?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

extension SourceFile {
    /// The editor position of a byte offset (an offset inside a character counts from its start).
    public func position(of offset: Int, encoding: PositionEncoding) -> EditorPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        let start = lineStarts[line]
        var units = 0
        var index = start
        while index < clamped {
            let width = SourceFile.scalarWidth(bytes[index])
            guard index + width <= clamped else { break }
            switch encoding {
            case .utf8: units += width
            case .utf16: units += width == 4 ? 2 : 1
            }
            index += width
        }
        return EditorPosition(line: line, character: units)
    }

    /// The byte offset of an editor position; a column past the line's end means its end,
    /// a line past the file's end means the end of the file.
    public func offset(of position: EditorPosition, encoding: PositionEncoding) -> Int {
        let starts = lineStarts
        guard position.line < starts.count else { return bytes.count }
        var end = position.line + 1 < starts.count ? starts[position.line + 1] - 1 : bytes.count
        if end > starts[position.line], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var index = starts[position.line]
        var units = 0
        while index < end, units < position.character {
            let width = SourceFile.scalarWidth(bytes[index])
            units += encoding == .utf8 ? width : (width == 4 ? 2 : 1)
            index = min(index + width, end)
        }
        return index
    }

    /// The `{"start", "end"}` range object of a span.
    public func range(of span: Span, encoding: PositionEncoding) -> JSON {
        .object([("start", position(of: span.start, encoding: encoding).json),
                 ("end", position(of: span.end, encoding: encoding).json)])
    }

    /// The number of bytes of the UTF-8 sequence a lead byte starts (1 for a stray byte).
    static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
