/// Which days are working days (jours ouvrés) for a charter: every day except Saturdays,
/// Sundays, the calendar's holiday periods and the French public holidays.
public struct WorkingDays: Sendable {
    /// The holiday periods as day-number ranges, sorted and merged.
    private let closed: [ClosedRange<Int>]

    /// The working days of a calendar (none closed but weekends and public holidays without one).
    public init(calendar: SchoolCalendar?) {
        let ranges = (calendar?.periods ?? []).compactMap { entry -> ClosedRange<Int>? in
            guard let end = entry.end, entry.start <= end else { return nil }
            return entry.start.dayNumber...end.dayNumber
        }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        closed = merged
    }

    /// Why a day is not a working day.
    public enum Closure: Sendable, Hashable {
        case saturday, sunday
        /// A public holiday, with its French name.
        case publicHoliday(String)
        /// Inside a holiday period of the calendar.
        case holidayPeriod
    }

    /// Why the date is not a working day; nil for a working day.
    public func closure(of date: CalendarDate) -> Closure? {
        if date.weekday == 6 { return .saturday }
        if date.weekday == 0 { return .sunday }
        if let holiday = PublicHolidays.holiday(on: date) { return .publicHoliday(holiday.label) }
        if inPeriod(date.dayNumber) { return .holidayPeriod }
        return nil
    }

    /// Whether the date is a working day.
    public func isWorkingDay(_ date: CalendarDate) -> Bool { closure(of: date) == nil }

    /// Whether a day number falls in a holiday period (binary search over the merged ranges).
    private func inPeriod(_ day: Int) -> Bool { period(containing: day) != nil }

    /// The most working days a move may count: more than there are weekdays in years 1…9999.
    static let maximumCount = 2_700_000

    /// The date `count` working days after (or before) `date`, not counting `date` itself;
    /// nil when it would leave years 1…9999. `0 jours ouvres` is the date itself.
    public func adding(_ count: Int, to date: CalendarDate, forward: Bool = true) -> CalendarDate? {
        guard count >= 0, count <= WorkingDays.maximumCount else { return nil }
        var current = date, remaining = count
        let step = forward ? 1 : -1
        // The public holidays of the year being crossed, computed once per year.
        var holidayYear = 0, holidays: [CalendarDate] = []
        while remaining > 0 {
            guard let next = current.adding(days: step) else { return nil }
            current = next
            // A holiday period is crossed in one jump rather than a day at a time.
            if let range = period(containing: current.dayNumber) {
                guard let beyond = CalendarDate(dayNumber: forward ? range.upperBound : range.lowerBound) else { return nil }
                current = beyond
                continue
            }
            if current.year != holidayYear {
                holidayYear = current.year
                holidays = PublicHolidays.holidays(year: holidayYear).map(\.date)
            }
            if !current.isWeekend, !holidays.contains(current) { remaining -= 1 }
        }
        return current
    }

    /// The merged holiday period holding a day, if any.
    private func period(containing day: Int) -> ClosedRange<Int>? {
        var low = 0, high = closed.count
        while low < high {
            let middle = (low + high) / 2
            if closed[middle].upperBound < day { low = middle + 1 } else { high = middle }
        }
        return low < closed.count && closed[low].contains(day) ? closed[low] : nil
    }

    /// The working day nearest to a date (the earlier one on a tie), within a year; nil if none.
    public func nearestWorkingDay(to date: CalendarDate) -> CalendarDate? {
        if isWorkingDay(date) { return date }
        for distance in 1...366 {
            if let before = date.adding(days: -distance), isWorkingDay(before) { return before }
            if let after = date.adding(days: distance), isWorkingDay(after) { return after }
        }
        return nil
    }
}
