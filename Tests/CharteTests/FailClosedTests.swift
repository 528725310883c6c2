import Testing
import Foundation
@testable import Charte

/// A deterministic random generator (SplitMix64), so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A charter with error is never used; an `interdit` that cannot be evaluated never lets an action through.
@Suite struct FailClosedTests {
    static let errorExamples = (try? FileManager.default.contentsOfDirectory(atPath: repositoryPath("rules/exemples-erreurs")))?
        .filter { $0.hasSuffix(".charte") }.sorted() ?? []

    @Test(arguments: errorExamples)
    func aCharterWithAnErrorIsNeverUsed(_ name: String) throws {
        let path = repositoryPath("rules/exemples-erreurs/" + name)
        let loaded = try CharterLoader.load(path: path)
        let isError = name.hasPrefix("E")
        #expect(loaded.hasErrors == isError)
        #expect((loaded.checked?.model == nil) == isError)
        #expect(runCLI(["verifier", path]).status == (isError ? 1 : 0))
    }

    @Test(arguments: AdversarialTests.cases)
    func aHostileInputWithAnErrorIsNeverUsed(_ input: AdversarialCase) {
        let loaded = CharterLoader.check(bytes: input.bytes, name: "t")
        #expect(loaded.hasErrors == input.expected.contains { $0.hasPrefix("E") })
        #expect((loaded.checked?.model == nil) == loaded.hasErrors)
    }

    @Test func limitsAreErrorsSoTheCharterIsRefused() {
        var limits = Limits()
        limits.fileSize = 4
        #expect(CharterLoader.check(text: "role r", name: "t", limits: limits).checked?.model == nil)
        #expect(check(String(repeating: "$\n", count: 2000)).checked?.model == nil)
    }

    // MARK: - Forbids that cannot be evaluated

    /// Forbids on attributes a question may leave unknown, beside permits of every kind.
    static let forbidCharter = """
        role a
        role b { personnes "Mme Duo" }
        role c { personnes "Mme Duo" }
        objet o { k: p | q | s  v: booleen  n: nombre  t: texte  d: date }
        action faire sur o
        action lire sur o
        etape e {
          tache t1 { responsable a  aide b  action faire si k == p ou v }
          tache t2 { responsable c  action lire }
        }
        autorise b, c faire si n > 3
        autorise tous lire si non v
        interdit a faire si v et n < 10
        interdit b faire si k dans [q, s] ou t == "x"
        interdit tous lire si d >= 2026-09-01 et non (k == p)
        interdit c faire si n >= 100
        """

    static let charters: [String] = ["forbids"] + ["rules/etablissement-exemple.charte", "rules/college-petit.charte", "rules/lycee-region.charte"]

    @Test(arguments: charters)
    func anUnknownForbidNeverPermits(_ source: String) throws {
        let loaded = source == "forbids" ? check(Self.forbidCharter) : try CharterLoader.load(path: repositoryPath(source))
        let charter = try #require(loaded.checked?.model)
        let authorizer = Authorizer(charter: charter)
        var random = SeededGenerator(state: 20_260_901)
        // Each actor alone, and each person with all the roles that list them.
        let actorSets = charter.actors.indices.map { [$0] } + charter.persons.values.map { $0.sorted() }
        var decided = 0
        for action in charter.actions.indices {
            let type = charter.actions[action].objectType
            let attributes = type.map { charter.objectTypes[$0].attributes } ?? []
            for _ in 0..<150 {
                let object = ObjectValue(type: type, values: attributes.map { Self.randomValue($0.type, using: &random) })
                for actors in actorSets {
                    let decision = authorizer.decide(actors: actors, action: action, object: object)
                    decided += 1
                    #expect(decision.outcome == authorizer.outcome(actors: actors, action: action, object: object))
                    #expect(!decision.rules.isEmpty)
                    let forbids = charter.permissions.filter { rule in
                        rule.kind == .forbid && rule.action == action && actors.contains { rule.applies(to: $0) }
                    }.map { $0.condition?.evaluate(object) ?? .yes }
                    if forbids.contains(.yes) {
                        #expect(decision.outcome == .refused, "un interdit vrai doit refuser")
                    }
                    if forbids.contains(.unknown) {
                        #expect(decision.outcome != .allowed, "un interdit inconnu ne doit jamais autoriser")
                    }
                    if decision.outcome == .undetermined {
                        #expect(!decision.missing.isEmpty, "« indetermine » doit nommer les attributs manquants")
                    }
                }
            }
        }
        #expect(decided > 100)
    }

    /// A value of a type, unknown one time in three; now and then an enumeration index out of range.
    static func randomValue(_ type: ValueType, using random: inout SeededGenerator) -> Value? {
        guard Int.random(in: 0..<3, using: &random) != 0 else { return nil }
        switch type {
        case .enumeration(let values): return .enumeration(Int.random(in: 0...values.count, using: &random))
        case .boolean: return .boolean(Bool.random(using: &random))
        case .text: return .text(["x", "", "y"].randomElement(using: &random) ?? "")
        case .number: return .number(Int64.random(in: -5...150, using: &random))
        case .date: return CalendarDate(dayNumber: Int.random(in: 20_000...20_800, using: &random)).map(Value.date)
        case .euros: return .amount(Int64.random(in: -5...500_000, using: &random))
        }
    }
}

/// Every command that uses a charter refuses one with an error: exit 1, no answer on stdout.
@Suite struct FailClosedCommandTests {
    static let commands: [(name: String, arguments: @Sendable (String) -> [String])] = [
        ("verifier", { ["verifier", $0] }),
        ("requete", { ["requete", $0, "qui x"] }),
        ("requete json", { ["requete", "--format", "json", $0, "peut x y"] }),
        ("qui", { ["qui", $0, "x"] }),
        ("journal", { ["journal", $0, "rules/journal-2026-2027.csv", "--date", "2027-05-24"] }),
        ("agenda", { ["agenda", $0, "--date", "2027-05-24"] }),
        ("analyser", { ["analyser", $0] }),
        ("test", { ["test", $0] }),
        ("exporter", { ["exporter", $0, "--format", "json"] }),
    ]

    static let brokenCharters = FailClosedTests.errorExamples.filter { $0.hasPrefix("E") }.map { "rules/exemples-erreurs/" + $0 }

    @Test(arguments: brokenCharters)
    func everyCommandRefusesABrokenCharter(_ path: String) {
        for command in Self.commands {
            let result = runCLI(command.arguments(path))
            #expect(result.status == 1, "charte \(command.name) \(path) : statut \(result.status)")
            if command.name == "test" {
                // Its report goes to stdout: it says that no test ran.
                #expect(result.out.contains("aucun test n'a été lancé"))
            } else {
                #expect(result.out.isEmpty, "charte \(command.name) \(path) répond : \(result.out.prefix(80))")
            }
            #expect(result.err.contains("erreur"), "charte \(command.name) \(path) ne dit pas pourquoi")
        }
        let repl = runCLI(["repl", path], input: ["qui x", "peut x y"])
        #expect(repl.status == 1)
        #expect(!repl.out.contains("autorise"))
    }

    @Test func theSameCommandsWorkOnACleanCharter() {
        let path = "rules/etablissement-exemple.charte"
        for command in Self.commands where !["requete", "requete json", "qui"].contains(command.name) {
            let result = runCLI(command.arguments(path))
            #expect(result.status != 2, "charte \(command.name) : \(result.err.prefix(200))")
        }
    }
}
