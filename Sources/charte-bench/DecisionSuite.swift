import Charte

/// `peut`: decisions per second through `Authorizer.outcome`, the code path of the CLI and
/// the journal, checked request by request against the naive `ReferenceEvaluator`.
struct DecisionSuite {
    let report: Report
    let quick: Bool

    /// Distinct requests per charter; the timed loop cycles through them.
    var requestCount: Int { quick ? 2_000 : 16_384 }
    /// Decisions per timed repetition.
    var decisionCount: Int { quick ? 100_000 : 1_000_000 }
    var repetitions: Int { quick ? 2 : 7 }

    func run() {
        if let bytes = FileAccess.read("rules/etablissement-exemple.charte") {
            measure(name: "exemple", bytes: bytes, requests: nil)
        } else {
            report.note("rules/etablissement-exemple.charte absent : charte d'exemple générée à la place")
            measure(name: "exemple (générée)", bytes: CharterGenerator.rulesCharter(rules: 8, tasks: 30, actions: 17), requests: nil)
        }
        let rules = quick ? 500 : 5_000
        measure(name: "\(rules) regles", bytes: CharterGenerator.rulesCharter(rules: rules, tasks: rules / 8, actions: rules / 40),
                requests: nil)
    }

    /// Loads a charter, then times `decisionCount` decisions over `requests` (generated when nil).
    @discardableResult
    func measure(name: String, bytes: [UInt8], requests given: [Request]?) -> [Outcome: Int]? {
        report.progress("peut : \(name)…")
        let loaded = CharterLoader.check(bytes: bytes, name: name, limits: VerifierSuite.limits)
        guard let checked = loaded.checked else {
            let codes = Set(loaded.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)).sorted()
            report.check(false, "peut \(name) : la charte a des erreurs \(codes)")
            return nil
        }
        let charter = checked.model
        let ruleCount = charter.permissions.count
        let preparation = Spread(Clock.repeated(quick ? 2 : 5) { _ = Authorizer(charter: checked) })
        report.add("peut.preparation", name, preparation.scaled(by: 1e3), "ms")
        let authorizer = Authorizer(charter: checked)
        let requests = given ?? Requests.generate(requestCount, charter: charter, seed: 0xDEC1_5105)
        guard !requests.isEmpty else {
            report.check(false, "peut \(name) : aucune requête")
            return nil
        }

