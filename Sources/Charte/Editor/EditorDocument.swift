/// One charter open in the editor: its text, its version, and everything read from it.
public struct EditorDocument: Sendable {
    /// The document's URI, as the editor names it.
    public let uri: String
    /// The version the editor gave with the last change.
    public let version: Int?
    /// The charter checked from the current text.
    public let loaded: LoadedCharter
    /// Where each name is declared and used.
    public let index: NameIndex

    /// Checks a text.
    public init(uri: String, version: Int?, bytes: [UInt8]) {
        self.uri = uri
        self.version = version
        loaded = CharterLoader.check(bytes: bytes, name: EditorDocument.path(of: uri))
        index = NameIndex(loaded.tree)
    }

    /// The source file.
    public var file: SourceFile { loaded.file }
    /// The current text's bytes.
    public var bytes: [UInt8] { loaded.file.bytes }

    /// The file path of a `file://` URI (percent-decoded), the URI itself otherwise.
    public static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var bytes: [UInt8] = []
        let raw = Array(uri.utf8.dropFirst(7))
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "%"), index + 2 < raw.count,
               let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The text after one change of `textDocument/didChange`: the whole text, or a range replaced.
    static func applying(_ change: JSON, to file: SourceFile, encoding: PositionEncoding) -> [UInt8]? {
        guard let text = change["text"]?.stringValue else { return nil }
        guard let range = change["range"] else { return Array(text.utf8) }
        guard let start = EditorPosition(json: range["start"]), let end = EditorPosition(json: range["end"]) else { return nil }
        let from = file.offset(of: start, encoding: encoding)
        let to = max(from, file.offset(of: end, encoding: encoding))
        return Array(file.bytes[..<from]) + Array(text.utf8) + Array(file.bytes[to...])
    }
}
