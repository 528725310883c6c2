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

        // `peut … le DATE` asks the same requests on a day inside the charter's first suppléance
        // (any day when it has none); its fast answers agree with its explained ones.
        guard let day = charter.deputies.first?.from ?? CalendarDate(year: 2027, month: 1, day: 20) else { return counts }
        var datedMismatches = 0
        for request in requests {
            let fast = authorizer.outcome(actors: request.actors, action: request.action, object: request.object, on: day)
            let explained = authorizer.decide(actors: request.actors, action: request.action, object: request.object, on: day)
            if fast != explained.decision.outcome { datedMismatches += 1 }
        }
        report.check(datedMismatches == 0, "peut \(name) le \(day) : \(datedMismatches) décisions datées sur \(requests.count) diffèrent de la réponse expliquée")

        // The timed loops: `decisionCount` decisions, cycling through the requests, undated then
        // dated in each repetition, so a change of the machine's load weighs on both alike.
        let total = decisionCount
        var tally = [0, 0, 0], datedTally = [0, 0, 0]
        var undatedTimes: [Double] = [], datedTimes: [Double] = []
        for _ in 0..<repetitions {
            undatedTimes.append(Clock.time { tally = DecisionSuite.decide(requests, authorizer: authorizer, count: total) })
            datedTimes.append(Clock.time { datedTally = DecisionSuite.decide(requests, authorizer: authorizer, count: total, on: day) })
        }
        let timed = Spread(undatedTimes), datedTime = Spread(datedTimes)
        var expectedTally = [0, 0, 0]
        for index in 0..<total { expectedTally[DecisionSuite.slot(expected[index % expected.count])] += 1 }
        report.check(tally == expectedTally, "peut \(name) : comptes de la boucle mesurée \(tally) au lieu de \(expectedTally)")
        report.check(datedTally.reduce(0, +) == total, "peut \(name) : boucle datée incomplète")

        // The floor: as many lookups into a table of precomputed answers.
        let table = expected.map { UInt8(DecisionSuite.slot($0)) }
        var floorTally = [0, 0, 0]
        let floor = Spread(Clock.repeated(repetitions) { floorTally = DecisionSuite.lookUp(table, count: total) })
        report.check(floorTally == expectedTally, "peut \(name) : plancher incohérent")
        let rate = timed.inverted(times: Double(total)), floorRate = floor.inverted(times: Double(total))
        let datedRate = datedTime.inverted(times: Double(total))
        report.add("peut", name, rate, "decisions/s", floor: rate.median / floorRate.median)
        report.add("plancher (table)", name, floorRate, "decisions/s")
        report.add("peut.date", name, datedRate, "decisions/s", floor: datedRate.median / floorRate.median)

        // The explained paths (`decide`, as `charte peut` and refused journal rows use it), on fewer decisions.
        let explainedCount = total / 10
        var explainedTally = 0, datedExplainedTally = 0
        var explainedTimes: [Double] = [], datedExplainedTimes: [Double] = []
        for _ in 0..<repetitions {
            explainedTimes.append(Clock.time {
                explainedTally = 0
                for index in 0..<explainedCount {
                    let request = requests[index % requests.count]
                    explainedTally += authorizer.decide(actors: request.actors, action: request.action, object: request.object).rules.count
                }
            })
            datedExplainedTimes.append(Clock.time {
                datedExplainedTally = 0
                for index in 0..<explainedCount {
                    let request = requests[index % requests.count]
                    datedExplainedTally += authorizer.decide(actors: request.actors, action: request.action, object: request.object, on: day)
                        .decision.rules.count
                }
            })
        }
        report.check(explainedTally > 0, "peut \(name) : décisions expliquées vides")
        report.check(datedExplainedTally > 0, "peut \(name) : décisions datées expliquées vides")
        let explainedRate = Spread(explainedTimes).inverted(times: Double(explainedCount))
        let datedExplainedRate = Spread(datedExplainedTimes).inverted(times: Double(explainedCount))
        report.add("peut.explique", name, explainedRate, "decisions/s", floor: explainedRate.median / floorRate.median)
        report.add("peut.date.explique", name, datedExplainedRate, "decisions/s", floor: datedExplainedRate.median / floorRate.median)

        // The target: a dated question costs at most twice an undated one (median of the
        // repetitions' ratios), judged on full runs only (the quick mode is for the answers).
        let fastRatio = DecisionSuite.medianRatio(datedTimes, over: undatedTimes)
        let explainedRatio = DecisionSuite.medianRatio(datedExplainedTimes, over: explainedTimes)
        report.add("peut.date/peut", name, Spread(median: fastRatio, min: fastRatio, max: fastRatio), "x")
        report.add("peut.date.explique/peut.explique", name, Spread(median: explainedRatio, min: explainedRatio, max: explainedRatio), "x")
        report.note("peut \(name) le \(day) : \(charter.deputies.count) suppléance(s) ; une question datée coûte \(ratio(fastRatio)) "
                    + "une question sans date (rapide), \(ratio(explainedRatio)) (expliquée) ; objectif : au plus "
                    + ratio(DecisionSuite.datedTarget) + (quick ? " (non jugé en mode rapide)" : ""))
        if !quick {
            report.check(fastRatio <= DecisionSuite.datedTarget && explainedRatio <= DecisionSuite.datedTarget,
                         "peut \(name) : une question datée coûte \(ratio(fastRatio)) (rapide) et \(ratio(explainedRatio)) (expliquée) "
                         + "une question sans date, au-delà de \(ratio(DecisionSuite.datedTarget))")
        }
        return counts
    }

    /// The most a dated question may cost, in undated questions (the issue's target).
    static let datedTarget = 2.0

    /// The median of the ratios of paired samples (`slow[i] / fast[i]`).
    static func medianRatio(_ slow: [Double], over fast: [Double]) -> Double {
        Spread(zip(slow, fast).map { $0 / max($1, 1e-12) }).median
    }

    /// `2,3×`: a ratio with one decimal, written the French way.
    func ratio(_ value: Double) -> String {
        String(Int((value * 10).rounded()) / 10) + "," + String(Int((value * 10).rounded()) % 10) + "×"
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