        // Answers first: the fast path, the explained path and the naive reference agree on every request.
        var expected: [Outcome] = []
        expected.reserveCapacity(requests.count)
        var mismatches = 0
        for request in requests {
            let reference = ReferenceEvaluator.outcome(request, in: charter)
            expected.append(reference)
            let fast = authorizer.outcome(actors: request.actors, action: request.action, object: request.object)
            let explained = authorizer.decide(actors: request.actors, action: request.action, object: request.object).outcome
            if fast != reference || explained != reference {
                mismatches += 1
                if mismatches <= 3 {
                    report.progress("  écart : acteurs \(request.actors) action \(charter.actions[request.action].id) "
                                    + "objet \(request.object.values) : rapide \(fast), expliqué \(explained), référence \(reference)")
                }
            }
        }
        report.check(mismatches == 0, "peut \(name) : \(mismatches) décisions sur \(requests.count) diffèrent de la référence")
        var counts: [Outcome: Int] = [:]
        for outcome in expected { counts[outcome, default: 0] += 1 }
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count > 1 ? "s" : "")" }
        report.note("peut \(name) (\(counted(ruleCount, "règle")), \(counted(charter.tasks.count, "tâche")), \(counted(requests.count, "requête"))) : "
                    + Outcome.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))

        // The timed loop: `decisionCount` decisions, cycling through the requests.
        let total = decisionCount
        var tally = [0, 0, 0]
        let timed = Spread(Clock.repeated(repetitions) {
            tally = DecisionSuite.decide(requests, authorizer: authorizer, count: total)
        })
        var expectedTally = [0, 0, 0]
        for index in 0..<total { expectedTally[DecisionSuite.slot(expected[index % expected.count])] += 1 }
        report.check(tally == expectedTally, "peut \(name) : comptes de la boucle mesurée \(tally) au lieu de \(expectedTally)")

        // The floor: as many lookups into a table of precomputed answers.
        let table = expected.map { UInt8(DecisionSuite.slot($0)) }
        var floorTally = [0, 0, 0]
        let floor = Spread(Clock.repeated(repetitions) { floorTally = DecisionSuite.lookUp(table, count: total) })
        report.check(floorTally == expectedTally, "peut \(name) : plancher incohérent")
        let rate = timed.inverted(times: Double(total)), floorRate = floor.inverted(times: Double(total))
        report.add("peut", name, rate, "decisions/s", floor: rate.median / floorRate.median)
        report.add("plancher (table)", name, floorRate, "decisions/s")

        // The explained path (`decide`, as `charte peut` and refused journal rows use it), on fewer decisions.
        let explainedCount = total / 10
        var explainedTally = 0
        let explainedTime = Spread(Clock.repeated(repetitions) {
            explainedTally = 0
            for index in 0..<explainedCount {
                let request = requests[index % requests.count]
                explainedTally += authorizer.decide(actors: request.actors, action: request.action, object: request.object).rules.count
            }
        })
        report.check(explainedTally > 0, "peut \(name) : décisions expliquées vides")
        let explainedRate = explainedTime.inverted(times: Double(explainedCount))
        report.add("peut.explique", name, explainedRate, "decisions/s", floor: explainedRate.median / floorRate.median)

        // `peut … le DATE`: the same requests on a day inside the charter's first suppléance (or
        // any day when it has none), through the fast and the explained dated paths.
        guard let day = charter.deputies.first?.from ?? CalendarDate(year: 2027, month: 1, day: 20) else { return counts }
        var datedTally = [0, 0, 0]
        let datedTime = Spread(Clock.repeated(repetitions) {
            datedTally = DecisionSuite.decide(requests, authorizer: authorizer, count: total, on: day)
        })
        report.check(datedTally.reduce(0, +) == total, "peut \(name) : boucle datée incomplète")
        let datedRate = datedTime.inverted(times: Double(total))
        report.add("peut.date", name, datedRate, "decisions/s", floor: datedRate.median / floorRate.median)
        var datedExplainedTally = 0
        let datedExplainedTime = Spread(Clock.repeated(repetitions) {
            datedExplainedTally = 0
            for index in 0..<explainedCount {
                let request = requests[index % requests.count]
                datedExplainedTally += authorizer.decide(actors: request.actors, action: request.action, object: request.object, on: day)
                    .decision.rules.count
            }
        })
        report.check(datedExplainedTally > 0, "peut \(name) : décisions datées expliquées vides")
        let datedExplainedRate = datedExplainedTime.inverted(times: Double(explainedCount))
        report.add("peut.date.explique", name, datedExplainedRate, "decisions/s", floor: datedExplainedRate.median / floorRate.median)
        report.note("peut \(name) le \(day) : \(charter.deputies.count) suppléance(s) ; rapide \(ratio(rate, datedRate)) plus lent "
                    + "qu'une question sans date, expliqué \(ratio(explainedRate, datedExplainedRate)) (objectif : au plus 2×)")
        return counts
    }

    /// `2.3×`: how many times slower the second rate is.
    func ratio(_ undated: Spread, _ dated: Spread) -> String {
        let value = undated.median / max(dated.median, 1e-12)
        return String(Int((value * 10).rounded()) / 10) + "," + String(Int((value * 10).rounded()) % 10) + "×"
    }

    static func slot(_ outcome: Outcome) -> Int {
        switch outcome {
        case .allowed: 0
        case .refused: 1
        case .undetermined: 2
        }
    }

    /// The measured loop.
    @inline(never)
    static func decide(_ requests: [Request], authorizer: Authorizer, count: Int) -> [Int] {
        var tally = (0, 0, 0)
        var index = 0
        for _ in 0..<count {
            let request = requests[index]
            switch authorizer.outcome(actors: request.actors, action: request.action, object: request.object) {
            case .allowed: tally.0 += 1
            case .refused: tally.1 += 1
            case .undetermined: tally.2 += 1
            }
            index += 1
            if index == requests.count { index = 0 }
        }
        return [tally.0, tally.1, tally.2]
    }

    /// The measured loop of dated questions.
    @inline(never)
    static func decide(_ requests: [Request], authorizer: Authorizer, count: Int, on day: CalendarDate) -> [Int] {
        var tally = (0, 0, 0)
        var index = 0
        for _ in 0..<count {
            let request = requests[index]
            switch authorizer.outcome(actors: request.actors, action: request.action, object: request.object, on: day) {
            case .allowed: tally.0 += 1
            case .refused: tally.1 += 1
            case .undetermined: tally.2 += 1
            }
            index += 1
            if index == requests.count { index = 0 }
        }
        return [tally.0, tally.1, tally.2]
    }

    /// The floor loop: the same iteration, one table load per decision.
    @inline(never)
    static func lookUp(_ table: [UInt8], count: Int) -> [Int] {
        var tally = (0, 0, 0)
        var index = 0
        for _ in 0..<count {
            switch table[index] {
            case 0: tally.0 += 1
            case 1: tally.1 += 1
            default: tally.2 += 1
            }
            index += 1
            if index == table.count { index = 0 }
        }
        return [tally.0, tally.1, tally.2]
    }
}
