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
/// other charter it is asked again by its names (as the query `qui …` or `peut …` it
/// contains), so a renamed action or actor makes it unanswerable there.
struct AssertionComparison {
    let old: (charter: Charter, sources: SourceMap)
    let new: (charter: Charter, sources: SourceMap)

    func changes() -> [AssertionChange] {
        let oldEngine = QueryEngine(checked: old.charter, sources: old.sources)
        let newEngine = QueryEngine(checked: new.charter, sources: new.sources)
        var changes: [AssertionChange] = []
        var seen = Set<String>()
        for (own, other, ownIsNew) in [(newEngine, oldEngine, true), (oldEngine, newEngine, false)] {
            for test in own.charter.tests {
                for assertion in test.assertions {
                    let text = own.writtenText(assertion.span)
                    guard seen.insert(test.label + "\u{0}" + text).inserted else { continue }
                    let result = own.check(assertion.form)
                    let mine = AssertionOutcome(passed: AssertionComparison.passed(result), answer: AssertionComparison.answer(result))
                    let theirs = AssertionComparison.ask(text, form: assertion.form, in: other)
                    guard mine != theirs else { continue }
                    changes.append(AssertionChange(test: test.label, text: text, position: own.position(assertion.span),
                                                   before: ownIsNew ? theirs : mine, after: ownIsNew ? mine : theirs))
                }
            }
        }
        return changes
    }

    static func passed(_ check: AssertionResult.Check) -> Bool {
        switch check {
        case .who(let expected, let actual): expected == actual
        case .decision(let expected, let actual): expected == actual.outcome
        }
    }

    static func answer(_ check: AssertionResult.Check) -> String {
        switch check {
        case .who(_, let actual): actual.joined(separator: ", ")
        case .decision(_, let actual): actual.outcome.rawValue
        }
    }

    /// An assertion written for one charter, asked of another by its names.
    static func ask(_ text: String, form: CheckedAssertion.Form, in engine: QueryEngine) -> AssertionOutcome? {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2 else { return nil }
        switch form {
        case .whoAction, .whoTask:
            // `qui CIBLE [OBJET] = A, B`: the query before `=`, the expected ids after it.
            guard let equal = text.lastIndex(of: "=") else { return nil }
            let query = String(text[..<equal])
            let expected = text[text.index(after: equal)...].split(separator: ",")
                .map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }.sorted()
            guard case .who(let answer)? = try? engine.answer(query) else { return nil }
            return AssertionOutcome(passed: Array(Set(expected)).sorted() == answer.responsables,
                                    answer: answer.responsables.joined(separator: ", "))
        case .may, .refuse:
            guard case .may(let answer)? = try? engine.answer("peut " + words[1]) else { return nil }
            let expected: Outcome = if case .may = form { .autorise } else { .refuse }
            return AssertionOutcome(passed: answer.outcome == expected, answer: answer.outcome.rawValue)
        }
    }
}

extension Substring {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
    }
}
