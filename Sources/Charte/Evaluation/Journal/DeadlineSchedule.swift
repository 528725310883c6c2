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
    public var instances: [DeadlineInstance] { store.all }
    /// The same, kept on disk when there are many.
    let store: DeadlineInstances
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
        let timeline = SpilledRecords<TimelineRecord>()
        for row in events { timeline.append(TimelineRecord(day: row.date.dayNumber, kind: 0, line: row.line, index: row.event)) }
        for row in completions { timeline.append(TimelineRecord(day: row.date.dayNumber, kind: 1, line: row.line, index: row.task)) }
        self.init(charter: charter, timeline: timeline, at: date)
    }

    /// The schedule of a journal's events and completions, whatever their order (see `TimelineRecord`).
    ///
    /// Nothing is kept per row: the timeline is sorted on disk and replayed, each event writes the
    /// instances it opens and each completion the instance it closes (the task's oldest open one,
    /// so counts per task say which); the two are joined by sorting on (task, occurrence).
    init(charter: Charter, timeline: SpilledRecords<TimelineRecord>, at date: CalendarDate) {
        let tasks = charter.tasks
        let workingDays = charter.calendar?.workingDays ?? WorkingDays(calendar: nil)
        var triggered = [[Int]](repeating: [], count: charter.events.count)
        for (index, task) in tasks.enumerated() {
            if let trigger = task.trigger, trigger < triggered.count, task.delay != nil { triggered[trigger].append(index) }
        }
        var fixedDone = [(date: CalendarDate, line: Int)?](repeating: nil, count: tasks.count)
        var opened = [Int](repeating: 0, count: tasks.count)
        var closed = [Int](repeating: 0, count: tasks.count)
        var firstDone = [(date: CalendarDate, line: Int)?](repeating: nil, count: tasks.count)
        let parts = SpilledRecords<InstancePart>()
        var issues: [JournalIssue] = []

        // Replay: events (kind 0) before completions (kind 1) on the same day, then by line.
        timeline.sorted { ($0.day, $0.kind, $0.line) < ($1.day, $1.kind, $1.line) }.forEach { item in
            guard let rowDate = CalendarDate(dayNumber: item.day) else { return }
            if item.kind == 0 {
                for task in triggered[item.index] {
                    guard let delay = tasks[task].delay, let due = delay.apply(to: rowDate, workingDays: workingDays) else {
                        issues.append(JournalIssue(line: item.line, kind: .dueDateOutOfRange(task: tasks[task].id)))
                        continue
                    }
                    opened[task] += 1
                    parts.append(InstancePart(task: task, occurrence: opened[task], kind: 0, day: item.day, line: item.line,
                                              due: due.dayNumber))
                }
            } else {
                let task = item.index
                if firstDone[task] == nil { firstDone[task] = (rowDate, item.line) }
                if tasks[task].trigger != nil {
                    if closed[task] < opened[task] {
                        closed[task] += 1
                        parts.append(InstancePart(task: task, occurrence: closed[task], kind: 1, day: item.day, line: item.line, due: 0))
                    } else {
                        issues.append(JournalIssue(line: item.line, kind: .noOpenInstance(task: tasks[task].id)))
                    }
                } else if tasks[task].deadline != nil, fixedDone[task] == nil {
                    fixedDone[task] = (rowDate, item.line)
                }
            }
        }

        // Each opened instance, followed by the completion that closed it, if any.
        let joined = SpilledRecords<InstanceRecord>()
        var open: InstancePart?
        func emit(_ part: InstancePart, done: InstancePart?) {
            joined.append(InstanceRecord(task: part.task, occurrence: part.occurrence, eventLine: part.line, eventDay: part.day,
                                         due: part.due, doneDay: done?.day, doneLine: done?.line))
        }
        parts.sorted { ($0.task, $0.occurrence, $0.kind) < ($1.task, $1.occurrence, $1.kind) }.forEach { part in
            if part.kind == 0 {
                if let waiting = open { emit(waiting, done: nil) }
                open = part
            } else if let waiting = open, waiting.task == part.task, waiting.occurrence == part.occurrence {
                emit(waiting, done: part)
                open = nil
            }
        }
        if let waiting = open { emit(waiting, done: nil) }
        for (index, task) in tasks.enumerated() where task.trigger == nil {
            guard let deadline = task.deadline else { continue }
            joined.append(InstanceRecord(task: index, occurrence: 0, eventLine: nil, eventDay: nil, due: deadline.dayNumber,
                                         doneDay: fixedDone[index]?.date.dayNumber, doneLine: fixedDone[index]?.line))
        }
        self.issues = issues
        store = DeadlineInstances(joined.sorted { ($0.due, $0.task, $0.occurrence) < ($1.due, $1.task, $1.occurrence) }, at: date)

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
