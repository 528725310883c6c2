import Testing
import Foundation
@testable import Charte

/// The permission part of `charte diff` against brute force: on small random charters, every
/// object of the space is decided by both `Authorizer`s, and the diff must list exactly the
/// objects whose decision changes, with the two decisions.
@Suite struct DiffPropertyTests {
    /// A small seeded generator (SplitMix64), so every run tests the same charters.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let actors = ["r1", "r2", "r3"]

    /// A random condition over `chose`'s attributes (the text attribute makes some undetermined).
    static func condition(_ g: inout Generator, values: [String], depth: Int = 0) -> String {
        if depth < 2, g.chance(35) {
            let left = condition(&g, values: values, depth: depth + 1), right = condition(&g, values: values, depth: depth + 1)
            return "(\(left) \(g.pick(["et", "ou"])) \(right))"
        }
        if depth < 2, g.chance(10) { return "non (\(condition(&g, values: values, depth: depth + 1)))" }
        switch g.below(7) {
        case 0: return "a == \(g.pick(values))"
        case 1: return "a != \(g.pick(values))"
        case 2: return "a dans [\(g.pick(values)), \(g.pick(values))]"
        case 3: return "b == \(g.pick(["p", "q"]))"
        case 4: return "c"
        case 5: return "non c"
        default: return "d == \"m\""
        }
    }

    /// The rule lines of a charter.
    static func rules(_ g: inout Generator, values: [String]) -> [String] {
        (0..<g.below(7) + 1).map { _ in
            let kind = g.pick(["autorise", "autorise", "interdit"])
            let who = g.chance(15) ? "tous" : g.chance(15) ? "tous sauf \(g.pick(actors))" : [g.pick(actors), g.pick(actors)].joined(separator: ", ")
            let action = g.pick(["agir", "voir", "piloter"])
            let condition = action == "piloter" || g.chance(20) ? "" : " si \(condition(&g, values: values))"
            return "\(kind) \(who) \(action)\(condition)"
        }
    }

    static func charter(values: [String], rules: [String], task: String) -> String {
        """
        role r1 "Un"
        role r2 "Deux"
        role r3 "Trois"
        objet chose "Chose" {
          a: \(values.joined(separator: " | "))
          b: p | q
          c: booleen
          d: texte
        }
        action agir "Agir" sur chose
        action voir "Voir" sur chose
        action piloter "Piloter"
        etape e "Étape" {
          tache t "Tâche" {
            \(task)
          }
        }
        \(rules.joined(separator: "\n"))

        """
    }

    /// Every complete object over a's values, b, c (d unknown), by attribute name.
    static func objects(values: [String]) -> [[String: String]] {
        var result: [[String: String]] = []
        for a in values { for b in ["p", "q"] { for c in ["vrai", "faux"] { result.append(["a": a, "b": b, "c": c]) } } }
        return result
    }

    /// The object in one charter's indices, nil when the charter has no such value.
    static func object(_ fields: [String: String], in charter: Charter) -> ObjectValue? {
        guard let type = charter.objectType(named: "chose") else { return nil }
        var object = ObjectValue.unknown(type: type, attributeCount: charter.objectTypes[type].attributes.count)
        for (index, attribute) in charter.objectTypes[type].attributes.enumerated() {
            guard let written = fields[attribute.name] else { continue }
            switch attribute.type {
            case .enumeration(let names):
                guard let choice = names.firstIndex(of: written) else { return nil }
                object.values[index] = .enumeration(choice)
            case .boolean: object.values[index] = .boolean(written == "vrai")
            default: break
            }
        }
        return object
    }

    /// Whether an object literal (`chose(a: x, c: vrai)`) covers an object.
    static func covers(_ literal: String, _ fields: [String: String]) -> Bool {
        guard let open = literal.firstIndex(of: "("), literal.hasSuffix(")") else { return false }
        let inside = literal[literal.index(after: open)..<literal.index(before: literal.endIndex)]
        return inside.split(separator: ",").allSatisfy { pair in
            let parts = pair.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && fields[parts[0]] == parts[1]
        }
    }

