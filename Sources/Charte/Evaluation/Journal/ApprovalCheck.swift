// Approval before an action in a journal (`exige signer par proviseur avant commander si …`):
// the rows of both actions are gathered while reading, then each dependent row is matched
// with an earlier row of the required action on the same object (same key value).

/// A journal row whose required earlier action is missing, came later, or cannot be checked.
public struct ApprovalFinding: Sendable, Hashable {
    /// What is wrong with the row.
    public enum Problem: Sendable, Hashable {
        /// No row does the required action on this object.
        case missing
        /// The required action is done, but only later (its first such row).
        case later(line: Int, date: CalendarDate)
        /// The key or the condition depends on empty or unreadable cells (the attributes' names).
        case unverifiable(missing: [String])
    }

    /// The row of the action that needs the approval.
    public var line: Int
    public var date: CalendarDate
    /// That action's id.
    public var action: String
    /// The key's attribute name and value as written (`numero`, `"2026-014"`); nil value when unknown.
    public var keyName: String
    public var keyValue: String?
    /// The required action's id and who must do it.
    public var prior: String
    public var actors: [String]
    /// What is wrong.
    public var problem: Problem
}

/// The rows of the actions some `exige` links, gathered while the journal is read: per key
/// value only the earliest row of the required action, and the rows that need an approval as
/// fixed records on disk (`SpilledRecords`), so memory grows with distinct keys, not with rows.
struct ApprovalLedger {
    /// The earliest row of a required action by one of its actors, per requirement and key value.
    var priors: [[Value: (line: Int, date: CalendarDate)]]
    /// The key values and the sets of missing attributes dependent rows name, each once.
    var keys: [Value] = []
    var keyIndex: [Value: Int] = [:]
    var missingSets: [Set<Int>] = []
    var missingIndex: [Set<Int>: Int] = [:]
    /// The rows that need an approval and may lack it (their condition not false), in line order.
    let dependents = SpilledRecords<DependentRow>()

    /// A row that needs an approval: its requirement, line, day, key (-1: unknown), whether its
    /// condition holds (1) or is unknown (0), and its missing attributes (index in `missingSets`).
    struct DependentRow: SpillRecord {
        var requirement: Int, line: Int, day: Int, key: Int, holds: Int, missing: Int

        static var size: Int { 32 }

        init(requirement: Int, line: Int, day: Int, key: Int, holds: Int, missing: Int) {
            self.requirement = requirement
            self.line = line
            self.day = day
            self.key = key
            self.holds = holds
            self.missing = missing
        }

        func store(into bytes: inout [UInt8]) {
            Self.put(Int64(line), into: &bytes)
            for field in [requirement, day, key, holds, missing, 0] { Self.put(Int32(truncatingIfNeeded: field), into: &bytes) }
        }

        init(loading raw: UnsafeRawBufferPointer, at offset: Int) {
            line = Int(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            let field = { (index: Int) in Int(raw.loadUnaligned(fromByteOffset: offset + 8 + 4 * index, as: Int32.self)) }
            requirement = field(0)
            day = field(1)
            key = field(2)
            holds = field(3)
            missing = field(4)
        }
    }

    init(requirements: Int) {
        priors = Array(repeating: [:], count: requirements)
    }

    /// Records an action row (its actors and object already read) for every requirement it concerns.
    mutating func record(action: Int, actors: [Int], object: ObjectValue, line: Int, date: CalendarDate, charter: Charter) {
        for (index, requirement) in charter.requirements.enumerated() {
            guard requirement.action == action || requirement.prior == action,
                  let keyAttribute = charter.objectTypes[requirement.objectType].key else { continue }
            let key = object.values.indices.contains(keyAttribute) ? object.values[keyAttribute] : nil
            if requirement.prior == action, let key, actors.contains(where: requirement.actors.contains) {
                let earlier = priors[index][key].map { ($0.date, $0.line) <= (date, line) } ?? false
                if !earlier { priors[index][key] = (line, date) }
            }
            if requirement.action == action {
                var (truth, missing) = requirement.condition?.evaluateExplaining(object) ?? (.yes, [])
                if key == nil, truth != .no {
                    truth = .unknown
                    missing.insert(keyAttribute)
                }
                // A row whose condition is false needs nothing.
                guard truth != .no else { continue }
                let keySlot = key.map { slot(of: $0) } ?? -1
                dependents.append(DependentRow(requirement: index, line: line, day: date.dayNumber, key: keySlot,
                                               holds: truth == .yes ? 1 : 0, missing: slot(of: missing)))
            }
        }
    }

    private mutating func slot(of key: Value) -> Int {
        if let known = keyIndex[key] { return known }
        keys.append(key)
        keyIndex[key] = keys.count - 1
        return keys.count - 1
    }

    private mutating func slot(of missing: Set<Int>) -> Int {
        if let known = missingIndex[missing] { return known }
        missingSets.append(missing)
        missingIndex[missing] = missingSets.count - 1
        return missingSets.count - 1
    }

    /// The findings, by line, then requirement (the order the rows were recorded in).
    func findings(charter: Charter) -> SpilledList<ApprovalFinding> {
        let found = SpilledList<ApprovalFinding>()
        dependents.forEach { row in
            guard charter.requirements.indices.contains(row.requirement), let date = CalendarDate(dayNumber: row.day) else { return }
            let requirement = charter.requirements[row.requirement]
            let type = charter.objectTypes[requirement.objectType]
            guard let keyAttribute = type.key else { return }
            let key = keys.indices.contains(row.key) ? keys[row.key] : nil
            var problem: ApprovalFinding.Problem?
            if row.holds == 0 {
                let missing = missingSets.indices.contains(row.missing) ? missingSets[row.missing] : []
                problem = .unverifiable(missing: missing.filter(type.attributes.indices.contains).map { type.attributes[$0].name }.sorted())
            } else if let key {
                // The earliest required row decides: it is before this one, or it is the one to cite.
                if let first = priors[row.requirement][key] {
                    if !(first.date < date || (first.date == date && first.line < row.line)) {
                        problem = .later(line: first.line, date: first.date)
                    }
                } else {
                    problem = .missing
                }
            }
            guard let problem else { return }
            found.append(ApprovalFinding(
                line: row.line, date: date, action: charter.actions[requirement.action].id,
                keyName: type.attributes[keyAttribute].name, keyValue: key?.written(as: type.attributes[keyAttribute].type),
                prior: charter.actions[requirement.prior].id, actors: requirement.actors.map { charter.actors[$0].id }, problem: problem))
        }
        return found
    }
}
