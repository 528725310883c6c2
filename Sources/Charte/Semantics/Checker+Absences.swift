// Suppléances and incompatibilities: resolved after the tasks (a suppléance's default scope
// is what the absent actor holds in them), then checked against the rules and each other.

extension Checker {
    /// Resolves every `suppleance` and `incompatibles` declaration, then checks them.
    mutating func resolveAndCheckAbsences() {
        var deputyDecls: [DeputyDecl] = []
        var incompatibilityDecls: [IncompatibilityDecl] = []
        for declaration in tree.declarations {
            switch declaration {
            case .deputy(let decl):
                if let deputy = resolveDeputy(decl) {
                    charter.deputies.append(deputy)
                    deputyDecls.append(decl)
                }
            case .incompatibility(let decl):
                let before = charter.incompatibilities.count
                resolveIncompatibility(decl)
                for _ in before..<charter.incompatibilities.count { incompatibilityDecls.append(decl) }
            default:
                break
            }
        }
        guard !charter.deputies.isEmpty || !charter.incompatibilities.isEmpty else { return }
        checkDeputies(deputyDecls)
        checkIncompatibilities(incompatibilityDecls, deputyDecls: deputyDecls)
    }

    // MARK: - Resolving

    mutating func resolveDeputy(_ decl: DeputyDecl) -> Deputy? {
        let deputised = resolveActor(decl.deputised)
        let deputy = resolveActor(decl.deputy)
        let from = decl.from.flatMap { resolveDate($0) }
        let to = decl.to.flatMap { resolveDate($0) }
        var tasks: [Int] = [], actions: [TaskAction] = []
        var nature = DeputyNature.signature, note: String?
        var narrowed = false, complete = true
        for located in decl.clauses {
            switch located.clause {
            case .tasks(let names):
                narrowed = true
                for name in names {
                    if let index = charter.task(named: name.text) {
                        if !tasks.contains(index) { tasks.append(index) }
                    } else if !damage.names.contains(name.text) {
                        report(.unknownDelegatedTask(name.text), at: name.span, candidates: closest(to: name.text, among: .task))
                        complete = false
                    }
                }
            case .action(let name, let condition):
                narrowed = true
                guard let action = resolveAction(name) else {
                    complete = false
                    continue
                }
                let predicate = condition.flatMap { typeCondition($0, action: action) }
                if condition != nil, predicate == nil {
                    complete = false
                    continue
                }
                actions.append(TaskAction(action: action, condition: predicate, span: located.span))
            case .nature(let value):
                nature = value
            case .note(let literal):
                note = literal.value
            }
        }
        guard let deputised, let deputy, let from, let to, complete else { return nil }
        if deputised == deputy {
            report(.deputyIsDeputised(decl.deputy.text), at: decl.deputy.span)
            return nil
        }
        if to < from {
            let span = (decl.from?.span ?? decl.span).to(decl.to?.span ?? decl.span)
            report(.deputyWindowReversed(from: from, to: to), at: span)
            return nil
        }
        if !narrowed {
            tasks = charter.tasks.indices.filter { charter.tasks[$0].responsables.contains(deputised) || charter.tasks[$0].aides.contains(deputised) }
        }
        let holds = tasks.contains { charter.tasks[$0].responsables.contains(deputised) || charter.tasks[$0].aides.contains(deputised) }
        if !holds, actions.isEmpty {
            report(.deputyDelegatesNothing(deputised: decl.deputised.text), at: decl.span)
        }
        return Deputy(deputised: deputised, deputy: deputy, from: from, to: to, nature: nature, tasks: tasks, actions: actions,
                      isWholeRole: !narrowed, note: note, span: decl.span)
    }

