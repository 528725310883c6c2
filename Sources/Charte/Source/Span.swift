/// A byte range in one source file: where a token, a node or a diagnostic lies.
public struct Span: Hashable, Sendable {
    /// The file the range belongs to.
    public let file: FileID
    // Offsets in four bytes each (files are far below 4 GiB): spans are in every token and
    // node, and this halves their size.
    private let storedStart: UInt32
    private let storedEnd: UInt32

    /// The first byte.
    public var start: Int { Int(storedStart) }
    /// One past the last byte.
    public var end: Int { Int(storedEnd) }

    /// Creates a span; `end` is clamped to be at least `start`, both to 0…4 GiB.
    public init(file: FileID, start: Int, end: Int) {
        self.file = file
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: max(start, end))
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
