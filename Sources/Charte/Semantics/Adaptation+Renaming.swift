// After the changes: the model's roles renamed to the local actors holding them, and the
// prerequisites of removed tasks passed on to the tasks that waited for them.
//
// One pass over the model's declarations, in place: a declaration (or a task of a step) that
// names no held role and no removed task is left exactly as parsed, never copied, so an
// adaptation costs what it changes rather than the size of its model.

extension Adaptation {
    // MARK: - tient

    /// The held roles that hold (a holder itself held is refused, E712) and, in the summary,
    /// the holdings in the school's order.
    mutating func settleHoldings() -> [String: [String]] {
        guard !holders.isEmpty else { return [:] }
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
        var holdings = holding.keys.sorted().map { (modelRole: $0, holders: holding[$0] ?? []) }
        holdings.sort { a, b in (firstHoldingSpan(a.modelRole)?.start ?? 0) < (firstHoldingSpan(b.modelRole)?.start ?? 0) }
        summary.holdings = holdings
        return holding
    }

    func firstHoldingSpan(_ role: String) -> Span? {
        adapted.first { $0.key.hasPrefix(AdaptedKind.actor.rawValue + ":" + role + ">") }?.value
    }

    /// Renames every reference to a held model role (the held role's declaration goes) and
    /// passes the prerequisites of removed tasks on, in one pass over the model.
    ///
    /// A role held by one actor becomes that actor everywhere. A role split between several
    /// (`role a tient r` and `role b tient r`) becomes all of them in lists (letters, rules,
    /// members, expected answers) and the first one where one actor is written (a `peut`
    /// assertion, a suppléance). When a task then names the same local actor under two
    /// letters (the documentaliste was responsable, the référent aide), the strongest letter
    /// is kept (R, then A, S, C, I), as W304 advises.
    ///
    /// A task that waited for a removed one now waits for what the removed one waited for,
    /// so the order of the rest of the year holds; suppléances and `qui` assertions naming a
    /// removed task forget it.
    mutating func rewriteModel(holding: [String: [String]]) {
        let rewrite = ModelRewrite(holders: holding, removed: removedTasks)
        guard !rewrite.isEmpty else { return }
        if !holding.isEmpty {
            for index in actors where !gone[index] {
                if case .actor(let actor) = model[index], rewrite.isHeldRole(actor.name) { gone[index] = true }
            }
        }
        for index in model.indices where !gone[index] {
            if let rewritten = rewrite.rewritten(model[index]) { model[index] = rewritten }
        }
    }
}

/// What the pass over the model renames and splices; each function returns nil when its
/// argument needs no change, so untouched declarations are never rebuilt.
///
/// A school holds a handful of roles and removes a handful of tasks: the tables are short
/// arrays searched in order, cheaper than hashing every name of the model.
struct ModelRewrite {
    /// Held model roles, and the local actors holding each (same order).
    let roles: [String]
    let locals: [[String]]
    /// Every local actor holding a model role.
    let held: [String]
    /// Removed tasks, and the prerequisites of each (same order).
    let removedNames: [String]
    let prerequisites: [[Name]]

    init(holders: [String: [String]], removed: [String: [Name]]) {
        roles = holders.keys.sorted()
        locals = roles.map { holders[$0] ?? [] }
        var held: [String] = []
        for name in locals.joined() where !held.contains(name) { held.append(name) }
        self.held = held
        removedNames = removed.keys.sorted()
        prerequisites = removedNames.map { removed[$0] ?? [] }
    }

    /// Whether nothing is held nor removed.
    var isEmpty: Bool { roles.isEmpty && removedNames.isEmpty }

    /// The local actors holding a model role, nil when it is not held.
    func holders(of name: String) -> [String]? { roles.firstIndex(of: name).map { locals[$0] } }

    func isHeldRole(_ name: Name) -> Bool { roles.contains(name.text) }

    func isRemoved(_ name: Name) -> Bool { removedNames.contains(name.text) }

