// The test part of `charte diff`: every assertion of either charter, run against both.

/// A test assertion whose answer differs between the two charters.
public struct AssertionChange: Sendable, Hashable {
    /// The label of its `test` block.
    public let test: String
    /// The assertion as written (blanks collapsed).
    public let text: String
    /// Where it is written (in the new charter when it is there, else in the old one).
    public let position: SourcePosition
    /// Its result against the old charter (nil when it cannot be asked there: an unknown name).
    public let before: AssertionOutcome?
    /// Its result against the new charter (nil when it cannot be asked there).
    public let after: AssertionOutcome?
}

/// The result of one assertion against one charter.
public struct AssertionOutcome: Sendable, Hashable {
    /// Whether the assertion holds.
    public let passed: Bool
    /// What was found: the decision (`autorise`), or the responsables' ids joined by `, `.
    public let answer: String
}

/// Runs the assertions of both charters against both charters.
///
/// An assertion of its own charter is run as that charter's `test` runs it; against the
/// other charter its names (actors, action, task, object type, attributes and values) are
/// looked up again, so a renamed action or actor makes it unanswerable there.
struct AssertionComparison {
    let old: QueryEngine
    let new: QueryEngine

    func changes() -> [AssertionChange] {
        let oldEngine = old, newEngine = new
        var changes: [AssertionChange] = []
        var seen = Set<String>()
        for (own, other, ownIsNew) in [(newEngine, oldEngine, true), (oldEngine, newEngine, false)] {
            for test in own.charter.tests {
                for assertion in test.assertions {
                    let text = own.writtenText(assertion.span)
                    guard seen.insert(test.label + "\u{0}" + text).inserted else { continue }
                    let position = own.position(assertion.span)
                    let mine = AssertionComparison.outcome(own.check(assertion.form), test: test.label, text: text, position: position)
                    let theirs = AssertionComparison.translate(assertion.form, from: own.charter, to: other.charter).map {
                        AssertionComparison.outcome(other.check($0), test: test.label, text: text, position: position)
                    }
                    guard mine != theirs else { continue }
                    changes.append(AssertionChange(test: test.label, text: text, position: position,
                                                   before: ownIsNew ? theirs : mine, after: ownIsNew ? mine : theirs))
                }
            }
        }
        return changes
    }

    /// Whether a check holds (as `charte test` says), and what it found.
    static func outcome(_ check: AssertionResult.Check, test: String, text: String, position: SourcePosition) -> AssertionOutcome {
        let passed = AssertionResult(test: test, text: text, position: position, check: check).passed
        let answer: String = switch check {
        case .who(_, let actual): actual.joined(separator: ", ")
        case .decision(_, let actual): actual.outcome.rawValue
        case .only(let named, let others):
            named.map { "\($0.actor) \($0.outcome.rawValue)" }.joined(separator: ", ")
                + (others.isEmpty ? "" : " ; aussi : " + others.map { "\($0.actor) \($0.outcome.rawValue)" }.joined(separator: ", "))
        }
        return AssertionOutcome(passed: passed, answer: answer)
    }

    /// An assertion's form with its indices looked up by name in another charter; nil when a name is missing there.
    static func translate(_ form: CheckedAssertion.Form, from source: Charter, to target: Charter) -> CheckedAssertion.Form? {
        func actors(_ indices: [Int]) -> [Int]? {
            var result: [Int] = []
            for index in indices {
                guard let found = target.actor(named: source.actors[index].id) else { return nil }
                result.append(found)
            }
            return result
        }
        func action(_ index: Int) -> Int? { target.action(named: source.actions[index].id) }
        func object(_ value: ObjectValue, action: Int) -> ObjectValue? {
            let targetType = target.actions[action].objectType
            guard let type = value.type else { return targetType == nil ? value : nil }
            guard let targetType, target.objectTypes[targetType].id == source.objectTypes[type].id else { return nil }
            let from = source.objectTypes[type], to = target.objectTypes[targetType]
            var result = ObjectValue.unknown(type: targetType, attributeCount: to.attributes.count)
            for (index, known) in value.values.enumerated() {
                guard let known, from.attributes.indices.contains(index) else { continue }
                guard let position = to.attribute(named: from.attributes[index].name),
                      ObjectMapping.sameKind(from.attributes[index].type, to.attributes[position].type) else { return nil }
                if case .enumeration(let choice) = known {
                    guard case .enumeration(let names) = from.attributes[index].type, names.indices.contains(choice),
                          case .enumeration(let targetNames) = to.attributes[position].type,
                          let mapped = targetNames.firstIndex(of: names[choice]) else { return nil }
                    result.values[position] = .enumeration(mapped)
                } else {
                    result.values[position] = known
                }
            }
            return result
        }
        switch form {
        case .whoAction(let a, let value, let expected):
            guard let a = action(a), let value = object(value, action: a), let expected = actors(expected) else { return nil }
            return .whoAction(action: a, object: value, expected: expected)
        case .whoTask(let task, let expected):
            guard let task = target.task(named: source.tasks[task].id), let expected = actors(expected) else { return nil }
            return .whoTask(task: task, expected: expected)
        case .may(let who, let text, let a, let value):
            guard let who = actors(who), let a = action(a), let value = object(value, action: a) else { return nil }
            return .may(actors: who, actorText: text, action: a, object: value)
        case .refuse(let who, let text, let a, let value):
            guard let who = actors(who), let a = action(a), let value = object(value, action: a) else { return nil }
            return .refuse(actors: who, actorText: text, action: a, object: value)
        case .only(let groups, let texts, let a, let value):
            var translated: [[Int]] = []
            for group in groups {
                guard let found = actors(group) else { return nil }
                translated.append(found)
            }
            guard let a = action(a), let value = object(value, action: a) else { return nil }
            return .only(groups: translated, actorTexts: texts, action: a, object: value)
        }
    }
}
