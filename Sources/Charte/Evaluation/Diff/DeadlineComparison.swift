// The deadline part of `charte diff`: deadlines moved, added and removed, and those that now
// fall in holidays or on a weekend.

/// A deadline that changed on a task.
public struct DeadlineChange: Sendable, Hashable {
    /// What happened to it.
    public enum Kind: Sendable, Hashable {
        /// A fixed deadline moved (the difference in days is `to − from`).
        case moved(from: CalendarDate, to: CalendarDate)
        /// A fixed deadline appeared (a new task, or a task that had none or followed an event).
        case added(CalendarDate)
        /// A fixed deadline disappeared from a task of both charters.
        case removed(CalendarDate)
        /// The delay after an event changed, appeared (`from` nil) or disappeared (`to` nil).
        case delay(event: String, from: ResolvedDuration?, to: ResolvedDuration?)
        /// The date did not change, but the new calendar puts it in a holiday.
        case unchanged(CalendarDate)
    }

    /// Why a date is a bad day.
    public enum BadDay: Sendable, Hashable {
        /// A Saturday or a Sunday (its French name).
        case weekend(String)
        /// A French public holiday (its name).
        case publicHoliday(String)
        /// Inside a holiday period of the calendar (its label, or else its name).
        case holiday(String)
    }

    /// The task's id (in the new charter, or the old one for a removed deadline).
    public let task: String
    public let label: String?
    /// The task's responsables' ids.
    public let responsables: [String]
    public let kind: Kind
    /// Set when the new date falls on a day without school or office (holidays, weekend, public holiday) and the old one did not.
    public let badDay: BadDay?
    /// Whether a moved deadline is written the same way in both charters (`rentree + 2
    /// semaines`): it moved only because the calendar's dates did.
    public let followsCalendar: Bool

    /// The number of days a moved deadline moves (nil otherwise).
    public var days: Int? {
        if case .moved(let from, let to) = kind { return to.dayNumber - from.dayNumber }
        return nil
    }
}

/// Compares the deadlines of matched tasks (and of tasks only the new charter has).
struct DeadlineComparison {
    let old: Charter
    let new: Charter
    let pairs: [(old: Int, new: Int)]

    func changes() -> [DeadlineChange] {
        var changes: [DeadlineChange] = []
        let matchedNew = Dictionary(pairs.map { ($0.new, $0.old) }, uniquingKeysWith: { first, _ in first })
        for (index, task) in new.tasks.enumerated() {
            let responsables = task.responsables.map { new.actors[$0].id }
            func record(_ kind: DeadlineChange.Kind, badDay: DeadlineChange.BadDay? = nil, followsCalendar: Bool = false) {
                changes.append(DeadlineChange(task: task.id, label: task.label, responsables: responsables, kind: kind, badDay: badDay,
                                              followsCalendar: followsCalendar))
            }
            let date = DeadlineComparison.fixed(task)
            guard let oldIndex = matchedNew[index] else {
                if let date { record(.added(date), badDay: DeadlineComparison.badDay(date, in: new)) }
                if let trigger = task.trigger, let delay = task.delay { record(.delay(event: new.events[trigger].id, from: nil, to: delay)) }
                continue
            }
            let before = old.tasks[oldIndex]
            let oldDate = DeadlineComparison.fixed(before)
            let newBad = date.flatMap { DeadlineComparison.badDay($0, in: new) }
            let oldBad = oldDate.flatMap { DeadlineComparison.badDay($0, in: old) }
            let badDay = newBad != nil && newBad != oldBad ? newBad : nil
            switch (oldDate, date) {
            case (let from?, let to?) where from != to:
                record(.moved(from: from, to: to), badDay: badDay, followsCalendar: before.deadlineText == task.deadlineText)
            case (_?, let same?) where badDay != nil: record(.unchanged(same), badDay: badDay)
            case (_?, _?): break
            case (nil, let to?): record(.added(to), badDay: badDay)
            case (let from?, nil): record(.removed(from))
            case (nil, nil): break
            }
            let oldEvent = before.trigger.map { old.events[$0].id }, newEvent = task.trigger.map { new.events[$0].id }
            let oldDelay = before.trigger == nil ? nil : before.delay, newDelay = task.trigger == nil ? nil : task.delay
            if oldEvent == newEvent, let event = newEvent, oldDelay != newDelay {
                record(.delay(event: event, from: oldDelay, to: newDelay))
            } else if oldEvent != newEvent {
                if let event = oldEvent { record(.delay(event: event, from: oldDelay, to: nil)) }
                if let event = newEvent { record(.delay(event: event, from: nil, to: newDelay)) }
            }
        }
        return changes
    }

    /// A task's fixed deadline (none for a task that follows an event).
    static func fixed(_ task: CharterTask) -> CalendarDate? {
        task.trigger == nil ? task.deadline : nil
    }

    /// Whether a date falls in one of the calendar's holiday periods, on a weekend or on a public holiday.
    static func badDay(_ date: CalendarDate, in charter: Charter) -> DeadlineChange.BadDay? {
        if let period = charter.calendar?.periods.first(where: { date >= $0.start && date <= ($0.end ?? $0.start) }) {
            return .holiday(period.displayName)
        }
        switch WorkingDays(calendar: charter.calendar).closure(of: date) {
        case .saturday: return .weekend("samedi")
        case .sunday: return .weekend("dimanche")
        case .publicHoliday(let name): return .publicHoliday(name)
        case .holidayPeriod, nil: return nil
        }
    }
}
