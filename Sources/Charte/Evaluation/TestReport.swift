// Running a charter's `test` blocks (spec sections 6 and 12 "Tests") with the query engine.

/// The outcome of one assertion of a `test` block.
public struct AssertionResult: Sendable, Hashable {
    /// What was compared.
    public enum Check: Sendable, Hashable {
        /// `qui … = A, B`: the expected responsables and those of the tasks whose condition holds.
        case who(expected: [String], actual: [String])
        /// `peut …` (expects `autorise`) or `refuse …` (expects `refuse`), with the decision made.
        case decision(expected: Outcome, actual: MayAnswer)
        /// `seul A peut …`: the decision for each named actor (each must be `autorise`) and
        /// every other actor that is not `refuse`, with its decision (each must be refused).
        case only(named: [MayAnswer], others: [MayAnswer])
    }

    /// The label of the `test` block.
    public let test: String
    /// The assertion as written (blanks collapsed).
    public let text: String
    /// Where the assertion is written.
    public let position: SourcePosition
    /// What was compared.
    public let check: Check

    /// Whether the assertion holds (`indetermine` fails both `peut` and `refuse`).
    public var passed: Bool {
        switch check {
        case .who(let expected, let actual): expected == actual
        case .decision(let expected, let actual): expected == actual.outcome
        case .only(let named, let others): others.isEmpty && named.allSatisfy { $0.outcome == .allowed }
        }
    }

    /// For `qui`: the expected responsables that are not responsables, sorted.
    public var absent: [String] {
        guard case .who(let expected, let actual) = check else { return [] }
        return expected.filter { !actual.contains($0) }
    }

    /// For `qui`: the responsables that were not expected, sorted.
    public var unexpected: [String] {
        guard case .who(let expected, let actual) = check else { return [] }
        return actual.filter { !expected.contains($0) }
    }
}

/// The results of the tests of one charter file.
public struct TestReport: Sendable, Hashable {
    /// The charter's file name.
    public let file: String
    /// Every assertion, in source order.
    public let results: [AssertionResult]
    /// The number of errors of a charter that could not be checked (then no assertion ran).
    public let charterErrors: Int

    /// Creates a report.
    public init(file: String, results: [AssertionResult], charterErrors: Int = 0) {
        self.file = file
        self.results = results
        self.charterErrors = charterErrors
    }

    /// The number of assertions that hold.
    public var passed: Int { results.filter(\.passed).count }
    /// The number of assertions that do not hold.
    public var failed: Int { results.count - passed }
    /// Whether everything is fine: the charter checks and every assertion holds.
    public var succeeded: Bool { charterErrors == 0 && failed == 0 }
}

extension QueryEngine {
    /// Runs every assertion of the charter's `test` blocks.
    public func runTests() -> TestReport {
        var results: [AssertionResult] = []
        for test in charter.tests {
            for assertion in test.assertions {
                results.append(AssertionResult(test: test.label, text: writtenText(assertion.span), position: position(assertion.span),
                                               check: check(assertion.form)))
            }
        }
        let file = sources[charter.file].name
        return TestReport(file: file, results: results)
    }

    /// Evaluates one assertion.
    func check(_ form: CheckedAssertion.Form) -> AssertionResult.Check {
        switch form {
        case .whoAction(let action, let object, let expected):
            .who(expected: ids(expected), actual: who(action: action, object: object).responsables)
        case .whoTask(let task, let expected):
            .who(expected: ids(expected), actual: who(task: task).responsables)
        case .may(let actors, let actorText, let action, let object):
            .decision(expected: .allowed, actual: may(actors: actors, asked: actorText, action: action, object: object))
        case .refuse(let actors, let actorText, let action, let object):
            .decision(expected: .refused, actual: may(actors: actors, asked: actorText, action: action, object: object))
        case .only(let groups, let texts, let action, let object):
            only(groups: groups, texts: texts, action: action, object: object)
        }
    }

    /// `seul …`: the named actors' decisions, and every other actor not refused (in declaration order).
    func only(groups: [[Int]], texts: [String], action: Int, object: ObjectValue) -> AssertionResult.Check {
        let named = zip(groups, texts).map { may(actors: $0.0, asked: $0.1, action: action, object: object) }
        let listed = Set(groups.joined())
        let others = charter.actors.indices.filter { !listed.contains($0) }.compactMap { actor -> MayAnswer? in
            let answer = may(actors: [actor], asked: charter.actors[actor].id, action: action, object: object)
            return answer.outcome == .refused ? nil : answer
        }
        return .only(named: named, others: others)
    }

    /// The source text of a span on one line, blanks collapsed.
    func writtenText(_ span: Span) -> String {
        sources[span.file].text(span.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
