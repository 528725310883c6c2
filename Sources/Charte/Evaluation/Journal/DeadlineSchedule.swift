/// Turns a charter's deadlines and a journal's events and completions into task instances.
///
/// Events and completions are replayed in date order (events before completions on the same
/// day, then by line), so a journal need not be sorted: each event opens one instance of every
/// task it triggers, due event date + `delai`; a completion closes the task's fixed instance,
/// or the **oldest open** instance of an event-triggered task.
public struct DeadlineSchedule: Sendable {
    /// An event row: which event, when, on which line.
    public struct EventRow: Sendable, Hashable {
        /// The event's index in the charter.
        public var event: Int
        /// The date of the row.
        public var date: CalendarDate
        /// The journal line.
        public var line: Int
        /// Creates an event row.
        public init(event: Int, date: CalendarDate, line: Int) {
            self.event = event
            self.date = date
            self.line = line
        }
    }

    /// A row marking a task done.
    public struct Completion: Sendable, Hashable {
        /// The task's index in the charter.
        public var task: Int
        /// The date of the row.
        public var date: CalendarDate
        /// The journal line.
        public var line: Int
        /// Creates a completion.
        public init(task: Int, date: CalendarDate, line: Int) {
            self.task = task
            self.date = date
            self.line = line
        }
    }

    /// Every instance, by due date, then task order, then occurrence.
    public private(set) var instances: [DeadlineInstance] = []
    /// Tasks done before a prerequisite, by line.
    public private(set) var outOfOrder: [OutOfOrderTask] = []
    /// Completions that closed nothing and events whose due date overflowed.
    public private(set) var issues: [JournalIssue] = []

    /// Builds the schedule of a checked charter at `date` (the caller leaves out rows after it).
    public init(charter: CheckedCharter, events: [EventRow] = [], completions: [Completion] = [], at date: CalendarDate) {
        self.init(charter: charter.model, events: events, completions: completions, at: date)
    }

    /// The same over a bare model (the journal's run holds one).
    init(charter: Charter, events: [EventRow] = [], completions: [Completion] = [], at date: CalendarDate) {
        let tasks = charter.tasks
        let workingDays = charter.calendar?.workingDays ?? WorkingDays(calendar: nil)
        var triggered = [[Int]](repeating: [], count: charter.events.count)
        for (index, task) in tasks.enumerated() {
            if let trigger = task.trigger, trigger < triggered.count, task.delay != nil { triggered[trigger].append(index) }
        }
        var pending: [(due: CalendarDate, task: Int, occurrence: Int, eventLine: Int?, eventDate: CalendarDate?,
                       done: (date: CalendarDate, line: Int)?)] = []
        var fixed = [Int?](repeating: nil, count: tasks.count)
        for (index, task) in tasks.enumerated() where task.trigger == nil {
            guard let deadline = task.deadline else { continue }
            fixed[index] = pending.count
            pending.append((deadline, index, 0, nil, nil, nil))
        }

        // Replay: events (kind 0) before completions (kind 1) on the same day, then by line.
        var timeline: [(day: Int, kind: Int, line: Int, index: Int)] = []
        timeline.reserveCapacity(events.count + completions.count)
        for (index, row) in events.enumerated() { timeline.append((row.date.dayNumber, 0, row.line, index)) }
        for (index, row) in completions.enumerated() { timeline.append((row.date.dayNumber, 1, row.line, index)) }
        timeline.sort { ($0.day, $0.kind, $0.line) < ($1.day, $1.kind, $1.line) }

        var open = [[Int]](repeating: [], count: tasks.count)
        var head = [Int](repeating: 0, count: tasks.count)
        var occurrences = [Int](repeating: 0, count: tasks.count)
        var firstDone = [(date: CalendarDate, line: Int)?](repeating: nil, count: tasks.count)
        for item in timeline {
            if item.kind == 0 {
                let row = events[item.index]
                for task in triggered[row.event] {
                    guard let delay = tasks[task].delay, let due = delay.apply(to: row.date, workingDays: workingDays) else {
                        issues.append(JournalIssue(line: row.line, kind: .dueDateOutOfRange(task: tasks[task].id)))
                        continue
                    }
                    occurrences[task] += 1
                    open[task].append(pending.count)
                    pending.append((due, task, occurrences[task], row.line, row.date, nil))
                }
            } else {
                let row = completions[item.index]
                if firstDone[row.task] == nil { firstDone[row.task] = (row.date, row.line) }
                if tasks[row.task].trigger != nil {
                    if head[row.task] < open[row.task].count {
                        pending[open[row.task][head[row.task]]].done = (row.date, row.line)
                        head[row.task] += 1
                    } else {
                        issues.append(JournalIssue(line: row.line, kind: .noOpenInstance(task: tasks[row.task].id)))
                    }
                } else if let slot = fixed[row.task], pending[slot].done == nil {
                    pending[slot].done = (row.date, row.line)
                }
            }
        }

        instances = pending.map { item in
            DeadlineInstance(task: item.task, occurrence: item.occurrence, eventLine: item.eventLine, eventDate: item.eventDate,
                             due: item.due, doneOn: item.done?.date, doneLine: item.done?.line, at: date)
        }
        instances.sort { ($0.due, $0.task, $0.occurrence) < ($1.due, $1.task, $1.occurrence) }

        // Order along `apres`: event-triggered tasks have one instance per event and are left out.
        for (index, task) in tasks.enumerated() where task.trigger == nil {
            guard let done = firstDone[index] else { continue }
            for prerequisite in task.after where tasks[prerequisite].trigger == nil {
                let other = firstDone[prerequisite]
                if other == nil || (other.map { done.date < $0.date } ?? false) {
                    outOfOrder.append(OutOfOrderTask(task: index, doneOn: done.date, line: done.line, prerequisite: prerequisite,
                                                     prerequisiteDoneOn: other?.date, prerequisiteLine: other?.line))
                }
            }
        }
        outOfOrder.sort { ($0.line, $0.prerequisite) < ($1.line, $1.prerequisite) }
    }
}
