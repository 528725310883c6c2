/// The base protocol's framing: `Content-Length: N\r\n\r\n` then N bytes of JSON.
///
/// Bytes are appended as they arrive; complete messages are taken out one by one. A header
/// block without a usable length is reported and skipped, so one bad message does not stop
/// the server.
public struct MessageFramer: Sendable {
    /// The largest body accepted (a charter is far smaller; this bounds memory).
    public static let maximumBody = 64 * 1024 * 1024

    /// What the next message in the buffer is.
    public enum Frame: Sendable, Equatable {
        /// A complete body.
        case message([UInt8])
        /// A header block that gave no valid `Content-Length` (it has been dropped).
        case malformedHeader
    }

    private var buffer: [UInt8] = []
    private var consumed = 0

    /// An empty framer.
    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if consumed > 0, consumed >= buffer.count / 2 {
            buffer.removeFirst(consumed)
            consumed = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        guard let headerEnd = findHeaderEnd() else {
            // A header that grows without end is garbage: drop it.
            if buffer.count - consumed > 64 * 1024 {
                consumed = buffer.count
                return .malformedHeader
            }
            return nil
        }
        let header = String(decoding: buffer[consumed..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(header), length <= Self.maximumBody else {
            consumed = bodyStart
            return .malformedHeader
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        consumed = bodyStart + length
        return .message(body)
    }

    /// The offset of the `\r\n\r\n` ending the header block, if present.
    private func findHeaderEnd() -> Int? {
        var index = consumed
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// The `Content-Length` of a header block (field names are case-insensitive).
    static func contentLength(_ header: String) -> Int? {
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            guard name == "content-length" else { continue }
            let value = line[line.index(after: colon)...].trimmingBlanks
            guard !value.isEmpty, value.allSatisfy(\.isASCII), let length = Int(value), length >= 0 else { return nil }
            return length
        }
        return nil
    }

    /// One message framed for the stream.
    public static func frame(_ message: JSON) -> [UInt8] {
        let body = Array(message.rendered().utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingBlanks: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
