/// The balance of roles in a checked charter (`charte analyser`): who holds which letter, the
/// workload per month from the real deadlines, the tasks nobody can take over, those without an
/// approver or with many consulted, and the thresholds (`seuils`) exceeded.
public struct Analysis: Sendable {
    /// How many tasks an actor holds each letter in.
    public struct LetterCounts: Sendable, Hashable {
        /// The actor's index in the charter.
        public var actor: Int
        /// One count per letter, in RACI order (`Letter.allCases`).
        public var counts: [Int]

        /// The count of one letter.
        public func count(_ letter: Letter) -> Int { counts[Letter.allCases.firstIndex(of: letter) ?? 0] }
        /// The number of letters held, all tasks together.
        public var total: Int { counts.reduce(0, +) }
    }

    /// A task's instances due in one month.
    public struct DueTask: Sendable, Hashable {
        /// The task's index in the charter.
        public var task: Int
        /// How many of its instances fall due this month (1 for a fixed deadline).
        public var count: Int
        /// The due date of a fixed deadline; nil for the instances opened by a journal's events.
        public var date: CalendarDate?
    }

    /// The workload of one month.
    public struct Month: Sendable, Hashable {
        /// The year and the month (1…12).
        public var year: Int, month: Int
        /// The tasks due this month, by first due date then task order.
        public var tasks: [DueTask]
        /// Per actor (indexed like `Charter.actors`), the instances due this month where it holds R, A or S.
        public var load: [Int]

        /// The first day of the month.
        public var firstDay: CalendarDate? { CalendarDate(year: year, month: month, day: 1) }
        /// The number of task instances due this month.
        public var total: Int { tasks.reduce(0) { $0 + $1.count } }
    }

    /// A task opened by each occurrence of an event.
    public struct TriggeredTask: Sendable, Hashable {
        /// The task's index in the charter.
        public var task: Int
        /// The triggering event's index.
        public var event: Int
        /// How many times the journal opened it; nil without a journal.
        public var occurrences: Int?
    }

    /// Who alone holds a task nobody can take over.
    public enum Holder: Sendable, Hashable {
        /// A person of `personnes`, and the responsable actors it acts as.
        case person(String, actors: [Int])
        /// An actor without `personnes` (taken as one person).
        case actor(Int)
    }

    /// A task whose every responsable is one person, with no aide and no suppléant.
    public struct SinglePoint: Sendable, Hashable {
        /// The task's index in the charter.
        public var task: Int
        /// Who holds it alone.
        public var holder: Holder
    }

    /// A task with more consulted actors than the threshold allows.
    public struct Crowded: Sendable, Hashable {
        /// The task's index in the charter.
        public var task: Int
        /// Its number of consulted actors.
        public var count: Int
    }

    /// An actor with more tasks due in a month than the threshold allows.
    public struct Overload: Sendable, Hashable {
        /// The actor's index in the charter.
        public var actor: Int
        /// The year and month.
        public var year: Int, month: Int
        /// The instances due that month where it holds R, A or S.
        public var count: Int
    }

    /// What was read from a journal (events only count when their row was read and checked).
    public struct JournalFigures: Sendable, Hashable {
        /// Event rows counted.
        public var events: Int
        /// Rows that could not be read or verified: their events, if any, are not counted.
        public var notVerifiable: Int
    }

    /// The thresholds the charter is held to.
    public let thresholds: Thresholds
    /// Every actor's letter counts, in charter order.
    public let letters: [LetterCounts]
    /// The months from the first to the last due date (a month with nothing due included, when
    /// they span at most `Analysis.filledMonths`; otherwise only the months with something due).
    public let months: [Month]
    /// The event-triggered tasks, in charter order.
    public let triggered: [TriggeredTask]
    /// Tasks with neither a deadline nor a triggering event, in charter order.
    public let undated: [Int]
    /// Tasks nobody can take over, in charter order.
    public let singlePoints: [SinglePoint]
    /// Tasks without an approbateur, in charter order.
    public let withoutApprover: [Int]
    /// Tasks with more consulted than `consultes_max`, in charter order.
    public let manyConsulted: [Crowded]
    /// Actors with more tasks in a month than `taches_par_mois_max`, by month then charter order.
    public let overloads: [Overload]
    /// What the journal gave, if one was read.
    public let journal: JournalFigures?

    /// The longest run of months listed in full (empty months included).
    public static let filledMonths = 36

    /// The letters that put a task in an actor's monthly load: who does it, approves it, helps.
    public static let loadLetters = Agenda.letters

    /// The number of thresholds exceeded (tasks with too many consulted, overloaded months).
    public var exceeded: Int { manyConsulted.count + overloads.count }

    /// Whether `charte analyser` exits 1: a threshold exceeded, or a journal row not read or
    /// not verified (its events would be missing from the counts).
    public var hasProblems: Bool { exceeded > 0 || (journal?.notVerifiable ?? 0) > 0 }

    /// Analyses a checked charter; with a journal's report, the instances its events opened are
    /// counted in the months they fall due.
    public init(charter: CheckedCharter, journal: JournalReport? = nil) {
        self.init(charter: charter.model, journal: journal)
    }

