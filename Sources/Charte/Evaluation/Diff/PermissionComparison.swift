// The permission part of `charte diff`: for each actor and action, the objects whose decision
// changes, found by splitting the object space into classes rather than enumerating it.

/// Compares the decisions of two charters on every actor, action and object.
///
/// For one actor and action, each side's decision is `non F et P` (spec section 12), F the
/// `ou` of the forbids that apply to the actor, P that of its permits, both taken from the
/// side's `Authorizer` (so every rule form the authorizer knows is compared). The object
/// space is that of the coverage checks (`Coverage.values`): finite attributes enumerated,
/// ordered ones cut at the constants of the compared rules (both sides'), the others unknown. It is split one attribute at a time, and an attribute's values only
/// into the classes the remaining conditions tell apart; after each split every condition
/// is simplified, and a branch stops as soon as both sides' conditions are the same (no
/// change below it) or read no attribute left to split (one decision on the whole branch).
/// The work follows the rules that differ, not the product of the attribute domains.
struct PermissionComparison {
    /// The most branches explored for one actor and action before it is reported as too complex.
    static let maximumBranches = 200_000

    let old: Charter
    let new: Charter
    let oldAuthorizer: Authorizer
    let newAuthorizer: Authorizer

    init(old: Charter, new: Charter) {
        self.old = old
        self.new = new
        oldAuthorizer = Authorizer(charter: old)
        newAuthorizer = Authorizer(charter: new)
    }