    mutating func resolveIncompatibility(_ decl: IncompatibilityDecl) {
        enum Meaning: Equatable {
            case actor(Int), action(Int), letter(Letter)
            var sort: IncompatibleSort {
                switch self {
                case .actor: .actor
                case .action: .action
                case .letter: .letter
                }
            }
        }
        var meanings: [Meaning] = []
        for name in decl.names {
            if let actor = charter.actor(named: name.text) {
                meanings.append(.actor(actor))
            } else if let action = charter.action(named: name.text) {
                meanings.append(.action(action))
            } else if let keyword = Keyword.lookup(folded: Folding.fold(name.text)),
                      let letter = Letter.allCases.first(where: { $0.keyword == keyword }) {
                meanings.append(.letter(letter))
            } else {
                // An unknown name is taken for the kind of the others (an action among actions).
                if !damage.names.contains(name.text) {
                    if decl.names.contains(where: { charter.action(named: $0.text) != nil }) {
                        report(.unknownAction(name.text), at: name.span, candidates: closest(to: name.text, among: .action))
                    } else {
                        report(.unknownActor(name.text), at: name.span, candidates: closest(to: name.text, among: .actor))
                    }
                }
                return
            }
        }
        for (first, second) in zip(meanings, meanings.dropFirst()) {
            let same: Bool = switch (first, second) {
            case (.actor, .actor), (.action, .action), (.letter, .letter): true
            default: false
            }
            guard same else {
                let index = meanings.firstIndex(of: second) ?? 1
                report(.incompatibilityMixesKinds(first: decl.names[0].text, firstKind: meanings[0].sort,
                                                  second: decl.names[index].text, secondKind: second.sort),
                       at: decl.names[index].span)
                return
            }
        }
        for i in meanings.indices {
            for j in meanings.indices where j > i {
                let kind: Incompatibility.Kind
                switch (meanings[i], meanings[j]) {
                case (.actor(let a), .actor(let b)): kind = .actors(a, b)
                case (.action(let a), .action(let b)): kind = .actions(a, b)
                case (.letter(let a), .letter(let b)): kind = .letters(a, b)
                default: continue
                }
                charter.incompatibilities.append(Incompatibility(kind: kind, note: decl.note?.value, span: decl.span))
            }
        }
    }

    // MARK: - Checks

    mutating func checkDeputies(_ decls: [DeputyDecl]) {
        let deputies = charter.deputies
        if let first = charter.calendar?.first, let last = charter.calendar?.last {
            for (deputy, decl) in zip(deputies, decls) where deputy.from < first || deputy.to > last {
                report(.deputyOutsideCalendar(from: deputy.from, to: deputy.to,
                                              first: first, last: last),
                       at: (decl.from?.span ?? decl.span).to(decl.to?.span ?? decl.span))
            }
        }
        for (index, deputy) in deputies.enumerated() {
            let decl = decls[index]
            for (otherIndex, other) in deputies.enumerated() where otherIndex != index && overlaps(deputy, other) {
                // A chain: the deputy is away and deputised in turn while standing in.
                if deputy.deputy == other.deputised {
                    report(.subDelegation(deputy: charter.actors[deputy.deputy].id, deputised: charter.actors[deputy.deputised].id,
                                          next: charter.actors[other.deputy].id),
                           at: decl.deputy.span, notes: [Note(.deputyDeclaredHere(charter.actors[other.deputy].id), at: other.span)])
                }
                if otherIndex < index, deputy.deputised == other.deputised, deputy.deputy != other.deputy, sharesScope(deputy, other) {
                    report(.overlappingDeputies(deputised: charter.actors[deputy.deputised].id, first: charter.actors[other.deputy].id,
                                                second: charter.actors[deputy.deputy].id),
                           at: decl.span, notes: [Note(.deputyDeclaredHere(charter.actors[other.deputy].id), at: other.span)])
                }
            }
            checkDeputyForbids(deputy, decl: decl)
        }
    }

    /// Whether two windows share a day.
    func overlaps(_ a: Deputy, _ b: Deputy) -> Bool { a.from <= b.to && b.from <= a.to }

    /// Whether two suppléances of one actor delegate some of the same work.
    func sharesScope(_ a: Deputy, _ b: Deputy) -> Bool {
        if a.isWholeRole || b.isWholeRole { return true }
        if a.tasks.contains(where: b.tasks.contains) { return true }
        let actionsA = Set(a.actions.map(\.action) + a.tasks.flatMap { charter.tasks[$0].actions.map(\.action) })
        let actionsB = Set(b.actions.map(\.action) + b.tasks.flatMap { charter.tasks[$0].actions.map(\.action) })
        return !actionsA.isDisjoint(with: actionsB)
    }