    /// A declaration with the held roles renamed and the removed tasks spliced out, or nil if unchanged.
    func rewritten(_ declaration: Declaration) -> Declaration? {
        switch declaration {
        case .actor(let actor):
            guard actor.members.contains(where: isHeldRole) else { return nil }
            var decl = actor
            decl.members = list(actor.members)
            return .actor(decl)
        case .step(let step):
            var tasks: [TaskDecl]?
            for index in step.tasks.indices {
                guard let changed = rewritten(step.tasks[index]) else { continue }
                if tasks == nil { tasks = step.tasks }
                tasks?[index] = changed
            }
            guard let tasks else { return nil }
            var changed = step
            changed.tasks = tasks
            return .step(changed)
        case .permission(let permission):
            guard permission.actors.contains(where: isHeldRole) || permission.exceptions.contains(where: isHeldRole) else { return nil }
            var rule = permission
            rule.actors = list(rule.actors)
            rule.exceptions = list(rule.exceptions)
            return .permission(rule)
        case .test(let written):
            guard written.assertions.indices.contains(where: { touches(written.assertions[$0].assertion) }) else { return nil }
            var test = written
            test.assertions = test.assertions.compactMap(rewritten)
            return .test(test)
        case .deputy(let written):
            let renames = isHeldRole(written.deputised) || isHeldRole(written.deputy)
            let splices = written.clauses.indices.contains { index in
                if case .tasks(let names) = written.clauses[index].clause { return names.contains(where: isRemoved) }
                return false
            }
            guard renames || splices else { return nil }
            var deputy = written
            deputy.deputised = one(deputy.deputised)
            deputy.deputy = one(deputy.deputy)
            if splices {
                deputy.clauses = deputy.clauses.compactMap { clause in
                    guard case .tasks(let names) = clause.clause else { return clause }
                    let kept = names.filter { !isRemoved($0) }
                    return kept.isEmpty ? nil : LocatedDeputyClause(clause: .tasks(kept), span: clause.span)
                }
            }
            return .deputy(deputy)
        case .incompatibility(let incompatibility):
            guard incompatibility.names.contains(where: isHeldRole) else { return nil }
            var decl = incompatibility
            decl.names = list(decl.names)
            return .incompatibility(decl)
        default:
            return nil
        }
    }

    // MARK: - Tasks

    /// A task with its letters renamed (strongest letter kept) and its removed prerequisites spliced, or nil if unchanged.
    func rewritten(_ task: TaskDecl) -> TaskDecl? {
        // One look at the clauses, by index (no copy of a clause): most tasks name no held
        // role, at most one holder, and wait for no removed task.
        var renames = false, splices = false, empty = false
        var holderMentions = 0
        for index in task.clauses.indices {
            switch task.clauses[index].clause {
            case .actors(_, let names):
                guard !roles.isEmpty else { continue }
                if names.isEmpty { empty = true }
                for name in names {
                    if roles.contains(name.text) {
                        renames = true
                        holderMentions += 1
                    } else if held.contains(name.text) {
                        holderMentions += 1
                    }
                }
            case .after(let names):
                if !removedNames.isEmpty, names.contains(where: isRemoved) { splices = true }
            default:
                continue
            }
        }
        // A holder is named twice only if two mentions of holders or held roles are made.
        let strongest = empty || holderMentions > 1
        guard renames || splices || strongest else { return nil }
        var clauses = task.clauses
        var changed = false
        if renames {
            for index in clauses.indices {
                guard case .actors(let letter, let names) = clauses[index].clause, names.contains(where: isHeldRole) else { continue }
                clauses[index] = LocatedClause(clause: .actors(letter, list(names)), span: clauses[index].span)
                changed = true
            }
        }
        if strongest, let kept = strongestLetters(clauses) {
            clauses = kept
            changed = true
        }
        if splices {
            clauses = clauses.compactMap { clause in
                guard case .after(let names) = clause.clause else { return clause }
                let kept = splice(names)
                return kept.isEmpty ? nil : LocatedClause(clause: .after(kept), span: clause.span)
            }
            changed = true
        }
        guard changed else { return nil }
        var task = task
        task.clauses = clauses
        return task
    }

