/// The lines typed in earlier sessions and this one, oldest first.
///
/// Bounded, and without duplicates: typing a line again moves it to the end, so Up finds
/// it first and the file never fills with the same query.
public struct History: Sendable, Hashable {
    /// The most entries kept by default.
    public static let defaultLimit = 1000

    /// The entries, oldest first.
    public private(set) var entries: [String] = []
    /// The most entries kept; the oldest go first.
    public let limit: Int

    /// A history holding `entries` (blank lines dropped, duplicates collapsed, bounded).
    public init(entries: [String] = [], limit: Int = History.defaultLimit) {
        self.limit = max(limit, 1)
        for entry in entries { add(entry) }
    }

    /// Records a submitted line; blank lines and lines with a newline are not kept.
    public mutating func add(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), !line.contains(where: \.isNewline) else { return }
        entries.removeAll { $0 == line }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// The number of entries.
    public var count: Int { entries.count }
}
