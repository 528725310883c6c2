// The charter's own words for the ids of a query answer: labels, conditions, dates in full.

/// Names, objects, deadlines and dates of query answers as a reader expects them, from the
/// charter that answered (`QueryText.render(answer, charter:)`).
struct QueryWords {
    let charter: Charter

    /// `« Professeur-documentaliste »`: an actor's label, else its id; a person's name as asked.
    func actor(_ id: String) -> String {
        guard let index = charter.actor(named: id) else { return "« \(id) »" }
        return "« \(charter.actors[index].label ?? id) »"
    }

    /// `« Attribuer des licences dans le GAR »`: an action's label, else its id.
    func action(_ id: String) -> String {
        "« \(charter.action(named: id).flatMap { charter.actions[$0].label } ?? id) »"
    }

    /// `« Arrivée ou départ d'un élève »`: an event's label, else its id.
    func event(_ id: String) -> String {
        "« \(charter.event(named: id).flatMap { charter.events[$0].label } ?? id) »"
    }

    /// The object type of an action, if it has one.
    func objectType(ofAction id: String) -> ObjectType? {
        guard let index = charter.action(named: id), let type = charter.actions[index].objectType,
              charter.objectTypes.indices.contains(type) else { return nil }
        return charter.objectTypes[type]
    }

    /// ` quand la catégorie est manuel` for the known fields of a query's object; empty without any.
    func object(_ object: ObjectDescription?, action: String) -> String {
        guard let object, !object.fields.isEmpty, let type = objectType(ofAction: action) else { return "" }
        return " quand " + ConditionWords(objectType: type).text(fields: object.fields)
    }

    /// `la catégorie, le montant`: attribute names with their article.
    func attributes(_ names: [String]) -> String {
        ConditionWords.joined(names.map { PlainWords.withArticle(PlainWords.readable($0)) }, with: "et")
    }

    /// `le mardi 15 septembre 2026`.
    static func date(_ date: CalendarDate) -> String { "le " + DateText.long(date) }

    /// A deadline: `le mardi 15 septembre 2026 (10 jours ouvrés après « Rentrée des élèves »)`,
    /// or `3 jours ouvrés après chaque « Arrivée ou départ d'un élève »`.
    func due(_ due: Due) -> String {
        switch due {
        case .date(let date, let written):
            QueryWords.date(date) + (written.flatMap { DeadlineWords.phrase($0, calendar: charter.calendar) }.map { " (\($0))" } ?? "")
        case .afterEvent(let event, let delay):
            "\(delay.description) après chaque \(self.event(event))"
        }
    }

    /// A deciding rule in words: a task by its label, an `autorise`/`interdit` as its sentence
    /// (`Interdit : Professeur-documentaliste — Attribuer des licences dans le GAR, si la catégorie est manuel`).
    func rule(_ rule: RuleReference) -> String {
        let line = rule.position.map { "ligne \($0.line) · " } ?? ""
        switch rule.kind {
        case .default:
            return "aucune règle ne le permet"
        case .task:
            let label = charter.task(named: rule.id).flatMap { charter.tasks[$0].label }
            return line + rule.id + (label.map { " — \($0)" } ?? "")
        case .permit, .forbid:
            guard let span = rule.span, let index = charter.permissions.firstIndex(where: { $0.span == span }) else {
                return line + rule.id
            }
            let lines = PermissionLine.lines(of: charter)
            return line + (lines.indices.contains(index) ? lines[index].text : rule.id)
        case .deputy:
            guard let span = rule.span, let deputy = charter.deputies.first(where: { $0.span == span }) else { return line + rule.id }
            return line + "suppléance de " + actor(charter.actors[deputy.deputised].id) + " par " + actor(charter.actors[deputy.deputy].id)
        case .scope:
            // The action's scope: outside it (or where it is unknown) the action is not permitted.
            guard let action = charter.action(named: rule.id) else { return line + "portée de l'action " + rule.id }
            let label = charter.actions[action].label ?? PlainWords.readable(rule.id)
            let words = charter.conditionWords(nil, action: action)
            return line + "« \(label) »" + (words.map { " seulement si \($0)" } ?? "")
        }
    }
}