    /// Keeps each local holder under its strongest letter only, and drops clauses left empty;
    /// nil when no holder is named twice and no clause is empty (nothing to change).
    func strongestLetters(_ clauses: [LocatedClause]) -> [LocatedClause]? {
        var strongest: [(name: String, letter: Letter, count: Int)] = []
        var empty = false
        for index in clauses.indices {
            guard case .actors(let letter, let names) = clauses[index].clause else { continue }
            if names.isEmpty { empty = true }
            for name in names where held.contains(name.text) {
                if let index = strongest.firstIndex(where: { $0.name == name.text }) {
                    strongest[index].count += 1
                    if letter < strongest[index].letter { strongest[index].letter = letter }
                } else {
                    strongest.append((name.text, letter, 1))
                }
            }
        }
        guard empty || strongest.contains(where: { $0.count > 1 }) else { return nil }
        var placed: [String] = []
        return clauses.compactMap { clause in
            guard case .actors(let letter, let names) = clause.clause else { return clause }
            let kept = names.filter { name in
                guard let best = strongest.first(where: { $0.name == name.text }) else { return true }
                guard best.letter == letter, !placed.contains(name.text) else { return false }
                placed.append(name.text)
                return true
            }
            if kept.isEmpty { return nil }
            return LocatedClause(clause: .actors(letter, kept), span: clause.span)
        }
    }

    /// The names of an `apres` list with each removed task replaced by its own prerequisites.
    func splice(_ names: [Name], depth: Int = 0) -> [Name] {
        var result: [Name] = []
        for name in names {
            let replacing: [Name]
            if let index = removedNames.firstIndex(of: name.text) {
                replacing = depth < removedNames.count ? splice(prerequisites[index], depth: depth + 1) : []
            } else {
                replacing = [name]
            }
            for candidate in replacing where !result.contains(where: { $0.text == candidate.text }) { result.append(candidate) }
        }
        return result
    }

    // MARK: - Tests

    /// Whether an assertion names a held role or asks `qui` of a removed task.
    func touches(_ assertion: Assertion) -> Bool {
        switch assertion {
        case .who(let target, _, let expected): isRemoved(target) || expected.contains(where: isHeldRole)
        case .may(let reference, _, _), .refuse(let reference, _, _): names(reference)
        case .only(let references, _, _): references.contains(where: names)
        }
    }

    /// An assertion renamed; nil for a `qui` of a removed task (forgotten).
    func rewritten(_ located: LocatedAssertion) -> LocatedAssertion? {
        let assertion: Assertion
        switch located.assertion {
        case .who(let target, let object, let expected):
            if isRemoved(target) { return nil }
            assertion = .who(target: target, object: object, expected: list(expected))
        case .may(let reference, let action, let object): assertion = .may(actor: actor(reference), action: action, object: object)
        case .refuse(let reference, let action, let object): assertion = .refuse(actor: actor(reference), action: action, object: object)
        case .only(let references, let action, let object):
            assertion = .only(actors: references.flatMap { reference -> [ActorReference] in
                guard case .id(let name) = reference, let locals = holders(of: name.text) else { return [reference] }
                return locals.map { .id(Name($0, span: name.span)) }
            }, action: action, object: object)
        }
        return LocatedAssertion(assertion: assertion, span: located.span)
    }

    // MARK: - Names

    /// Whether a reference names a held role.
    func names(_ reference: ActorReference) -> Bool {
        if case .id(let name) = reference { return isHeldRole(name) }
        return false
    }

    /// A list with each held role replaced by all its holders, without repeats (as it is when it names none).
    func list(_ names: [Name]) -> [Name] {
        guard names.contains(where: isHeldRole) else { return names }
        var result: [Name] = []
        result.reserveCapacity(names.count + 1)
        for name in names {
            if let locals = holders(of: name.text) {
                for local in locals where !result.contains(where: { $0.text == local }) { result.append(Name(local, span: name.span)) }
            } else if !result.contains(where: { $0.text == name.text }) {
                result.append(name)
            }
        }
        return result
    }

    /// One place for one actor: a held role becomes its first holder.
    func one(_ name: Name) -> Name {
        guard let first = holders(of: name.text)?.first else { return name }
        return Name(first, span: name.span)
    }

    func actor(_ reference: ActorReference) -> ActorReference {
        if case .id(let name) = reference { return .id(one(name)) }
        return reference
    }
}
