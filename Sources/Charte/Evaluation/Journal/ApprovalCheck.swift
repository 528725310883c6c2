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

/// The rows of the actions some `exige` links, gathered while the journal is read.
struct ApprovalLedger {
    /// One row of a required action by one of its actors, per requirement and key value.
    var priors: [[Value: [(line: Int, date: CalendarDate)]]]
    /// The rows that need an approval, per requirement.
    var dependents: [[(line: Int, date: CalendarDate, key: Value?, truth: Truth, missing: Set<Int>)]]

    init(requirements: Int) {
        priors = Array(repeating: [:], count: requirements)
        dependents = Array(repeating: [], count: requirements)
    }

    /// Records an action row (its actors and object already read) for every requirement it concerns.
    mutating func record(action: Int, actors: [Int], object: ObjectValue, line: Int, date: CalendarDate, charter: Charter) {
        for (index, requirement) in charter.requirements.enumerated() {
            guard requirement.action == action || requirement.prior == action,
                  let keyAttribute = charter.objectTypes[requirement.objectType].key else { continue }
            let key = object.values.indices.contains(keyAttribute) ? object.values[keyAttribute] : nil
            if requirement.prior == action, let key, actors.contains(where: requirement.actors.contains) {
                priors[index][key, default: []].append((line, date))
            }
            if requirement.action == action {
                var (truth, missing) = requirement.condition?.evaluateExplaining(object) ?? (.yes, [])
                if key == nil, truth != .no {
                    truth = .unknown
                    missing.insert(keyAttribute)
                }
                dependents[index].append((line, date, key, truth, missing))
            }
        }
    }

    /// The findings, by line, then requirement.
    func findings(charter: Charter) -> [ApprovalFinding] {
        var found: [ApprovalFinding] = []
        for (index, requirement) in charter.requirements.enumerated() {
            let type = charter.objectTypes[requirement.objectType]
            guard let keyAttribute = type.key else { continue }
            for row in dependents[index] where row.truth != .no {
                var problem: ApprovalFinding.Problem?
                if row.truth == .unknown {
                    problem = .unverifiable(missing: row.missing.filter(type.attributes.indices.contains).map { type.attributes[$0].name }.sorted())
                } else if let key = row.key {
                    let rows = priors[index][key] ?? []
                    let before = rows.contains { $0.date < row.date || ($0.date == row.date && $0.line < row.line) }
                    if !before {
                        problem = rows.min { ($0.date, $0.line) < ($1.date, $1.line) }.map { .later(line: $0.line, date: $0.date) } ?? .missing
                    }
                }
                guard let problem else { continue }
                found.append(ApprovalFinding(
                    line: row.line, date: row.date, action: charter.actions[requirement.action].id,
                    keyName: type.attributes[keyAttribute].name, keyValue: row.key?.written(as: type.attributes[keyAttribute].type),
                    prior: charter.actions[requirement.prior].id, actors: requirement.actors.map { charter.actors[$0].id }, problem: problem))
            }
        }
        return found.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
}
