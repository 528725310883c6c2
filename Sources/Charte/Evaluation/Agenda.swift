/// What each actor has to do next: the open task instances, by actor, in date order.
public struct Agenda: Sendable {
    /// One open instance in an actor's agenda, with the letter the actor holds in the task.
    public struct Item: Sendable, Hashable {
        /// The instance (its status says overdue, due soon or upcoming).
        public var instance: DeadlineInstance
        /// `R` (responsable), `A` (approbateur) or `S` (aide).
        public var letter: Letter
    }

    /// An actor's open instances.
    public struct Entry: Sendable, Hashable {
        /// The actor's index in the charter.
        public var actor: Int
        /// By due date, then task order.
        public var items: [Item]
    }

    /// The date the agenda is drawn up at.
    public let date: CalendarDate
    /// The last due date shown, if limited.
    public let until: CalendarDate?
    /// Actors with something to do, in charter order.
    public let entries: [Entry]

    /// The letters that put a task in an actor's agenda: who does it, who approves it, who helps.
    public static let letters: [Letter] = [.responsable, .approbateur, .aide]

    /// Builds the agenda of a checked charter from task instances (`DeadlineSchedule` or a journal report).
    public init(charter: CheckedCharter, instances: [DeadlineInstance], date: CalendarDate, until: CalendarDate? = nil) {
        self.init(charter: charter.model, instances: instances, date: date, until: until)
    }

    /// The same over a bare model.
    init(charter: Charter, instances: [DeadlineInstance], date: CalendarDate, until: CalendarDate? = nil) {
        self.date = date
        self.until = until
        var items = [[Item]](repeating: [], count: charter.actors.count)
        let sorted = instances.sorted { ($0.due, $0.task, $0.occurrence) < ($1.due, $1.task, $1.occurrence) }
        for instance in sorted where instance.status.isOpen {
            if let until, until < instance.due { continue }
            let task = charter.tasks[instance.task]
            var seen = Set<Int>()
            for letter in Agenda.letters {
                for actor in task.actors(letter) where seen.insert(actor).inserted {
                    items[actor].append(Item(instance: instance, letter: letter))
                }
            }
        }
        entries = items.enumerated().compactMap { actor, list in list.isEmpty ? nil : Entry(actor: actor, items: list) }
    }
}
