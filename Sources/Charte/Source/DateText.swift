/// Every written form of a date, in one place: the charter's `AAAA-MM-JJ` and `JJ/MM/AAAA`,
/// the compact `AAAAMMJJ` of iCalendar, and the words of a printed French document.
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

    /// `2026-09-01` (years are 1…9999, so always four digits).
    public static func iso(_ date: CalendarDate) -> String {
        digits(date.year, 4) + "-" + digits(date.month, 2) + "-" + digits(date.day, 2)
    }

    /// `01/09/2026`.
    public static func short(_ date: CalendarDate) -> String {
        digits(date.day, 2) + "/" + digits(date.month, 2) + "/" + String(date.year)
    }

    /// `20260901`, iCalendar's `DATE` form.
    public static func compact(_ date: CalendarDate) -> String {
        digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2)
    }

    /// A non-negative number on at least `width` digits, zero-padded.
    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The weekday's name.
    public static func weekday(_ date: CalendarDate) -> String {
        // Day 0 (1970-01-01) was a Thursday.
        let index = ((date.dayNumber + 4) % 7 + 7) % 7
        return weekdays[index]
    }
}
