// Sizes past which the checker reports E013 instead of doing work that grows too fast.
// A real charter stays far below each of them (see Limits for the whole list).

extension Checker {
    /// The most attributes in one object type, and the most values in one enumeration.
    public static let maximumAttributes = 1000
    /// The most named dates and periods in the calendar.
    public static let maximumCalendarEntries = 1000
    /// The most prerequisite visits spent on E400 over one check; past it E400 is not checked further.
    static let deadlineWork = 2_000_000
}
