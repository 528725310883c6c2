import Charte

/// `qui`: `qui ACTION OBJET` queries through `QueryEngine.who`, as `charte qui` and the REPL
/// answer them, on the example charter and the charter of 5,000 rules; every answer's
/// tasks (certain, and `selon`) checked against a naive evaluation of every task.
struct QuiSuite {
    let report: Report
    let quick: Bool

    func run() {
        if let bytes = FileAccess.read("rules/etablissement-exemple.charte") {
            measure(name: "exemple", bytes: bytes)
        } else {
            measure(name: "exemple (générée)", bytes: CharterGenerator.rulesCharter(rules: 8, tasks: 30, actions: 17))
        }
        let rules = quick ? 500 : 5_000
        measure(name: "\(rules) regles", bytes: CharterGenerator.rulesCharter(rules: rules, tasks: rules / 8, actions: rules / 40))
    }

    func measure(name: String, bytes: [UInt8]) {
        report.progress("qui : \(name)…")
        let loaded = CharterLoader.check(bytes: bytes, name: name, limits: VerifierSuite.limits)
        guard let engine = loaded.checked.map({ QueryEngine($0) }) else {
            report.check(false, "qui \(name) : la charte a des erreurs")
            return
        }
        let charter = engine.charter
        let requests = Requests.generate(quick ? 1_000 : 4_096, charter: charter, seed: 0x0051)
        guard !requests.isEmpty else { return }

        // The answers first.
        var mismatches = 0
        for request in requests {
            let answer = engine.who(action: request.action, object: request.object)
            let expected = QuiSuite.reference(action: request.action, object: request.object, charter: charter)
            if answer.results.map(\.task) != expected.certain || answer.conditional.map(\.task) != expected.possible {
                mismatches += 1
            }
        }
        report.check(mismatches == 0, "qui \(name) : \(mismatches) réponses sur \(requests.count) diffèrent de la référence")

        let total = quick ? 10_000 : 100_000
        var answered = 0
        let timed = Spread(Clock.repeated(quick ? 2 : 5) {
            answered = 0
            for index in 0..<total {
                let request = requests[index % requests.count]
                answered += engine.who(action: request.action, object: request.object).results.count
            }
        })
        report.check(answered >= 0, "qui \(name) : mesure vide")
        let table = requests.map { UInt8(truncatingIfNeeded: QuiSuite.reference(action: $0.action, object: $0.object, charter: charter).certain.count) }
        var floorSum = 0
        let floor = Spread(Clock.repeated(quick ? 2 : 5) {
            floorSum = 0
            for index in 0..<total { floorSum &+= Int(table[index % table.count]) }
        })
        report.check(floorSum >= 0, "qui \(name) : plancher vide")
        let rate = timed.inverted(times: Double(total)), floorRate = floor.inverted(times: Double(total))
        report.add("qui", name, rate, "requetes/s", floor: rate.median / floorRate.median)
    }

    /// The tasks a `qui` answer lists, read naively from spec section 7: a task whose conditions
    /// on the action (joined with `ou`) are true, and apart those where they are unknown.
    static func reference(action: Int, object: ObjectValue, charter: Charter) -> (certain: [String], possible: [String]) {
        var certain: [String] = [], possible: [String] = []
        for task in charter.tasks {
            var truth: ReferenceEvaluator.Kleene = 0
            var performs = false
            for performed in task.actions where performed.action == action {
                performs = true
                truth = max(truth, performed.condition.map { ReferenceEvaluator.evaluate($0, object) } ?? 2)
            }
            guard performs else { continue }
            if truth == 2 { certain.append(task.id) } else if truth == 1 { possible.append(task.id) }
        }
        return (certain, possible)
    }
}
