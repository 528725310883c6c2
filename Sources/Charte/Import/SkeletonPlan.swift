/// What the cells of a table say together: the councils, actions, events and calendar dates
/// their guesses name, each once (by key, in the order of the table), with its identifier.
struct SkeletonPlan {
    /// A task with what was read from its cell.
    struct Cell {
        let task: CharterSkeleton.Task
        let reading: CellReading
        /// The table line of the cell's row.
        let line: Int
    }

    /// A council, action or event several cells may name.
    struct Named {
        let key: String
        let label: String
        var id = ""
    }

    private(set) var councils: [Named] = []
    private(set) var actions: [Named] = []
    private(set) var events: [Named] = []
    /// Dates the deadlines need in the calendar, by name.
    private(set) var entries: [CellReading.CalendarEntry] = []
    /// Whether a deadline or a delay in working days is written (the calendar is proposed).
    private(set) var needsCalendar = false
    private var index: [String: Int] = [:]

    /// Adds the councils, actions, events and dates of one cell.
    mutating func collect(_ reading: CellReading) {
        for council in reading.councils { add(council.key, council.label, to: \.councils, kind: "c") }
        for action in reading.actions { add(action.key, action.label, to: \.actions, kind: "a") }
        if let trigger = reading.delay?.trigger { add(trigger.key, trigger.label, to: \.events, kind: "e") }
        if let deadline = reading.deadline {
            needsCalendar = true
            if let entry = deadline.entry, !entries.contains(where: { $0.name == entry.name }) { entries.append(entry) }
        }
        if let delay = reading.delay, delay.duration.contains("ouvre"), delay.trigger != nil { needsCalendar = true }
    }

    private mutating func add(_ key: String, _ label: String, to list: WritableKeyPath<SkeletonPlan, [Named]>, kind: String) {
        guard index[kind + key] == nil else { return }
        index[kind + key] = self[keyPath: list].count
        self[keyPath: list].append(Named(key: key, label: label))
    }

    /// Gives each council, event and action its identifier, in that order.
    mutating func name(with identifiers: inout IdentifierMaker) {
        for position in councils.indices { councils[position].id = identifiers.make(from: councils[position].key, kind: "conseil") }
        for position in events.indices { events[position].id = identifiers.make(from: events[position].key, kind: "evenement") }
        for position in actions.indices { actions[position].id = identifiers.make(from: actions[position].key, kind: "action") }
    }

    /// The identifier of a council by key.
    func council(_ key: String) -> String { index["c" + key].map { councils[$0].id } ?? key }
    /// The identifier of an action by key.
    func action(_ key: String) -> String { index["a" + key].map { actions[$0].id } ?? key }
    /// The identifier of an event by key.
    func event(_ key: String) -> String { index["e" + key].map { events[$0].id } ?? key }
}