    /// Every change, by actor (new charter's order, then actors only the old one has), then by action.
    func changes() -> (changes: [PermissionChange], incomplete: [PermissionChange.Subject]) {
        let actors = DiffNames.union(old.actors.map(\.id), new.actors.map(\.id))
        let actions = DiffNames.union(old.actions.map(\.id), new.actions.map(\.id))
        var mappings: [String: ObjectMapping] = [:]
        var byAction: [[PermissionChange]] = []
        var incomplete: [PermissionChange.Subject] = []
        for actionID in actions {
            let oldAction = old.action(named: actionID), newAction = new.action(named: actionID)
            let oldType = oldAction.flatMap { old.actions[$0].objectType }.map { old.objectTypes[$0] }
            let newType = newAction.flatMap { new.actions[$0].objectType }.map { new.objectTypes[$0] }
            // An action whose object type changed is two actions: the old one removed, the new one added.
            let parts: [(Int?, Int?, ObjectType?, ObjectType?)] = oldType?.id == newType?.id
                ? [(oldAction, newAction, oldType, newType)]
                : [(oldAction, nil, oldType, nil), (nil, newAction, nil, newType)]
            var found: [PermissionChange] = []
            for (oldIndex, newIndex, oldObject, newObject) in parts {
                let key = "\(oldObject?.id ?? "")/\(newObject?.id ?? "")"
                let mapping: ObjectMapping? = if oldObject == nil && newObject == nil { nil } else {
                    mappings[key] ?? ObjectMapping(old: oldObject, new: newObject)
                }
                if let mapping { mappings[key] = mapping }
                var cache: [CacheKey: ActorResult] = [:]
                for actorID in actors {
                    let oldRules = rules(oldAuthorizer, actor: old.actor(named: actorID), action: oldIndex)
                    let newRules = rules(newAuthorizer, actor: new.actor(named: actorID), action: newIndex)
                    if let oldRules, let newRules, mapping?.isIdentity ?? true,
                       oldRules.forbids == newRules.forbids, oldRules.permits == newRules.permits { continue }
                    let key = CacheKey(old: oldRules, new: newRules)
                    let result = cache[key] ?? compare(old: oldRules, new: newRules, mapping: mapping)
                    cache[key] = result
                    let subject = PermissionChange.Subject(actor: actorID, action: actionID)
                    if result.tooComplex { incomplete.append(subject) }
                    guard !result.objects.isEmpty else { continue }
                    // An action whose object type changed gives two parts: one change per actor.
                    if let index = found.firstIndex(where: { $0.subject == subject }) {
                        found[index] = PermissionChange(subject: subject, objects: found[index].objects + result.objects)
                    } else {
                        found.append(PermissionChange(subject: subject, objects: result.objects))
                    }
                }
            }
            byAction.append(found)
        }
        // Ordered by actor, then action.
        let actorOrder = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1, $0) })
        let all = byAction.flatMap { $0 }.enumerated().sorted { a, b in
            let x = actorOrder[a.element.subject.actor] ?? 0, y = actorOrder[b.element.subject.actor] ?? 0
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return (all, incomplete)
    }

    // MARK: - One actor and action

    /// A side's rules for an actor and an action (nil conditions: always), or nil when the
    /// side lacks the actor or the action (it then refuses everything).
    struct SideRules: Hashable {
        let forbids: [Predicate?]
        let permits: [Predicate?]
    }

    struct CacheKey: Hashable {
        let old: SideRules?
        let new: SideRules?
    }

    struct ActorResult {
        var objects: [ObjectChange] = []
        var tooComplex = false
    }

    func rules(_ authorizer: Authorizer, actor: Int?, action: Int?) -> SideRules? {
        guard let actor, let action, authorizer.forbids.indices.contains(action) else { return nil }
        let forbids = authorizer.table.ruleIndices(actors: [actor], action: action, forbids: true).map { authorizer.forbids[action][$0].condition }
        var permits = authorizer.table.ruleIndices(actors: [actor], action: action, forbids: false).map { authorizer.permits[action][$0].condition }
        // Outside the action's scope nothing permits: every permit is read inside it.
        if let scope = authorizer.scopes[action] {
            permits = permits.map { condition in condition.map { Predicate.and(scope, $0) } ?? scope }
        }
        return SideRules(forbids: forbids, permits: permits)
    }

    /// The objects on which the two sides decide differently, as merged object literals.
    func compare(old: SideRules?, new: SideRules?, mapping: ObjectMapping?) -> ActorResult {
        func joined(_ conditions: [Predicate?], side: Int) -> Predicate {
            var predicates: [Predicate] = []
            for condition in conditions {
                guard let condition else { return .constant(true) }
                predicates.append(mapping?.translate(condition, side: side) ?? condition)
            }
            return Predicate.anyOf(predicates[...])
        }
        let never = Predicate.constant(false)
        var search = Search(mapping: mapping)
        let root = Branch(
            oldForbid: old.map { joined($0.forbids, side: 0) } ?? never, oldPermit: old.map { joined($0.permits, side: 0) } ?? never,
            newForbid: new.map { joined($0.forbids, side: 1) } ?? never, newPermit: new.map { joined($0.permits, side: 1) } ?? never,
            object: ObjectValue.unknown(type: nil, attributeCount: mapping?.type.attributes.count ?? 0),
            fixed: [], oldExpressible: old != nil, newExpressible: new != nil)
        // Attributes whose values differ between the sides are split first when both sides have the action.
        if old != nil, new != nil, let mapping {
            search.forced = mapping.type.attributes.indices.filter { mapping.expressible[0][$0] != nil || mapping.expressible[1][$0] != nil }
        }
        search.conditions = root.predicates
        search.explore(root)
        var result = ActorResult()
        result.tooComplex = search.branches > PermissionComparison.maximumBranches
        guard !result.tooComplex else { return result }
        result.objects = search.literals()
        return result
    }

    /// One branch of the search: the conditions simplified for the values fixed so far.
    struct Branch {
        var oldForbid, oldPermit, newForbid, newPermit: Predicate
        var object: ObjectValue
        /// The attributes fixed on this branch, each with its class of union value indices.
        var fixed: [(attribute: Int, values: [Int])]
        var oldExpressible, newExpressible: Bool

        var predicates: [Predicate] { [oldForbid, oldPermit, newForbid, newPermit] }
    }

    /// A set of objects (attribute → union value indices, unlisted attributes free) where both decisions are constant.
    struct Cube: Hashable {
        var fixed: [Int: [Int]]
        let before: Outcome
        let after: Outcome
    }

    struct Search {
        let mapping: ObjectMapping?
        var forced: [Int] = []
        var branches = 0
        var cubes: [Cube] = []
        /// Each attribute's values in the shared enumeration (nil: not split), computed once.
        var domains: [Int: Coverage.Domain?] = [:]
        /// The four root conditions: an ordered attribute's line is cut at every constant they
        /// use, whatever branch first asks for it.
        var conditions: [Predicate] = []

        init(mapping: ObjectMapping?) { self.mapping = mapping }

        mutating func domain(_ attribute: Int) -> [Value]? {
            if let known = domains[attribute] { return known?.values }
            let domain = mapping.flatMap { Coverage.domain(of: attribute, in: $0.type, conditions: conditions) }
            domains[attribute] = domain
            return domain?.values
        }

        mutating func explore(_ branch: Branch) {
            branches += 1
            guard branches <= PermissionComparison.maximumBranches else { return }
            let unfixedForced = forced.filter { attribute in !branch.fixed.contains { $0.attribute == attribute } }
            if unfixedForced.isEmpty, branch.oldExpressible == branch.newExpressible,
               branch.oldForbid == branch.newForbid, branch.oldPermit == branch.newPermit { return }
            // The attribute to split: one whose values the sides do not share, else the one the conditions read most.
            var chosen = unfixedForced.first
            if chosen == nil {
                var reads: [Int: Int] = [:]
                for predicate in branch.predicates { predicate.countReads(into: &reads) }
                let fixed = Set(branch.fixed.map(\.attribute))
                for (attribute, count) in reads.sorted(by: { $0.key < $1.key }) where !fixed.contains(attribute) {
                    guard domain(attribute) != nil else { continue }
                    if let current = chosen, (reads[current] ?? 0) >= count { continue }
                    chosen = attribute
                }
            }
            guard let attribute = chosen, let values = domain(attribute) else {
                leaf(branch)
                return
            }
            // The attribute's values in classes: those no remaining condition (nor expressibility) tells apart.
            var atoms: [Predicate] = []
            for predicate in branch.predicates { predicate.collectAtoms(reading: attribute, into: &atoms) }
            // A comparison with another attribute not yet fixed tells every value apart.
            let coupled = atoms.contains { atom in atom.attributes.contains { $0 != attribute && branch.object.value($0) == nil } }
            var classes: [[Int]] = []
            var signatures: [[Int]: Int] = [:]
            var probe = branch.object
            for (index, value) in values.enumerated() {
                probe.values[attribute] = value
                var signature = atoms.map { atom -> Int in
                    switch atom.evaluate(probe) {
                    case .yes: 2
                    case .unknown: 1
                    case .no: 0
                    }
                }
                if coupled { signature.append(index) }
                if let mapping {
                    signature.append(mapping.canExpress(side: 0, attribute: attribute, value: value) ? 1 : 0)
                    signature.append(mapping.canExpress(side: 1, attribute: attribute, value: value) ? 1 : 0)
                }
                if let existing = signatures[signature] {
                    classes[existing].append(index)
                } else {
                    signatures[signature] = classes.count
                    classes.append([index])
                }
            }
            for members in classes {
                guard let first = members.first else { continue }
                var child = branch
                child.object.values[attribute] = values[first]
                child.fixed.append((attribute, members))
                if let mapping {
                    child.oldExpressible = child.oldExpressible && mapping.canExpress(side: 0, attribute: attribute, value: values[first])
                    child.newExpressible = child.newExpressible && mapping.canExpress(side: 1, attribute: attribute, value: values[first])
                }
                let never = Predicate.constant(false)
                child.oldForbid = child.oldExpressible ? branch.oldForbid.restricted(to: child.object) : never
                child.oldPermit = child.oldExpressible ? branch.oldPermit.restricted(to: child.object) : never
                child.newForbid = child.newExpressible ? branch.newForbid.restricted(to: child.object) : never
                child.newPermit = child.newExpressible ? branch.newPermit.restricted(to: child.object) : never
                explore(child)
                guard branches <= PermissionComparison.maximumBranches else { return }
            }
        }

        /// A branch on which each side decides one way: recorded when the decisions differ.
        mutating func leaf(_ branch: Branch) {
            let before = Search.decide(branch.oldForbid.evaluate(branch.object), branch.oldPermit.evaluate(branch.object))
            let after = Search.decide(branch.newForbid.evaluate(branch.object), branch.newPermit.evaluate(branch.object))
            guard before != after else { return }
            cubes.append(Cube(fixed: Dictionary(uniqueKeysWithValues: branch.fixed.map { ($0.attribute, $0.values) }),
                              before: before, after: after))
        }

        static func decide(_ forbidden: Truth, _ permitted: Truth) -> Outcome {
            switch !forbidden && permitted {
            case .yes: .allowed
            case .no: .refused
            case .unknown: .undetermined
            }
        }

        /// The cubes merged (two cubes differing in one attribute's class become one, an
        /// attribute taking every value is dropped), then written as object literals.
        func literals() -> [ObjectChange] {
            var merged = cubes
            var changed = true
            while changed {
                changed = false
                outer: for i in merged.indices {
                    for j in merged.indices where j > i {
                        guard let union = Search.merge(merged[i], merged[j], domains: domains) else { continue }
                        merged[i] = union
                        merged.remove(at: j)
                        changed = true
                        break outer
                    }
                }
            }
            var changes: [ObjectChange] = []
            for cube in merged {
                for literal in literals(of: cube) {
                    changes.append(ObjectChange(object: literal, before: cube.before, after: cube.after))
                }
            }
            return changes
        }

        static func merge(_ a: Cube, _ b: Cube, domains: [Int: Coverage.Domain?]) -> Cube? {
            guard a.before == b.before, a.after == b.after, Set(a.fixed.keys) == Set(b.fixed.keys) else { return nil }
            let differing = a.fixed.keys.filter { Set(a.fixed[$0] ?? []) != Set(b.fixed[$0] ?? []) }
            guard differing.count <= 1 else { return nil }
            var fixed = a.fixed
            if let attribute = differing.first {
                let union = Set(a.fixed[attribute] ?? []).union(b.fixed[attribute] ?? [])
                let size = (domains[attribute] ?? nil)?.values.count ?? 0
                fixed[attribute] = union.count == size ? nil : union.sorted()
            }
            return Cube(fixed: fixed, before: a.before, after: a.after)
        }

        /// `ressource(categorie: manuel)`, one literal per combination of the cube's classes
        /// (an ordered attribute's consecutive pieces in one: `commande(montant: plus de 4 000 €)`);
        /// the empty string for an action without object.
        func literals(of cube: Cube) -> [String] {
            guard let mapping else { return [""] }
            let type = mapping.type
            var results: [[String]] = [[]]
            for attribute in cube.fixed.keys.sorted() {
                guard let domain = domains[attribute] ?? nil else { continue }
                let written = domain.written(cube.fixed[attribute] ?? []).map { "\(type.attributes[attribute].name): \($0)" }
                results = results.flatMap { prefix in written.map { prefix + [$0] } }
            }
            return results.map { "\(type.id)(\($0.joined(separator: ", ")))" }
        }
    }
}

