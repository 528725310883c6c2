/// What each actor has to do next: the open task instances, by actor, in date order.
public struct Agenda: Sendable {
    /// One open instance in an actor's agenda, with the letter the actor holds in the task.
    public struct Item: Sendable, Hashable {
        /// The instance (its status says overdue, due soon or upcoming).
        public var instance: DeadlineInstance
        /// `R` (responsable), `A` (approbateur) or `S` (aide).
        public var letter: Letter
        /// The suppléance (index in `Charter.deputies`) that puts an absent actor's task here,
        /// the instance being due inside its window; nil for the actor's own tasks.
        public var deputy: Int? = nil
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
    public static let letters: [Letter] = [.responsible, .approver, .support]

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
        // A deputy's agenda gets the absent actor's delegated tasks due inside the window.
        for (index, deputy) in charter.deputies.enumerated() where charter.actors.indices.contains(deputy.deputy) {
            var added = false
            for instance in sorted where instance.status.isOpen && deputy.isActive(on: instance.due) {
                if let until, until < instance.due { continue }
                guard deputy.delegates(task: instance.task, in: charter),
                      let letter = charter.tasks[instance.task].letter(of: deputy.deputised),
                      !items[deputy.deputy].contains(where: { $0.instance == instance }) else { continue }
                items[deputy.deputy].append(Item(instance: instance, letter: letter, deputy: index))
                added = true
            }
            if added {
                items[deputy.deputy].sort { ($0.instance.due, $0.instance.task, $0.instance.occurrence) < ($1.instance.due, $1.instance.task, $1.instance.occurrence) }
            }
        }
        entries = items.enumerated().compactMap { actor, list in list.isEmpty ? nil : Entry(actor: actor, items: list) }
    }
}
