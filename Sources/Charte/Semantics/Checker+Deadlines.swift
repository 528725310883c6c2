// Pass 3: deadlines against prerequisites (E400) and the calendar (W401, W402).

extension Checker {
    mutating func checkDeadlines() {
        for (index, task) in charter.tasks.enumerated() {
            guard task.trigger == nil, let deadline = task.deadline, let span = task.deadlineSpan else { continue }
            if let calendar = charter.calendar, let first = calendar.first, let last = calendar.last {
                if deadline < first || last < deadline {
                    report(.deadlineOutsideCalendar(date: deadline.description, first: first.description, last: last.description),
                           at: span)
                } else if let period = calendar.periods.first(where: { deadline >= $0.start && deadline <= ($0.end ?? $0.start) }) {
                    report(.deadlineInHoliday(date: deadline.description, period: period.name), at: span,
                           notes: [Note(.periodDeclaredHere(period.name), at: period.span)])
                }
            }
            for prerequisite in nearestPrerequisitesWithDeadline(of: index) {
                let other = charter.tasks[prerequisite]
                guard let otherDeadline = other.deadline, deadline < otherDeadline else { continue }
                report(.deadlineBeforePrerequisite(task: task.id, date: deadline.description,
                                                   prerequisite: other.id, prerequisiteDate: otherDeadline.description),
                       at: span, notes: [Note(.prerequisiteDeadline(otherDeadline.description), at: other.deadlineSpan)])
            }
        }
    }

    /// The prerequisites that have a fixed deadline, looking through those without one.
    func nearestPrerequisitesWithDeadline(of task: Int) -> [Int] {
        var result: [Int] = []
        var visited: Set<Int> = [task]
        var pending = charter.tasks[task].after
        while let next = pending.popLast() {
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