    /// The same over a bare model.
    init(charter: Charter, journal: JournalReport?) {
        thresholds = charter.thresholds
        let tasks = charter.tasks
        letters = charter.actors.indices.map { actor in
            LetterCounts(actor: actor, counts: Letter.allCases.map { letter in
                tasks.reduce(0) { $0 + ($1.actors(letter).contains(actor) ? 1 : 0) }
            })
        }

        // Triggered tasks and their occurrences in the journal.
        var occurrences = [Int](repeating: 0, count: tasks.count)
        if let journal {
            for instance in journal.instances where instance.task < tasks.count && tasks[instance.task].trigger != nil {
                occurrences[instance.task] += 1
            }
        }
        triggered = tasks.indices.compactMap { index in
            guard let event = tasks[index].trigger else { return nil }
            return TriggeredTask(task: index, event: event, occurrences: journal.map { _ in occurrences[index] })
        }
        undated = tasks.indices.filter { tasks[$0].trigger == nil && tasks[$0].deadline == nil }

        // Due instances: fixed deadlines, and the journal's event-triggered ones.
        var due: [(date: CalendarDate, task: Int, fixed: Bool)] = []
        for (index, task) in tasks.enumerated() where task.trigger == nil {
            if let deadline = task.deadline { due.append((deadline, index, true)) }
        }
        if let journal {
            for instance in journal.instances where instance.task < tasks.count && tasks[instance.task].trigger != nil {
                due.append((instance.due, instance.task, false))
            }
        }
        due.sort { ($0.date, $0.task) < ($1.date, $1.task) }
        months = Analysis.months(of: due, charter: charter)

        let consultedMax = thresholds.value(.consultedMax)
        manyConsulted = tasks.indices.compactMap { index in
            let count = tasks[index].consultes.count
            return count > consultedMax ? Crowded(task: index, count: count) : nil
        }
        let perMonth = thresholds.value(.tasksPerMonthMax)
        overloads = months.flatMap { month in
            month.load.indices.compactMap { actor in
                month.load[actor] > perMonth ? Overload(actor: actor, year: month.year, month: month.month, count: month.load[actor]) : nil
            }
        }
        withoutApprover = tasks.indices.filter { tasks[$0].approbateurs.isEmpty }
        singlePoints = Analysis.singlePoints(of: charter)
        self.journal = journal.map { JournalFigures(events: $0.counts.events, notVerifiable: $0.counts.notVerifiable) }
    }

    // MARK: - Months

    /// Groups sorted due instances by month, every actor's load counted.
    private static func months(of due: [(date: CalendarDate, task: Int, fixed: Bool)], charter: Charter) -> [Month] {
        guard let first = due.first?.date, let last = due.last?.date else { return [] }
        let key = { (date: CalendarDate) in date.year * 12 + date.month - 1 }
        let span = key(last) - key(first) + 1
        var byKey: [Int: Month] = [:]
        var order: [Int] = []
        if span <= filledMonths {
            order = Array(key(first)...key(last))
        }
        for item in due {
            let month = key(item.date)
            if byKey[month] == nil {
                byKey[month] = Month(year: month / 12, month: month % 12 + 1, tasks: [],
                                     load: [Int](repeating: 0, count: charter.actors.count))
                if span > filledMonths { order.append(month) }
            }
            // `due` is sorted by date, so a task's entry is found again only for more instances.
            if let position = byKey[month]?.tasks.firstIndex(where: { $0.task == item.task && ($0.date == nil) == !item.fixed }) {
                byKey[month]?.tasks[position].count += 1
            } else {
                byKey[month]?.tasks.append(DueTask(task: item.task, count: 1, date: item.fixed ? item.date : nil))
            }
            var seen = Set<Int>()
            let task = charter.tasks[item.task]
            for letter in loadLetters {
                for actor in task.actors(letter) where actor < charter.actors.count && seen.insert(actor).inserted {
                    byKey[month]?.load[actor] += 1
                }
            }
        }
        return order.map { month in
            byKey[month] ?? Month(year: month / 12, month: month % 12 + 1, tasks: [],
                                  load: [Int](repeating: 0, count: charter.actors.count))
        }
    }

    // MARK: - Single points of failure

    /// The tasks whose responsables all come down to one person, with no aide and no suppléant
    /// covering them.
    private static func singlePoints(of charter: Charter) -> [SinglePoint] {
        var people: [Int: Set<String>] = [:]
        var result: [SinglePoint] = []
        for (index, task) in charter.tasks.enumerated() where task.aides.isEmpty && !task.responsables.isEmpty {
            var union = Set<String>()
            for actor in task.responsables {
                if people[actor] == nil { people[actor] = Analysis.people(of: actor, in: charter) }
                union.formUnion(people[actor] ?? [])
                if union.count > 1 { break }
            }
            guard union.count == 1, let person = union.first else { continue }
            let covered = charter.deputies.contains { deputy in
                task.responsables.contains(deputy.deputised)
                    && (deputy.tasks.contains(index) || deputy.actions.contains { delegated in task.actions.contains { $0.action == delegated.action } })
            }
            if covered { continue }
            if person.hasPrefix(actorMark), let actor = task.responsables.first {
                result.append(SinglePoint(task: index, holder: .actor(actor)))
            } else {
                result.append(SinglePoint(task: index, holder: .person(person, actors: task.responsables)))
            }
        }
        return result
    }

    /// Marks the stand-in "person" of an actor without `personnes` (no name of a person starts with it).
    private static let actorMark = "\u{0}"

    /// The people an actor stands for: its `personnes`; for an instance without them, its
    /// members' people; otherwise the actor itself, as one person.
    private static func people(of actor: Int, in charter: Charter, visiting: Set<Int> = []) -> Set<String> {
        let declared = charter.actors[actor]
        if !declared.persons.isEmpty { return Set(declared.persons) }
        if declared.kind == .instance, !declared.members.isEmpty, !visiting.contains(actor) {
            var union = Set<String>()
            for member in declared.members where member < charter.actors.count {
                union.formUnion(people(of: member, in: charter, visiting: visiting.union([actor])))
            }
            if !union.isEmpty { return union }
        }
        return [actorMark + declared.id]
    }
}
