/// A byte range in one source file: where a token, a node or a diagnostic lies.
public struct Span: Hashable, Sendable {
    /// The file the range belongs to.
    public let file: FileID
    /// The first byte.
    public let start: Int
    /// One past the last byte.
    public let end: Int

    /// Creates a span; `end` is clamped to be at least `start`.
    public init(file: FileID, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The byte range.
    public var range: Range<Int> { start..<end }

    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// An empty span at the end of this one.
    public var endPoint: Span { Span(file: file, start: end, end: end) }
}
