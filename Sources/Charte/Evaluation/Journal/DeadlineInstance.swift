/// Where a task instance stands at a date.
public enum DeadlineStatus: String, Sendable, Hashable, CaseIterable {
    /// Done on or before its due date.
    case doneOnTime = "faite"
    /// Done after its due date.
    case doneLate = "faite_en_retard"
    /// Not done, and the due date has passed.
    case overdue = "en_retard"
    /// Not done, due within the next seven days (today included).
    case dueSoon = "bientot"
    /// Not done, due later.
    case upcoming = "a_venir"

    /// How many days ahead "due soon" looks.
    public static let soonWindow = 7

    /// The status of an instance due on `due`, done on `doneOn` (nil if not yet), seen on `date`,
    /// with its count of days: late for `doneLate` and `overdue`, early for `doneOnTime`, left
    /// for `dueSoon` and `upcoming`.
    public static func of(due: CalendarDate, doneOn: CalendarDate?, at date: CalendarDate) -> (status: DeadlineStatus, days: Int) {
        if let doneOn {
            let late = due.days(until: doneOn)
            return late > 0 ? (.doneLate, late) : (.doneOnTime, -late)
        }
        let left = date.days(until: due)
        if left < 0 { return (.overdue, -left) }
        return left <= soonWindow ? (.dueSoon, left) : (.upcoming, left)
    }

    /// Whether the instance is still to be done.
    public var isOpen: Bool { self == .overdue || self == .dueSoon || self == .upcoming }

    /// The French wording with its count of days (`en retard de 3 jours`).
    public func describe(days: Int) -> String {
        switch self {
        case .doneOnTime: "faite à temps"
        case .doneLate: "faite avec \(DeadlineStatus.days(days)) de retard"
        case .overdue: "en retard de \(DeadlineStatus.days(days))"
        case .dueSoon: days == 0 ? "à faire aujourd'hui" : "à faire dans \(DeadlineStatus.days(days))"
        case .upcoming: "à venir (dans \(DeadlineStatus.days(days)))"
        }
    }

    /// `1 jour`, `3 jours`.
    public static func days(_ count: Int) -> String { count == 1 || count == -1 ? "\(count) jour" : "\(count) jours" }
}

/// One instance of a task: the single one of a task with `echeance`, or one per event for a
/// task with `quand`/`delai`.
public struct DeadlineInstance: Sendable, Hashable {
    /// The task's index in the charter.
    public var task: Int
    /// 0 for a task with a fixed deadline; 1, 2… for the events of an event-triggered task.
    public var occurrence: Int
    /// The journal line of the triggering event (event-triggered tasks).
    public var eventLine: Int?
    /// The date of the triggering event (event-triggered tasks).
    public var eventDate: CalendarDate?
    /// The due date.
    public var due: CalendarDate
    /// When the journal marks it done, if it does (by the date of the check).
    public var doneOn: CalendarDate?
    /// The journal line that marks it done.
    public var doneLine: Int?
    /// The status at the date of the check.
    public var status: DeadlineStatus
    /// Days late, early or left, depending on the status (see `DeadlineStatus.of`).
    public var days: Int

    /// Creates an instance, its status computed at `date`.
    public init(task: Int, occurrence: Int, eventLine: Int? = nil, eventDate: CalendarDate? = nil, due: CalendarDate,
                doneOn: CalendarDate? = nil, doneLine: Int? = nil, at date: CalendarDate) {
        self.task = task
        self.occurrence = occurrence
        self.eventLine = eventLine
        self.eventDate = eventDate
        self.due = due
        self.doneOn = doneOn
        self.doneLine = doneLine
        (status, days) = DeadlineStatus.of(due: due, doneOn: doneOn, at: date)
    }
}

/// A task done before one of its `apres` prerequisites.
public struct OutOfOrderTask: Sendable, Hashable {
    /// The task's index.
    public var task: Int
    /// When the journal first marks it done.
    public var doneOn: CalendarDate
    /// The journal line that first marks it done.
    public var line: Int
    /// The prerequisite's index.
    public var prerequisite: Int
    /// When the prerequisite was first marked done (nil: not yet).
    public var prerequisiteDoneOn: CalendarDate?
    /// The journal line that first marks the prerequisite done.
    public var prerequisiteLine: Int?
}