extension Predicate {
    /// The predicate simplified on an object: comparisons the object decides become
    /// constants, and connectives fold them (`vrai ou x` is `vrai`, `faux et x` is `faux`).
    /// Only Kleene's own folds are used, so the result evaluates like the original on every
    /// object that agrees with `object` on its known attributes.
    func restricted(to object: ObjectValue) -> Predicate {
        switch self {
        case .constant: return self
        case .and(let a, let b):
            let left = a.restricted(to: object)
            if left == .constant(false) { return left }
            let right = b.restricted(to: object)
            if right == .constant(false) { return right }
            if left == .constant(true) { return right }
            if right == .constant(true) { return left }
            return .and(left, right)
        case .or(let a, let b):
            let left = a.restricted(to: object)
            if left == .constant(true) { return left }
            let right = b.restricted(to: object)
            if right == .constant(true) { return right }
            if left == .constant(false) { return right }
            if right == .constant(false) { return left }
            return .or(left, right)
        case .not(let a):
            let inner = a.restricted(to: object)
            if case .constant(let value) = inner { return .constant(!value) }
            return .not(inner)
        case .isTrue, .member, .compare:
            switch evaluate(object) {
            case .yes: return .constant(true)
            case .no: return .constant(false)
            case .unknown: return self
            }
        }
    }

    /// Counts, per attribute, the comparisons that read it.
    func countReads(into counts: inout [Int: Int]) {
        switch self {
        case .constant: break
        case .or(let a, let b), .and(let a, let b):
            a.countReads(into: &counts)
            b.countReads(into: &counts)
        case .not(let a): a.countReads(into: &counts)
        case .isTrue, .member, .compare:
            for attribute in Set(attributes) { counts[attribute, default: 0] += 1 }
        }
    }

    /// Adds the comparisons that read an attribute.
    func collectAtoms(reading attribute: Int, into atoms: inout [Predicate]) {
        switch self {
        case .constant: break
        case .or(let a, let b), .and(let a, let b):
            a.collectAtoms(reading: attribute, into: &atoms)
            b.collectAtoms(reading: attribute, into: &atoms)
        case .not(let a): a.collectAtoms(reading: attribute, into: &atoms)
        case .isTrue, .member, .compare:
            if attributes.contains(attribute), !atoms.contains(self) { atoms.append(self) }
        }
    }
}
