// Pass 2: references, clauses, permissions and tests.

extension Checker {
    mutating func resolveAll() {
        resolveDeclarationTypes()
        // Steps and tasks come in the order `declareAll` met them (see `declaredSteps`).
        var stepOrdinal = 0, taskOrdinal = 0
        for declaration in tree.declarations {
            switch declaration {
            case .step(let decl):
                defer { stepOrdinal += 1 }
                guard stepOrdinal < declaredSteps.count, let index = declaredSteps[stepOrdinal] else { continue }
                stepDecls[index] = decl
                charter.steps[index].after = decl.after.compactMap { resolvePrerequisite($0, step: true) }
                for task in decl.tasks {
                    defer { taskOrdinal += 1 }
                    guard taskOrdinal < declaredTasks.count, let taskIndex = declaredTasks[taskOrdinal] else { continue }
                    resolveTask(task, into: taskIndex)
                }
            case .permission(let decl):
                resolvePermission(decl)
            case .test(let decl):
                resolveTest(decl)
            case .establishment, .calendar, .object, .actor, .action, .event, .deputy, .incompatibility, .adaptation, .requirement, .thresholds:
                break
            }
        }
    }

    /// Sizes the per-step and per-task tables, and resolves the members of instances and the
    /// object types of actions and events, which conditions anywhere in the file depend on.
    mutating func resolveDeclarationTypes() {
        conditionTyper = nil
        stepDecls = Array(repeating: nil, count: charter.steps.count)
        roleNameRanges = Array(repeating: 0..<0, count: charter.tasks.count)
        // Actions come in the order `declareAll` met them (there may be tens of thousands).
        var actionOrdinal = 0
        for declaration in tree.declarations {
            switch declaration {
            case .actor(let decl):
                guard let index = charter.actor(named: decl.name.text), charter.actors[index].span == decl.span else { continue }
                charter.actors[index].members = resolveActors(decl.members)
            case .action(let decl):
                defer { actionOrdinal += 1 }
                guard actionOrdinal < declaredActions.count, let index = declaredActions[actionOrdinal],
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
    }

    mutating func resolvePrerequisite(_ name: Name, step: Bool) -> Int? {
        if step, let index = charter.step(named: name.text) { return index }
        if !step, let index = charter.task(named: name.text) { return index }
        if damage.names.contains(name.text) { return nil }
        let close = closest(to: name.text, among: step ? .step : .task)
        report(.unknownPrerequisite(name: name.text, expected: step ? .step : .task), at: name.span, candidates: close)
        return nil
    }

    // MARK: - Tasks

    /// The declarations the resolved tasks were read from, by task index, found again in the
    /// tree (only diagnostics about cycles need them: keeping a copy per task while resolving
    /// cost more than this one walk).
    func taskDeclarations() -> [Int: TaskDecl] {
        var found: [Int: TaskDecl] = [:]
        for case .step(let step) in tree.declarations {
            for task in step.tasks {
                guard let index = charter.task(named: task.name.text), resolvedTasks.contains(index),
                      charter.tasks[index].span == task.span else { continue }
                found[index] = task
            }
        }
        return found
    }

    mutating func resolveTask(_ decl: TaskDecl, into index: Int) {
        // The task is moved out of the model and back (nothing reads it meanwhile), rather
        // than copied out and written back, which retained and released each of its fields.
        var task = CharterTask(id: "", label: nil, step: 0, span: decl.span, nameSpan: decl.span)
        swap(&task, &charter.tasks[index])
        defer { swap(&task, &charter.tasks[index]) }
        resolveTask(decl, index: index, task: &task)
    }

    /// Resolves the clauses of the task at `index` into `task` (the model's task, moved out).
    mutating func resolveTask(_ decl: TaskDecl, index: Int, task: inout CharterTask) {
        resolvedTasks.insert(index)
        var whenSpan: Span?, delaySpan: Span?
        var sawDelay = false
        let firstRoleName = roleNames.count
        defer { roleNameRanges[index] = firstRoleName..<roleNames.count }
        for located in decl.clauses {
            switch located.clause {
            case .actors(let letter, let names):
                if letter == .responsible { tasksWithResponsableClause.insert(index) }
                var actors: [Int] = []
                actors.reserveCapacity(names.count)
                for name in names {
                    let actor = resolveActor(name)
                    if let actor { actors.append(actor) }
                    roleNames.append(RoleName(letter: letter, actor: actor ?? -1, span: name.span))
                }
                switch letter {
                case .responsible: Checker.append(actors, to: &task.responsables)
                case .approver: Checker.append(actors, to: &task.approbateurs)
                case .support: Checker.append(actors, to: &task.aides)
                case .consulted: Checker.append(actors, to: &task.consultes)
                case .informed: Checker.append(actors, to: &task.informes)
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
                task.deadlineText = expression.written(calendar: charter.calendar)
                task.deadlineSpan = expression.span
            case .when(let name):
                whenSpan = located.span
                if let event = charter.event(named: name.text) {
                    task.trigger = event
                } else if !damage.names.contains(name.text) {
                    let close = closest(to: name.text, among: .event)
                    report(.unknownEvent(name.text), at: name.span, candidates: close)
                }
            case .delay(let duration):
                delaySpan = located.span
                sawDelay = true
                if let amount = duration.amount, let value = Int(exactly: amount) {
                    task.delay = ResolvedDuration(amount: value, unit: duration.unit)
                }
            case .after(let names):
                Checker.append(names.compactMap { resolvePrerequisite($0, step: false) }, to: &task.after)
            case .place(let names):
                Checker.append(resolveActors(names), to: &task.places)
            case .note(let text):
                task.notes.append(text.value)
            }
        }
        if let whenSpan, !sawDelay {
            report(.whenWithoutDelay(task.id), at: whenSpan)
        } else if let delaySpan, whenSpan == nil {
            report(.delayWithoutWhen(task.id), at: delaySpan)
        }
    }

    /// Appends indices to a list; the first ones are taken as they are (the generic `+=` was a
    /// visible cost when resolving every task of a large charter).
    static func append(_ indices: [Int], to list: inout [Int]) {
        if list.isEmpty { list = indices } else { list.append(contentsOf: indices) }
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
        // Working days are counted against the calendar's periods, computed once per expression.
        let workingDays = expression.offsets.contains { $0.duration.unit == .workingDays }
            ? WorkingDays(calendar: charter.calendar) : nil
        for offset in expression.offsets {
            guard let current = date else { return nil }
            guard let amount = offset.duration.amount, let value = Int(exactly: amount) else { return nil }
            date = ResolvedDuration(amount: value, unit: offset.duration.unit)
                .apply(to: current, adding: offset.isAddition, workingDays: workingDays)
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
        let exceptions = resolveActors(decl.exceptions)
        if !decl.everyone, actors.count != decl.actors.count { return }
        if exceptions.count != decl.exceptions.count { return }
        charter.permissions.append(Permission(kind: decl.kind, actors: actors, everyone: decl.everyone, exceptions: exceptions,
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
                if let object { report(.typeMismatch(expected: .actionNotTask, found: .objectType(object.type.text, quoted: false)), at: object.span) }
                return actors.count == expected.count ? .whoTask(task: task, expected: actors) : nil
            }
            guard charter.action(named: target.text) != nil else {
                let close = closest(to: target.text, among: .actionOrTask)
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
        case .only(let references, let action, let object):
            let groups = references.map { resolveActorReference($0) }
            guard let actionIndex = resolveAction(action), let value = resolveObject(object, action: actionIndex) else { return nil }
            let resolved = groups.compactMap { $0 }
            guard resolved.count == groups.count else { return nil }
            let texts = references.map { reference -> String in
                switch reference {
                case .id(let name): name.text
                case .person(let literal): literal.value
                }
            }
            return .only(groups: resolved, actorTexts: texts, action: actionIndex, object: value)
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
    /// The expression as outputs show it: the calendar name replaced by its label when it has
    /// one (`Vacances de Noël - 8 jours`).
    public func written(calendar: SchoolCalendar?) -> String {
        var text = written
        if case .name(let name) = base, let calendar, let entry = calendar.index[name.text],
           let label = calendar.entries[entry].label {
            text = label + text.dropFirst(name.text.count)
        }
        guard offsets.contains(where: { $0.duration.unit == .workingDays }) else { return text }
        // The words, not the keyword: `jours ouvrés` (the only `ouvre` the text can hold is the unit's).
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices where words[index] == "ouvre" || words[index] == "ouvres" {
            words[index] = words[index] == "ouvre" ? "ouvré" : "ouvrés"
        }
        return words.joined(separator: " ")
    }
}
