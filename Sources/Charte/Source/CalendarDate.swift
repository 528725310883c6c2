/// A day of the proleptic Gregorian calendar, years 1 to 9999.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored in four bytes: dates sit in every date token, node and task of large charters.
    private let storedYear: UInt16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The year (1…9999).
    public var year: Int { Int(storedYear) }
    /// The month (1…12).
    public var month: Int { Int(storedMonth) }
    /// The day of the month.
    public var day: Int { Int(storedDay) }

    /// Creates a date if it exists in the calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        storedYear = UInt16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses `AAAA-MM-JJ`; nil if malformed or impossible.
    public init?(iso text: Substring) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// Parses `AAAA-MM-JJ` from UTF-8 bytes (the lexer's path: no string is built).
    init?<Bytes: Collection<UInt8>>(isoBytes bytes: Bytes) where Bytes.Index == Int {
        guard bytes.count == 10 else { return nil }
        let base = bytes.startIndex
        guard bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[base + index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date of `JJ/MM/AAAA` split at its slashes (day, month, year, digits only).
    init?(frenchParts parts: [ArraySlice<UInt8>]) {
        func number(_ digits: ArraySlice<UInt8>) -> Int {
            digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard parts.count == 3 else { return nil }
        self.init(year: number(parts[2]), month: number(parts[1]), day: number(parts[0]))
    }

    /// Whether a year is a leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date with a given day number, if within years 1…9999.
    public init?(dayNumber: Int) {
        guard dayNumber >= -719162, dayNumber <= 2932896 else { return nil }
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// This date moved by a number of days; nil when it leaves years 1…9999 or overflows.
    public func adding(days: Int) -> CalendarDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : CalendarDate(dayNumber: sum)
    }

    /// This date moved by months, the day clamped to the month's length (`01-31 + 1 mois` → `02-28`).
    public func adding(months: Int) -> CalendarDate? {
        guard months > -200_000, months < 200_000 else { return nil }  // also keeps `abs(Int.min)` out
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        return CalendarDate(year: newYear, month: newMonth, day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))
    }

    /// Days from this date to another (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// `AAAA-MM-JJ` (see `DateText`, where every written form of a date lives).
    public var description: String { DateText.iso(self) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.storedYear, lhs.storedMonth, lhs.storedDay) < (rhs.storedYear, rhs.storedMonth, rhs.storedDay)
    }
}
