/// When a task falls due, as a document shows it.
public enum TaskDeadline: Sendable, Hashable {
    /// A fixed date, with the expression as written (`rentree + 2 semaines`).
    case date(CalendarDate, written: String?)
    /// One instance per occurrence of an event, due the event's date plus a delay.
    case afterEvent(event: String, delay: String)
    /// No deadline.
    case none

    /// The deadline of a task.
    init(task: CharterTask, charter: Charter) {
        if let date = task.deadline {
            self = .date(date, written: task.deadlineText)
        } else if let trigger = task.trigger, let delay = task.delay {
            let event = charter.events[trigger]
            self = .afterEvent(event: event.label ?? event.id, delay: delay.description)
        } else {
            self = .none
        }
    }

    /// `mardi 15 septembre 2026`, `sous 3 jours après chaque « Arrivée d'un élève »`, or empty.
    public var text: String {
        switch self {
        case .date(let date, _): DateText.long(date)
        case .afterEvent(let event, let delay): "sous \(delay) après chaque «\u{00A0}\(event)\u{00A0}»"
        case .none: ""
        }
    }
}

/// The deadline calendar: dated tasks in date order, the holidays among them, tasks due
/// after each event, and tasks without deadline.
public struct DeadlineCalendar: Sendable, Hashable {
    /// A task with its step and responsables, as the calendar lists it.
    public struct Item: Sendable, Hashable {
        /// The task's id.
        public let task: String
        /// The task's label.
        public let label: String
        /// The step's label.
        public let step: String
        /// The responsables' labels.
        public let responsables: [String]
        /// The deadline.
        public let deadline: TaskDeadline

        /// The fixed date, if any.
        public var date: CalendarDate? {
            if case .date(let date, _) = deadline { return date }
            return nil
        }
    }

    /// A holiday period of the calendar.
    public struct Period: Sendable, Hashable {
        /// The name as declared (`toussaint`).
        public let name: String
        /// The period for a reader: its label, or `Vacances : Noël` from its id.
        public let displayName: String
        /// The first day.
        public let start: CalendarDate
        /// The last day.
        public let end: CalendarDate
    }

    /// Tasks with a fixed deadline, by date (then in declaration order).
    public let dated: [Item]
    /// Tasks due after each occurrence of an event, in declaration order.
    public let recurring: [Item]
    /// Tasks without a deadline, in declaration order.
    public let undated: [Item]
    /// The holidays, by start date.
    public let periods: [Period]

    /// Builds the calendar of a checked charter.
    init(charter: Charter) {
        let items = charter.tasks.map { task in
            Item(task: task.id, label: task.label ?? task.id,
                 step: charter.steps[task.step].label ?? charter.steps[task.step].id,
                 responsables: task.responsables.map { charter.actors[$0].label ?? charter.actors[$0].id },
                 deadline: TaskDeadline(task: task, charter: charter))
        }
        let order = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.task, $0) })
        dated = items.filter { $0.date != nil }.sorted { a, b in
            if let x = a.date, let y = b.date, x != y { return x < y }
            return (order[a.task] ?? 0) < (order[b.task] ?? 0)
        }
        recurring = items.filter { if case .afterEvent = $0.deadline { true } else { false } }
        undated = items.filter { $0.deadline == .none }
        periods = (charter.calendar?.periods ?? []).compactMap { entry in
            entry.end.map { Period(name: entry.name, displayName: entry.label ?? "Vacances : " + PlainWords.title(entry.name),
                                   start: entry.start, end: $0) }
        }.sorted { $0.start != $1.start ? $0.start < $1.start : $0.name < $1.name }
    }

    /// The dated tasks and the holidays merged in date order (a period before a task on its first day).
    public var timeline: [TimelineEntry] {
        var entries = dated.map(TimelineEntry.task)
        for period in periods {
            let index = entries.firstIndex { entry in
                if case .task(let item) = entry, let date = item.date { return period.start <= date }
                return false
            } ?? entries.count
            entries.insert(.holiday(period), at: index)
        }
        return entries
    }

    /// One line of the timeline.
    public enum TimelineEntry: Sendable, Hashable {
        /// A task due that day.
        case task(Item)
        /// A holiday period starting then.
        case holiday(Period)

        /// The date the entry is sorted by.
        public var date: CalendarDate? {
            switch self {
            case .task(let item): item.date
            case .holiday(let period): period.start
            }
        }
    }
}