    @Test("the permission diff agrees with brute-force decisions", arguments: 0..<40)
    func agreesWithBruteForce(seed: Int) {
        #expect(DiffPropertyTests.check(seed: seed).checked > 0, "seed \(seed): no valid charter generated")
    }

    @Test("the random charters do change decisions (the property is not vacuous)")
    func changesHappen() {
        let changed = (0..<10).reduce(0) { $0 + DiffPropertyTests.check(seed: $1).changed }
        #expect(changed > 200)
    }

    /// Compares up to five valid pairs of charters from one seed; returns how many were
    /// valid and how many (actor, action, object) decisions changed.
    static func check(seed: Int) -> (checked: Int, changed: Int) {
        var g = Generator(state: UInt64(seed) &* 0x2545_F491_4F6C_DD1D &+ 17)
        var checked = 0, changed = 0
        for _ in 0..<30 where checked < 5 {
            let oldValues = ["x", "y", "z"]
            let newValues = g.chance(25) ? ["x", "y", "z", "w"] : (g.chance(15) ? ["x", "y"] : oldValues)
            let oldRules = DiffPropertyTests.rules(&g, values: oldValues)
            var newRules = oldRules
            if g.chance(50) {
                newRules = DiffPropertyTests.rules(&g, values: newValues)
            } else {
                let index = g.below(newRules.count)
                newRules[index] = DiffPropertyTests.rules(&g, values: newValues)[0]
            }
            let oldTask = "responsable \(g.pick(DiffPropertyTests.actors))\n    action agir si \(DiffPropertyTests.condition(&g, values: oldValues))"
            let newTask = g.chance(50) ? oldTask : "responsable \(g.pick(DiffPropertyTests.actors))\n    action voir"
            let old = CharterLoader.check(text: DiffPropertyTests.charter(values: oldValues, rules: oldRules, task: oldTask), name: "ancienne")
            let new = CharterLoader.check(text: DiffPropertyTests.charter(values: newValues, rules: newRules, task: newTask), name: "nouvelle")
            guard let oldChecked = old.checked, let newChecked = new.checked else { continue }
            checked += 1
            let diff = CharterDiff(old: oldChecked, new: newChecked)
            #expect(diff.incompletePermissions.isEmpty)
            let oldAuthorizer = Authorizer(charter: old.model), newAuthorizer = Authorizer(charter: new.model)
            let union = newValues + oldValues.filter { !newValues.contains($0) }
            for actor in DiffPropertyTests.actors {
                for action in ["agir", "voir", "piloter"] {
                    let listed = diff.permissions.first { $0.subject == PermissionChange.Subject(actor: actor, action: action) }?.objects ?? []
                    let objects = action == "piloter" ? [[:]] : DiffPropertyTests.objects(values: union)
                    for fields in objects {
                        func decide(_ charter: Charter, _ authorizer: Authorizer) -> Outcome {
                            guard let actorIndex = charter.actor(named: actor), let actionIndex = charter.action(named: action) else { return .refused }
                            let value = action == "piloter" ? ObjectValue(type: nil, values: []) : DiffPropertyTests.object(fields, in: charter)
                            guard let value else { return .refused }
                            return authorizer.outcome(actors: [actorIndex], action: actionIndex, object: value)
                        }
                        let before = decide(old.model, oldAuthorizer), after = decide(new.model, newAuthorizer)
                        let matches = listed.filter { action == "piloter" ? $0.object.isEmpty : DiffPropertyTests.covers($0.object, fields) }
                        if before != after { changed += 1 }
                        if before == after {
                            #expect(matches.isEmpty, "seed \(seed): \(actor) \(action) \(fields) listed but unchanged (\(before))\n\(oldRules)\n\(newRules)")
                        } else {
                            #expect(matches.count == 1 && matches.first?.before == before && matches.first?.after == after,
                                    "seed \(seed): \(actor) \(action) \(fields): \(before) → \(after), listed \(matches)\n\(oldRules)\n\(newRules)")
                        }
                    }
                }
            }
        }
        return (checked, changed)
    }
}
