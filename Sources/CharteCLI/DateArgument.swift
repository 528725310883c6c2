import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates given on the command line, and today's date.
enum DateArgument {
    /// Parses `--date`-style values: `AAAA-MM-JJ` or `JJ/MM/AAAA`; nil when absent.
    static func parse(_ value: String?, option: String) throws(UsageError) -> CalendarDate? {
        guard let value else { return nil }
        guard let parsed = CalendarDate(journal: value) else {
            throw UsageError(message: "date invalide « \(value) » pour \(option) (attendu AAAA-MM-JJ ou JJ/MM/AAAA)")
        }
        return parsed
    }

    /// The value of a date option, or today when it is absent.
    static func parseOrToday(_ value: String?, option: String) throws(UsageError) -> CalendarDate {
        if let date = try parse(value, option: option) { return date }
        guard let today = today() else { throw UsageError(message: "date du jour inconnue : donnez \(option) AAAA-MM-JJ") }
        return today
    }

    /// Today, in the local time zone (the only place the clock is read).
    static func today() -> CalendarDate? {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return nil }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
