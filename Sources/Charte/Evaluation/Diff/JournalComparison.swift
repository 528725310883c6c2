// The journal part of `charte diff`: one journal checked against both charters, and the rows
// whose decision or deadline status differs.

/// A journal row, or a task instance, that the two charters judge differently.
public struct JournalRowChange: Sendable, Hashable {
    /// What differs.
    public enum Kind: Sendable, Hashable {
        /// An action row's decision (nil: the row cannot be checked against that charter, e.g. an unknown action).
        case action(actor: String, action: String, object: String?, before: Outcome?, after: Outcome?)
        /// A task instance's status (nil: the task, or that occurrence, does not exist in that charter).
        case deadline(task: String, occurrence: Int, before: InstanceState?, after: InstanceState?)
    }

    /// The journal line: the action row, or the row of the event or completion of the instance (nil: none).
    public let line: Int?
    public let kind: Kind
}

/// Where a task instance stands in one charter.
public struct InstanceState: Sendable, Hashable {
    public let due: CalendarDate
    public let status: DeadlineStatus
    /// Days late, early or left (see `DeadlineStatus.of`).
    public let days: Int
}

/// Checks one journal against both charters at one date and pairs the results.
struct JournalComparison {
    let old: JournalReport
    let new: JournalReport
    let oldCharter: Charter
    let newCharter: Charter
    /// Renamed tasks: old id → new id (their instances are matched under the new id).
    let renamed: [String: String]

    func changes() -> [JournalRowChange] {
        var changes: [(order: Int, change: JournalRowChange)] = []
        // Action rows: flagged (refused or undetermined), unverifiable, or else permitted.
        let oldFlagged = Dictionary(old.flagged.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let newFlagged = Dictionary(new.flagged.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let oldUnverifiable = Set(old.issues.filter(\.makesRowUnverifiable).map(\.line))
        let newUnverifiable = Set(new.issues.filter(\.makesRowUnverifiable).map(\.line))
        let lines = Set(oldFlagged.keys).union(newFlagged.keys).union(oldUnverifiable.symmetricDifference(newUnverifiable))
        for line in lines.sorted() {
            func outcome(_ flagged: [Int: JournalAction], _ unverifiable: Set<Int>) -> Outcome? {
                if let row = flagged[line] { return row.outcome }
                return unverifiable.contains(line) ? nil : .allowed
            }
            let before = outcome(oldFlagged, oldUnverifiable), after = outcome(newFlagged, newUnverifiable)
            guard before != after, let row = newFlagged[line] ?? oldFlagged[line] else { continue }
            changes.append((line, JournalRowChange(line: line, kind: .action(actor: row.actor, action: row.action, object: row.objectText,
                                                                             before: before, after: after))))
        }
        // Task instances, matched by task id and occurrence.
        struct Key: Hashable {
            let task: String
            let occurrence: Int
        }
        func key(_ instance: DeadlineInstance, _ charter: Charter, renaming: [String: String]) -> Key? {
            guard charter.tasks.indices.contains(instance.task) else { return nil }
            let id = charter.tasks[instance.task].id
            return Key(task: renaming[id] ?? id, occurrence: instance.occurrence)
        }
        func states(_ report: JournalReport, _ charter: Charter, renaming: [String: String]) -> [Key: (DeadlineInstance, InstanceState)] {
            var result: [Key: (DeadlineInstance, InstanceState)] = [:]
            for instance in report.instances {
                guard let key = key(instance, charter, renaming: renaming) else { continue }
                result[key] = (instance, InstanceState(due: instance.due, status: instance.status, days: instance.days))
            }
            return result
        }
        let before = states(old, oldCharter, renaming: renamed), after = states(new, newCharter, renaming: [:])
        var keys: [Key] = new.instances.compactMap { key($0, newCharter, renaming: [:]) }
        let known = Set(keys)
        keys += old.instances.compactMap { key($0, oldCharter, renaming: renamed) }.filter { !known.contains($0) }
        for key in keys {
            let was = before[key], now = after[key]
            guard was?.1.status != now?.1.status || (was != nil) != (now != nil) else { continue }
            let line = now?.0.doneLine ?? was?.0.doneLine ?? now?.0.eventLine ?? was?.0.eventLine
            changes.append((line ?? Int.max, JournalRowChange(line: line, kind: .deadline(task: key.task, occurrence: key.occurrence,
                                                                                       before: was?.1, after: now?.1))))
        }
        return changes.enumerated().sorted { a, b in
            a.element.order != b.element.order ? a.element.order < b.element.order : a.offset < b.offset
        }.map(\.element.change)
    }
}

extension CharterDiff {
    /// Adds the journal part: the rows of `journal` (a CSV, as `charte journal` reads it) whose
    /// decision or deadline status at `date` differs between the two charters.
    public mutating func compareJournal(_ journal: [UInt8], old: CheckedCharter, new: CheckedCharter, date: CalendarDate,
                                        limits: Limits = .standard) {
        let oldReport = JournalChecker(charter: old, date: date).check(bytes: journal, limits: limits)
        let newReport = JournalChecker(charter: new, date: date).check(bytes: journal, limits: limits)
        let renamed = Dictionary(tasks.compactMap { task in task.oldID.map { ($0, task.id) } }, uniquingKeysWith: { first, _ in first })
        self.journal = JournalComparison(old: oldReport, new: newReport, oldCharter: old.model, newCharter: new.model,
                                         renamed: renamed).changes()
    }
}
