/// What Tab may put in place of the word before the cursor.
public struct Completion: Sendable, Hashable {
    /// Where the word being completed starts, in characters from the start of the line.
    public var start: Int
    /// The words that may replace it, sorted, without duplicates.
    public var candidates: [String]
    /// What follows a unique candidate: `" "` after a word, `"("` after an object type,
    /// `": "` after an attribute name, nothing after an enumeration value.
    public var suffix: String

    /// A completion of the word starting at `start`.
    public init(start: Int, candidates: [String], suffix: String = " ") {
        self.start = start
        self.candidates = candidates
        self.suffix = suffix
    }

    /// No candidate.
    public static func none(at cursor: Int) -> Completion { Completion(start: cursor, candidates: []) }
}
