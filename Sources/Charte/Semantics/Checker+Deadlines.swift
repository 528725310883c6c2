// Pass 3: deadlines against prerequisites (E400) and the calendar (W401, W402).

extension Checker {
    mutating func checkDeadlines() {
        let calendarSpan = charter.calendar.flatMap { calendar in calendar.first.flatMap { first in calendar.last.map { (first, $0) } } }
        let periods = charter.calendar?.periods ?? []
        var work = Checker.deadlineWork
        for (index, task) in charter.tasks.enumerated() {
            guard task.trigger == nil, let deadline = task.deadline, let span = task.deadlineSpan else { continue }
            if let (first, last) = calendarSpan {
                if deadline < first || last < deadline {
                    report(.deadlineOutsideCalendar(date: deadline.description, first: first.description, last: last.description),
                           at: span)
                } else if let period = periods.first(where: { deadline >= $0.start && deadline <= ($0.end ?? $0.start) }) {
                    report(.deadlineInHoliday(date: deadline.description, period: period.name), at: span,
                           notes: [Note(.periodDeclaredHere(period.name), at: period.span)])
                }
            }
            for prerequisite in nearestPrerequisitesWithDeadline(of: index, work: &work) {
                let other = charter.tasks[prerequisite]
                guard let otherDeadline = other.deadline, deadline < otherDeadline else { continue }
                report(.deadlineBeforePrerequisite(task: task.id, date: deadline.description,
                                                   prerequisite: other.id, prerequisiteDate: otherDeadline.description),
                       at: span, notes: [Note(.prerequisiteDeadline(otherDeadline.description), at: other.deadlineSpan)])
            }
        }
    }

    /// The prerequisites that have a fixed deadline, looking through those without one.
    ///
    /// Each visit spends one unit of `work`; once it is spent (only a hostile file gets
    /// there) no more prerequisites are returned, so the check stays linear in practice.
    func nearestPrerequisitesWithDeadline(of task: Int, work: inout Int) -> [Int] {
        var result: [Int] = []
        var visited: Set<Int> = [task]
        var pending = charter.tasks[task].after
        while let next = pending.popLast() {
            guard work > 0 else { return [] }
            work -= 1
            guard visited.insert(next).inserted else { continue }
            let candidate = charter.tasks[next]
            if candidate.trigger == nil, candidate.deadline != nil {
                result.append(next)
            } else {
                pending.append(contentsOf: candidate.after)
            }
        }
        return result.sorted()
    }
}
