/// Dates as a French reader expects them in a printed document.
public enum DateText {
    /// Month names, January first.
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                         "août", "septembre", "octobre", "novembre", "décembre"]
    /// Weekday names, Sunday first.
    static let weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]

    /// `mardi 1er septembre 2026`.
    public static func long(_ date: CalendarDate) -> String {
        "\(weekday(date)) \(dayAndMonth(date)) \(date.year)"
    }

    /// `1er septembre`, `17 octobre`.
    public static func dayAndMonth(_ date: CalendarDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1])"
    }

    /// `septembre 2026`.
    public static func month(_ date: CalendarDate) -> String {
        "\(months[date.month - 1]) \(date.year)"
    }

    /// `du 17 octobre au 1er novembre 2026`, `du 19 décembre 2026 au 3 janvier 2027`.
    public static func range(_ start: CalendarDate, _ end: CalendarDate) -> String {
        let first = start.year == end.year ? dayAndMonth(start) : "\(dayAndMonth(start)) \(start.year)"
        return "du \(first) au \(dayAndMonth(end)) \(end.year)"
    }

    /// `01/09/2026`.
    public static func short(_ date: CalendarDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// The weekday's name.
    public static func weekday(_ date: CalendarDate) -> String {
        // Day 0 (1970-01-01) was a Thursday.
        let index = ((date.dayNumber + 4) % 7 + 7) % 7
        return weekdays[index]
    }
}
