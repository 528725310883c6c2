// Dated questions: `peut … le DATE`, `qui … le DATE`, `taches … le DATE`. The undated
// answers are the same values with no date and no suppléance.

extension QueryEngine {
    /// `peut ACTEUR ACTION OBJET le DATE`: the decision of that day, suppléances included.
    public func may(actors: [Int], asked: String, action: Int, object: ObjectValue, on date: CalendarDate) -> MayAnswer {
        let dated = authorizer.decide(actors: actors, action: action, object: object, on: date)
        let rules = dated.decision.rules.map { RuleReference(kind: $0.kind, id: $0.id, position: $0.span.map(position), span: $0.span) }
        var answer = MayAnswer(actor: asked, roles: ids(actors), action: charter.actions[action].id, object: describe(object),
                               outcome: dated.decision.outcome, missing: dated.decision.missing, rules: rules)
        answer.date = date
        answer.deputies = dated.deputies.map { window(charter.deputies[$0.deputy], state: $0.state) }
        return answer
    }

    /// `qui ACTION OBJET le DATE`: the tasks, and the suppléances in their window that day
    /// that delegate the action on the object (not certainly excluded).
    public func who(action: Int, object: ObjectValue, on date: CalendarDate) -> WhoAnswer {
        let undated = who(action: action, object: object)
        let active = charter.deputies.filter { deputy in
            deputy.isActive(on: date) && deputy.covers(action: action, object: object, in: charter).truth != .no
        }
        var answer = WhoAnswer(subject: undated.subject, results: undated.results.map { standIns($0, active) },
                               conditional: undated.conditional.map { standIns($0, active) })
        answer.date = date
        answer.deputies = active.map { window($0, state: .enCours) }
        return answer
    }

    /// `qui TACHE le DATE`: its RACI that day, and the suppléances in their window that hand it over.
    public func who(task: Int, on date: CalendarDate) -> WhoAnswer {
        let undated = who(task: task)
        let active = charter.deputies.filter { $0.isActive(on: date) && $0.delegates(task: task, in: charter) }
        var answer = WhoAnswer(subject: undated.subject, results: undated.results.map { standIns($0, active) }, conditional: [])
        answer.date = date
        answer.deputies = active.map { window($0, state: .enCours) }
        return answer
    }

    /// A task's card on a day, given the suppléances in their window that day: each that
    /// hands the task over is listed on the card; a délégation de pouvoir also puts the deputy
    /// in the absent actor's place (responsable or aide), the competence having moved, while a
    /// délégation de signature leaves the absent actor where it is (still accountable).
    func standIns(_ card: TaskCard, _ active: [Deputy]) -> TaskCard {
        guard let index = charter.task(named: card.task) else { return card }
        let task = charter.tasks[index]
        let handing = active.filter { $0.delegates(task: index, in: charter) && $0.deputised != $0.deputy }
        guard !handing.isEmpty else { return card }
        let moved = handing.filter { $0.nature == .power }
        /// One letter's actors that day: the absent actors a pouvoir moved out, their deputies in.
        func holders(_ actors: [Int]) -> [String] {
            var held = Set(actors)
            for deputy in moved where actors.contains(deputy.deputised) {
                held.remove(deputy.deputised)
                held.insert(deputy.deputy)
            }
            return ids(Array(held))
        }
        var dated = TaskCard(task: card.task, step: card.step, stepLabel: card.stepLabel, label: card.label,
                             responsables: holders(task.responsables), approbateurs: card.approbateurs, aides: holders(task.aides),
                             consultes: card.consultes, informes: card.informes, missing: card.missing, position: card.position)
        dated.deputies = handing.map { deputy in
            CardDeputy(window: window(deputy, state: .enCours),
                       letter: task.responsables.contains(deputy.deputised) ? .responsible : .support)
        }
        return dated
    }

    /// `taches ACTEUR le DATE`: the job sheet, the suppléances where the actor is away that day,
    /// and the tasks it takes over where it stands in.
    public func jobSheet(actors: [Int], asked: String, on date: CalendarDate) -> JobSheet {
        var sheet = jobSheet(actors: actors, asked: asked)
        sheet.date = date
        let active = charter.deputies.filter { $0.isActive(on: date) }
        sheet.away = active.filter { actors.contains($0.deputised) }.map { window($0, state: .enCours) }
        sheet.standingIn = active.filter { actors.contains($0.deputy) && !actors.contains($0.deputised) }.map { deputy in
            let absent: Set<Int> = [deputy.deputised]
            let assignments = charter.tasks.indices.filter { deputy.delegates(task: $0, in: charter) }
                .compactMap { assignment(in: $0, actors: absent, instances: []) }
            return DeputyAssignments(window: window(deputy, state: .enCours), assignments: assignments)
        }
        return sheet
    }

    /// A suppléance as answers show it.
    func window(_ deputy: Deputy, state: DeputyState) -> DeputyWindow {
        DeputyWindow(deputised: charter.actors[deputy.deputised].id, deputy: charter.actors[deputy.deputy].id,
                     from: deputy.from, to: deputy.to, nature: deputy.nature, state: state, note: deputy.note,
                     position: position(deputy.span))
    }
}