    /// W311: an `interdit` naming the deputy for something delegated to it.
    mutating func checkDeputyForbids(_ deputy: Deputy, decl: DeputyDecl) {
        var delegated: [TaskAction] = deputy.actions
        for task in deputy.tasks {
            let held = charter.tasks[task]
            guard held.responsables.contains(deputy.deputised) || held.aides.contains(deputy.deputised) else { continue }
            delegated += held.actions
        }
        var reported = Set<Int>()
        for item in delegated where !reported.contains(item.action) {
            for permission in charter.permissions where permission.kind == .forbid && permission.action == item.action
                && permission.applies(to: deputy.deputy) {
                guard Checker.canBothHold(permission.condition, item.condition, charter: charter, action: item.action) else { continue }
                report(.deputyForbidden(deputy: charter.actors[deputy.deputy].id, action: charter.actions[item.action].id),
                       at: decl.deputy.span, notes: [Note(.forbidAppliesHere, at: permission.span)])
                reported.insert(item.action)
                break
            }
        }
    }

    /// Whether two conditions are both true on some object of the action's type; unknown
    /// attributes (text, numbers, dates) count as possibly true, so the check errs towards
    /// saying so.
    static func canBothHold(_ a: Predicate?, _ b: Predicate?, charter: Charter, action: Int) -> Bool {
        guard let type = charter.actions[action].objectType else { return true }
        var used = Set<Int>()
        a?.collectAttributes(into: &used)
        b?.collectAttributes(into: &used)
        guard let space = Coverage.Space(type: type, attributes: used, objectType: charter.objectTypes[type]) else { return true }
        var scratch = space.blankObject()
        for combination in 0..<space.count {
            space.fill(&scratch, with: combination)
            if (a?.evaluate(scratch) ?? .yes) != .no, (b?.evaluate(scratch) ?? .yes) != .no { return true }
        }
        return false
    }

    mutating func checkIncompatibilities(_ decls: [IncompatibilityDecl], deputyDecls: [DeputyDecl]) {
        for (incompatibility, decl) in zip(charter.incompatibilities, decls) {
            switch incompatibility.kind {
            case .actors(let a, let b):
                let first = charter.actors[a], second = charter.actors[b]
                for person in first.persons where second.persons.contains(person) {
                    report(.incompatibleActorsShareAPerson(person: person, first: first.id, second: second.id),
                           at: second.span, notes: [Note(.incompatibilityDeclaredHere, at: decl.span)])
                }
                for (deputy, deputyDecl) in zip(charter.deputies, deputyDecls)
                    where Set([deputy.deputy, deputy.deputised]) == Set([a, b]) {
                    report(.deputyIncompatible(deputy: charter.actors[deputy.deputy].id, deputised: charter.actors[deputy.deputised].id),
                           at: deputyDecl.deputy.span, notes: [Note(.incompatibilityDeclaredHere, at: decl.span)])
                }
            case .letters(let a, let b):
                for task in charter.tasks {
                    for actor in task.actors(a) where task.actors(b).contains(actor) {
                        // The error says more than W304 (two letters) for the same actor and task.
                        diagnostics.removeAll { diagnostic in
                            guard case .twoLetters(let holder, _, _) = diagnostic.message else { return false }
                            return holder == charter.actors[actor].id && task.span.start <= diagnostic.span.start && diagnostic.span.end <= task.span.end
                        }
                        report(.incompatibleLettersInTask(actor: charter.actors[actor].id, task: task.id,
                                                          first: a, second: b),
                               at: task.nameSpan, notes: [Note(.incompatibilityDeclaredHere, at: decl.span)])
                    }
                }
            case .actions(let a, let b):
                for task in charter.tasks where task.actions.contains(where: { $0.action == a }) && task.actions.contains(where: { $0.action == b }) {
                    for actor in task.responsables + task.aides {
                        report(.incompatibleActionsInTask(actor: charter.actors[actor].id, task: task.id,
                                                          first: charter.actions[a].id, second: charter.actions[b].id),
                               at: task.nameSpan, notes: [Note(.incompatibilityDeclaredHere, at: decl.span)])
                    }
                }
            }
        }
    }
}
