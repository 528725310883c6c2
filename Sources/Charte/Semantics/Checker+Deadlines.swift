// Pass 3: deadlines against prerequisites (E400) and the calendar (W401, W402).

extension Checker {
    mutating func checkDeadlines() {
        // The calendar's span and periods are computed once, not once per task.
        let first = charter.calendar?.first, last = charter.calendar?.last
        let periods = charter.calendar?.periods ?? []
        let workingDays = charter.calendar.map(\.workingDays)
        var scratch = PrerequisiteSearch()
        var work = Checker.deadlineWork
        // Fields read in place: copying each task out retained and released all of its own.
        for index in charter.tasks.indices {
            guard charter.tasks[index].trigger == nil, let deadline = charter.tasks[index].deadline,
                  let span = charter.tasks[index].deadlineSpan else { continue }
            if let first, let last {
                if deadline < first || last < deadline {
                    report(.deadlineOutsideCalendar(date: deadline, first: first, last: last),
                           at: span)
                } else if let period = periods.first(where: { deadline >= $0.start && deadline <= ($0.end ?? $0.start) }) {
                    report(.deadlineInHoliday(date: deadline, period: period.displayName), at: span,
                           notes: [Note(.periodDeclaredHere(period.displayName), at: period.span)])
                } else if let workingDays, let closure = workingDays.closure(of: deadline) {
                    reportClosedDay(deadline, closure: closure, workingDays: workingDays, at: span)
                }
            }
            if charter.tasks[index].after.isEmpty { continue }
            for prerequisite in nearestPrerequisitesWithDeadline(of: index, using: &scratch, work: &work) {
                guard let otherDeadline = charter.tasks[prerequisite].deadline, deadline < otherDeadline else { continue }
                report(.deadlineBeforePrerequisite(task: charter.tasks[index].id, date: deadline,
                                                   prerequisite: charter.tasks[prerequisite].id, prerequisiteDate: otherDeadline),
                       at: span, notes: [Note(.prerequisiteDeadline(otherDeadline), at: charter.tasks[prerequisite].deadlineSpan)])
            }
        }
    }

    /// W403: a deadline on a Saturday, a Sunday or a public holiday, with the nearest working day.
    mutating func reportClosedDay(_ deadline: CalendarDate, closure: WorkingDays.Closure, workingDays: WorkingDays, at span: Span) {
        let day: ClosedDay
        switch closure {
        case .saturday: day = .saturday
        case .sunday: day = .sunday
        case .publicHoliday(let name): day = .publicHoliday(name)
        case .holidayPeriod: return
        }
        let nearest = workingDays.nearestWorkingDay(to: deadline)
        report(.deadlineOnClosedDay(date: deadline, day: day, nearest: nearest), at: span)
    }

    /// The prerequisites that have a fixed deadline, looking through those without one.
    ///
    /// Each visit spends one unit of `work`; once it is spent (only a hostile file gets
    /// there) no more prerequisites are returned, so the check stays linear in practice.
    func nearestPrerequisitesWithDeadline(of task: Int) -> [Int] {
        var scratch = PrerequisiteSearch()
        var work = Checker.deadlineWork
        return nearestPrerequisitesWithDeadline(of: task, using: &scratch, work: &work)
    }

    /// The same, reusing the search's buffers from task to task (no set allocated per task).
    func nearestPrerequisitesWithDeadline(of task: Int, using search: inout PrerequisiteSearch, work: inout Int) -> [Int] {
        var result: [Int] = []
        search.begin(taskCount: charter.tasks.count)
        _ = search.visit(task)
        search.pending.append(contentsOf: charter.tasks[task].after)
        while let next = search.pending.popLast() {
            guard work > 0 else { return [] }
            work -= 1
            guard search.visit(next) else { continue }
            if charter.tasks[next].trigger == nil, charter.tasks[next].deadline != nil {
                result.append(next)
            } else {
                search.pending.append(contentsOf: charter.tasks[next].after)
            }
        }
        return result.sorted()
    }
}

/// Buffers for walking prerequisites: a visit mark per task stamped with a generation
/// number, so starting a new walk clears nothing.
struct PrerequisiteSearch {
    private var marks: [UInt32] = []
    private var generation: UInt32 = 0
    var pending: [Int] = []

    mutating func begin(taskCount: Int) {
        if marks.count != taskCount { marks = Array(repeating: 0, count: taskCount) }
        if generation == UInt32.max {
            generation = 0
            for index in marks.indices { marks[index] = 0 }
        }
        generation += 1
        pending.removeAll(keepingCapacity: true)
    }

    /// Marks a task visited; false if it already was (or is out of range, as `after` indices never are).
    mutating func visit(_ task: Int) -> Bool {
        guard marks.indices.contains(task), marks[task] != generation else { return false }
        marks[task] = generation
        return true
    }
}
