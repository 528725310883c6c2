// Pass 2: references, clauses, permissions and tests.

extension Checker {
    mutating func resolveAll() {
        // Object types of actions and events first: conditions anywhere in the file depend on them.
        for declaration in tree.declarations {
            switch declaration {
            case .actor(let decl):
                guard let index = charter.actor(named: decl.name.text), charter.actors[index].span == decl.span else { continue }
                charter.actors[index].members = resolveActors(decl.members)
            case .action(let decl):
                guard let index = charter.action(named: decl.name.text), charter.actions[index].span == decl.span,
                      let type = decl.objectType else { continue }
                charter.actions[index].objectType = resolveObjectType(type)
            case .event(let decl):
                guard let index = charter.event(named: decl.name.text), charter.events[index].span == decl.span,
                      let type = decl.objectType else { continue }
                charter.events[index].objectType = resolveObjectType(type)
            default:
                break
            }
        }
        for declaration in tree.declarations {
            switch declaration {
            case .step(let decl):
                guard let index = charter.step(named: decl.name.text), charter.steps[index].span == decl.span else { continue }
                stepDecls[index] = decl
                charter.steps[index].after = decl.after.compactMap { resolvePrerequisite($0, step: true) }
                for task in decl.tasks {
                    guard let taskIndex = charter.task(named: task.name.text), charter.tasks[taskIndex].span == task.span else { continue }
                    resolveTask(task, into: taskIndex)
                }
            case .permission(let decl):
                resolvePermission(decl)
            case .test(let decl):
                resolveTest(decl)
            case .establishment, .calendar, .object, .actor, .action, .event:
                break
            }
        }
    }

    mutating func resolvePrerequisite(_ name: Name, step: Bool) -> Int? {
        if step, let index = charter.step(named: name.text) { return index }
        if !step, let index = charter.task(named: name.text) { return index }
        if damage.names.contains(name.text) { return nil }
        let close = Suggestions.closest(to: name.text, among: candidates {
            switch $0 {
            case .step: step
            case .task: !step
            default: false
            }
        })
        report(.unknownPrerequisite(name: name.text, expected: step ? "étape" : "tâche"), at: name.span, candidates: close)
        return nil
    }

    // MARK: - Tasks

    mutating func resolveTask(_ decl: TaskDecl, into index: Int) {
        taskDecls[index] = decl
        var task = charter.tasks[index]
        var whenSpan: Span?, delaySpan: Span?
        var sawDelay = false
        for located in decl.clauses {
            switch located.clause {
            case .actors(let letter, let names):
                let actors = resolveActors(names)
                switch letter {
                case .responsable: task.responsables += actors
                case .approbateur: task.approbateurs += actors
                case .aide: task.aides += actors
                case .consulte: task.consultes += actors
                case .informe: task.informes += actors
                }
            case .action(let name, let condition):
                guard let action = resolveAction(name) else { continue }
                let predicate = condition.flatMap { typeCondition($0, action: action) }
                if condition != nil, predicate == nil {
                    damagedActions.insert(action)
                    continue
                }
                task.actions.append(TaskAction(action: action, condition: predicate, span: located.span))
            case .deadline(let expression):
                task.deadline = resolveDate(expression)
                task.deadlineText = expression.written
                task.deadlineSpan = expression.span
            case .when(let name):
                whenSpan = located.span
                if let event = charter.event(named: name.text) {
                    task.trigger = event
                } else if !damage.names.contains(name.text) {
                    let close = Suggestions.closest(to: name.text, among: candidates { if case .event = $0 { true } else { false } })
                    report(.unknownEvent(name.text), at: name.span, candidates: close)
                }
            case .delay(let duration):
                delaySpan = located.span
                sawDelay = true
                if let amount = duration.amount, let value = Int(exactly: amount) {
                    task.delay = ResolvedDuration(amount: value, unit: duration.unit)
                }
            case .after(let names):
                task.after += names.compactMap { resolvePrerequisite($0, step: false) }
            case .place(let names):
                task.places += resolveActors(names)
            case .note(let text):
                task.notes.append(text.value)
            }
        }
        if let whenSpan, !sawDelay {
            report(.whenWithoutDelay(task.id), at: whenSpan)
        } else if let delaySpan, whenSpan == nil {
            report(.delayWithoutWhen(task.id), at: delaySpan)
        }
        charter.tasks[index] = task
    }

    // MARK: - Dates

