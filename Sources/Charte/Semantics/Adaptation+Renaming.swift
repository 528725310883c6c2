// After the changes: the model's roles renamed to the local actors holding them, and the
// prerequisites of removed tasks passed on to the tasks that waited for them.

extension Adaptation {
    // MARK: - tient

    /// Renames every reference to a held model role; the held role's declaration goes.
    ///
    /// A role held by one actor becomes that actor everywhere. A role split between several
    /// (`role a tient r` and `role b tient r`) becomes all of them in lists (letters, rules,
    /// members, expected answers) and the first one where one actor is written (a `peut`
    /// assertion, a suppléance). When a task then names the same local actor under two
    /// letters (the documentaliste was responsable, the référent aide), the strongest letter
    /// is kept (R, then A, S, C, I), as W304 advises.
    mutating func applyHoldings() {
        guard !holders.isEmpty else { return }
        // A holder that is itself held would chain: refused (E712) at its `tient`, and dropped.
        var holding = holders
        for role in holders.keys.sorted() {
            for name in holders[role] ?? [] where holders[name] != nil {
                if let span = adapted[AdaptedKind.actor.rawValue + ":" + role + ">" + name] {
                    report(.badHolding(name: role), at: span)
                }
                holding[role]?.removeAll { $0 == name }
                if holding[role]?.isEmpty == true { holding[role] = nil }
            }
        }
        let held = Set(holding.values.joined())
        var holdings = holding.keys.sorted().map { (modelRole: $0, holders: holding[$0] ?? []) }
        holdings.sort { a, b in (firstHoldingSpan(a.modelRole)?.start ?? 0) < (firstHoldingSpan(b.modelRole)?.start ?? 0) }
        summary.holdings = holdings
        model = model.compactMap { declaration -> Declaration? in
            if case .actor(let actor) = declaration, holding[actor.name.text] != nil { return nil }
            return Adaptation.renamed(declaration, holders: holding, keeping: held)
        }
    }

    func firstHoldingSpan(_ role: String) -> Span? {
        adapted.first { $0.key.hasPrefix(AdaptedKind.actor.rawValue + ":" + role + ">") }?.value
    }

    /// A declaration with the held roles renamed.
    static func renamed(_ declaration: Declaration, holders: [String: [String]], keeping held: Set<String>) -> Declaration {
        func list(_ names: [Name]) -> [Name] {
            var seen = Set<String>()
            return names.flatMap { name -> [Name] in
                guard let locals = holders[name.text] else { return [name] }
                return locals.map { Name($0, span: name.span) }
            }.filter { seen.insert($0.text).inserted }
        }
        func one(_ name: Name) -> Name {
            guard let first = holders[name.text]?.first else { return name }
            return Name(first, span: name.span)
        }
        func actor(_ reference: ActorReference) -> ActorReference {
            if case .id(let name) = reference { return .id(one(name)) }
            return reference
        }
        switch declaration {
        case .actor(var decl):
            decl.members = list(decl.members)
            return .actor(decl)
        case .step(var step):
            step.tasks = step.tasks.map { task in
                var task = task
                task.clauses = task.clauses.map { clause in
                    guard case .actors(let letter, let names) = clause.clause else { return clause }
                    return LocatedClause(clause: .actors(letter, list(names)), span: clause.span)
                }
                task.clauses = strongestLetters(task.clauses, among: held)
                return task
            }
            return .step(step)
        case .permission(var rule):
            rule.actors = list(rule.actors)
            rule.exceptions = list(rule.exceptions)
            return .permission(rule)
        case .test(var test):
            test.assertions = test.assertions.map { located in
                let assertion: Assertion = switch located.assertion {
                case .who(let target, let object, let expected): .who(target: target, object: object, expected: list(expected))
                case .may(let reference, let action, let object): .may(actor: actor(reference), action: action, object: object)
                case .refuse(let reference, let action, let object): .refuse(actor: actor(reference), action: action, object: object)
                case .only(let references, let action, let object):
                    .only(actors: references.flatMap { reference -> [ActorReference] in
                        guard case .id(let name) = reference, let locals = holders[name.text] else { return [reference] }
                        return locals.map { .id(Name($0, span: name.span)) }
                    }, action: action, object: object)
                }
                return LocatedAssertion(assertion: assertion, span: located.span)
            }
            return .test(test)
        case .deputy(var deputy):
            deputy.deputised = one(deputy.deputised)
            deputy.deputy = one(deputy.deputy)
            return .deputy(deputy)
        case .incompatibility(var decl):
            decl.names = list(decl.names)
            return .incompatibility(decl)
        default:
            return declaration
        }
    }

    /// Keeps each local holder under its strongest letter only; clauses left empty go.
    static func strongestLetters(_ clauses: [LocatedClause], among held: Set<String>) -> [LocatedClause] {
        var strongest: [String: Letter] = [:]
        for clause in clauses {
            guard case .actors(let letter, let names) = clause.clause else { continue }
            for name in names where held.contains(name.text) {
                if let current = strongest[name.text], current <= letter { continue }
                strongest[name.text] = letter
            }
        }
        var placed = Set<String>()
        return clauses.compactMap { clause in
            guard case .actors(let letter, let names) = clause.clause else { return clause }
            let kept = names.filter { name in
                guard let best = strongest[name.text] else { return true }
                return best == letter && placed.insert(name.text).inserted
            }
            if kept.isEmpty { return nil }
            return LocatedClause(clause: .actors(letter, kept), span: clause.span)
        }
    }

    // MARK: - retire tache

    /// A task that waited for a removed one now waits for what the removed one waited for,
    /// so the order of the rest of the year holds; suppléances and `qui` assertions naming a
    /// removed task forget it.
    mutating func spliceRemovedPrerequisites() {
        guard !removedTasks.isEmpty else { return }
        let removed = removedTasks
        func splice(_ names: [Name], depth: Int = 0) -> [Name] {
            var seen = Set<String>()
            return names.flatMap { name -> [Name] in
                guard let before = removed[name.text] else { return [name] }
                return depth < removed.count ? splice(before, depth: depth + 1) : []
            }.filter { seen.insert($0.text).inserted }
        }
        model = model.map { declaration in
            switch declaration {
            case .step(var step):
                step.tasks = step.tasks.map { task in
                    var task = task
                    task.clauses = task.clauses.compactMap { clause in
                        guard case .after(let names) = clause.clause else { return clause }
                        let kept = splice(names)
                        return kept.isEmpty ? nil : LocatedClause(clause: .after(kept), span: clause.span)
                    }
                    return task
                }
                return .step(step)
            case .deputy(var deputy):
                deputy.clauses = deputy.clauses.compactMap { clause in
                    guard case .tasks(let names) = clause.clause else { return clause }
                    let kept = names.filter { removed[$0.text] == nil }
                    return kept.isEmpty ? nil : LocatedDeputyClause(clause: .tasks(kept), span: clause.span)
                }
                return .deputy(deputy)
            case .test(var test):
                test.assertions.removeAll { located in
                    if case .who(let target, _, _) = located.assertion { return removed[target.text] != nil }
                    return false
                }
                return .test(test)
            default:
                return declaration
            }
        }
    }
}
