// `retire etape` and `retire role`: settled last, when every other change is known, because
// a step may only go once none of its tasks is kept and a role once nothing kept names it.

extension Adaptation {
    /// Drops the removed steps and roles that nothing kept still needs; reports E713 for the
    /// others. Steps (the model's and the school's) that waited for a removed step now wait
    /// for what it waited for.
    mutating func settleRemovals(_ additions: inout [Declaration]) {
        var goneSteps: [(name: String, after: [Name])] = []
        for (index, span) in removedSteps {
            guard case .step(let step) = model[index] else { continue }
            if let kept = step.tasks.first {
                report(.removedStillUsed(name: step.name.text, kind: .step), at: span,
                       notes: [Note(.model(.stillUsedHere), at: kept.span)])
                continue
            }
            gone[index] = true
            goneSteps.append((step.name.text, step.after))
        }
        if !goneSteps.isEmpty {
            for index in steps where !gone[index] {
                if case .step(let step) = model[index], let after = Adaptation.splice(step.after, goneSteps) {
                    var changed = step
                    changed.after = after
                    model[index] = .step(changed)
                }
            }
            for index in additions.indices {
                if case .step(let step) = additions[index], let after = Adaptation.splice(step.after, goneSteps) {
                    var changed = step
                    changed.after = after
                    additions[index] = .step(changed)
                }
            }
        }
        for (index, span) in removedRoles {
            guard case .actor(let role) = model[index] else { continue }
            let name = role.name.text
            var use: Span?
            for other in model.indices where !gone[other] && other != index {
                if let found = Adaptation.firstUse(of: name, in: model[other]) { use = found; break }
            }
            if use == nil {
                for declaration in additions {
                    if let found = Adaptation.firstUse(of: name, in: declaration) { use = found; break }
                }
            }
            if let use {
                report(.removedStillUsed(name: name, kind: .role), at: span, notes: [Note(.model(.stillUsedHere), at: use)])
                continue
            }
            gone[index] = true
        }
    }

    /// A step's prerequisites with each removed step replaced by its own; nil when it names none.
    static func splice(_ after: [Name], _ removed: [(name: String, after: [Name])]) -> [Name]? {
        guard after.contains(where: { name in removed.contains { $0.name == name.text } }) else { return nil }
        var result: [Name] = []
        var pending = after
        var budget = removed.count * (after.count + 1) + after.count
        while !pending.isEmpty, budget > 0 {
            budget -= 1
            let name = pending.removeFirst()
            if let gone = removed.first(where: { $0.name == name.text }) {
                pending.insert(contentsOf: gone.after, at: 0)
            } else if !result.contains(where: { $0.text == name.text }) {
                result.append(name)
            }
        }
        return result
    }

    /// Where a declaration names the actor `name` (letters, rules, members, tests, suppléances,
    /// incompatibilities), or nil.
    static func firstUse(of name: String, in declaration: Declaration) -> Span? {
        func first(_ names: [Name]) -> Span? { names.first { $0.text == name }?.span }
        func reference(_ reference: ActorReference) -> Span? {
            if case .id(let id) = reference, id.text == name { return id.span }
            return nil
        }
        switch declaration {
        case .actor(let actor):
            return first(actor.members)
        case .step(let step):
            for task in step.tasks {
                for clause in task.clauses {
                    if case .actors(_, let names) = clause.clause, let span = first(names) { return span }
                }
            }
            return nil
        case .permission(let rule):
            return first(rule.actors) ?? first(rule.exceptions)
        case .test(let test):
            for located in test.assertions {
                switch located.assertion {
                case .who(_, _, let expected): if let span = first(expected) { return span }
                case .may(let actor, _, _), .refuse(let actor, _, _): if let span = reference(actor) { return span }
                case .only(let actors, _, _): if let span = actors.lazy.compactMap(reference).first { return span }
                }
            }
            return nil
        case .deputy(let deputy):
            return first([deputy.deputised, deputy.deputy])
        case .incompatibility(let incompatibility):
            return first(incompatibility.names)
        default:
            return nil
        }
    }
}