    /// The date a date expression stands for, reporting unknown names and overflow.
    mutating func resolveDate(_ expression: DateExpr) -> CalendarDate? {
        var date: CalendarDate?
        switch expression.base {
        case .literal(let literal):
            date = literal
        case .name(let name):
            guard let calendar = charter.calendar else {
                report(.noCalendar(name.text), at: name.span)
                return nil
            }
            guard let entry = calendar.index[name.text] else {
                let close = Suggestions.closest(to: name.text, among: calendar.entries.map { Candidate(name: $0.name, span: $0.span) })
                report(.unknownCalendarName(name.text), at: name.span, candidates: close)
                return nil
            }
            date = calendar.entries[entry].start
        }
        for offset in expression.offsets {
            guard let current = date else { return nil }
            guard let amount = offset.duration.amount, let value = Int(exactly: amount) else { return nil }
            date = ResolvedDuration(amount: value, unit: offset.duration.unit).apply(to: current, adding: offset.isAddition)
            if date == nil {
                report(.dateOutOfRange(expression.written), at: expression.span)
                return nil
            }
        }
        return date
    }

    // MARK: - Permissions

    mutating func resolvePermission(_ decl: PermissionDecl) {
        let actors = resolveActors(decl.actors)
        guard let action = resolveAction(decl.action) else { return }
        let predicate = decl.condition.flatMap { typeCondition($0, action: action) }
        if decl.condition != nil, predicate == nil {
            damagedActions.insert(action)
            return
        }
        if !decl.everyone, actors.count != decl.actors.count { return }
        charter.permissions.append(Permission(kind: decl.kind, actors: actors, everyone: decl.everyone,
                                              action: action, condition: predicate, span: decl.span))
    }

    // MARK: - Tests

    mutating func resolveTest(_ decl: TestDecl) {
        var assertions: [CheckedAssertion] = []
        for located in decl.assertions {
            if let form = resolveAssertion(located.assertion) {
                assertions.append(CheckedAssertion(form: form, span: located.span))
            }
        }
        charter.tests.append(CharterTest(label: decl.label.value, assertions: assertions, span: decl.span))
    }

    mutating func resolveAssertion(_ assertion: Assertion) -> CheckedAssertion.Form? {
        switch assertion {
        case .who(let target, let object, let expected):
            let actors = resolveActors(expected, countsAsUse: false)
            if let task = charter.task(named: target.text) {
                if let object { report(.typeMismatch(expected: "une action (une tâche n'a pas d'objet)", found: object.type.text), at: object.span) }
                return actors.count == expected.count ? .whoTask(task: task, expected: actors) : nil
            }
            guard charter.action(named: target.text) != nil else {
                let close = Suggestions.closest(to: target.text, among: candidates {
                    switch $0 { case .action, .task: true; default: false }
                })
                report(.unknownAction(target.text), at: target.span, candidates: close)
                return nil
            }
            guard let action = resolveAction(target), let value = resolveObject(object, action: action),
                  actors.count == expected.count else { return nil }
            return .whoAction(action: action, object: value, expected: actors)
        case .may(let actor, let action, let object), .refuse(let actor, let action, let object):
            let actors = resolveActorReference(actor)
            guard let actionIndex = resolveAction(action), let value = resolveObject(object, action: actionIndex),
                  let actors else { return nil }
            let text: String = switch actor {
            case .id(let name): name.text
            case .person(let literal): literal.value
            }
            if case .may = assertion { return .may(actors: actors, actorText: text, action: actionIndex, object: value) }
            return .refuse(actors: actors, actorText: text, action: actionIndex, object: value)
        }
    }

    /// The actors an id or a person's name stands for.
    mutating func resolveActorReference(_ reference: ActorReference) -> [Int]? {
        switch reference {
        case .id(let name):
            if let index = charter.actor(named: name.text) { return [index] }
            if let roles = charter.persons[name.text] { return roles }
            return resolveActor(name, countsAsUse: false).map { [$0] }
        case .person(let literal):
            if let roles = charter.persons[literal.value] { return roles }
            if let index = charter.actor(named: literal.value) { return [index] }
            let people = charter.persons.keys.sorted().map { Candidate(name: $0, span: nil) }
            report(.unknownActor(literal.value), at: literal.span, candidates: Suggestions.closest(to: literal.value, among: people))
            return nil
        }
    }
}

extension DateExpr {
    /// The expression as a charter writes it.
    public var written: String {
        var text: String
        switch base {
        case .literal(let date): text = date?.description ?? "?"
        case .name(let name): text = name.text
        }
        for offset in offsets {
            let amount = offset.duration.amount.map(String.init) ?? "?"
            let unit: String = switch offset.duration.unit {
            case .jours: offset.duration.amount == 1 ? "jour" : "jours"
            case .semaines: offset.duration.amount == 1 ? "semaine" : "semaines"
            case .mois: "mois"
            }
            text += " \(offset.isAddition ? "+" : "-") \(amount) \(unit)"
        }
        return text
    }
}
