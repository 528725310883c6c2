/// Renders an agenda as JSON for tools: actors sorted by id, tasks by due date.
public struct AgendaJSONRenderer: Sendable {
    /// The charter the agenda comes from.
    public let charter: Charter
    /// The names written for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The agenda as a JSON value.
    public func json(_ agenda: Agenda) -> JSON {
        let entries = agenda.entries.sorted { charter.actors[$0.actor].id < charter.actors[$1.actor].id }
        return .object([
            ("charte", .string(charterName)),
            ("journal", .optional(journalName)),
            ("date", .string(agenda.date.description)),
            ("jusqu_a", .optional(agenda.until?.description)),
            ("acteurs", .array(entries.map { entry in
                let actor = charter.actors[entry.actor]
                return .object([("acteur", .string(actor.id)), ("libelle", .optional(actor.label)),
                                ("taches", .array(entry.items.map(item)))])
            })),
        ])
    }

    /// The JSON text, indented, ending with a newline.
    public func render(_ agenda: Agenda) -> String { json(agenda).rendered(pretty: true) + "\n" }

    func item(_ item: Agenda.Item) -> JSON {
        let instance = item.instance
        let task = charter.tasks[instance.task]
        let event: JSON = instance.eventDate.map { date in
            .object([("date", .string(date.description)), ("ligne", instance.eventLine.map(JSON.int) ?? .null)])
        } ?? .null
        return .object([
            ("tache", .string(task.id)), ("libelle", .optional(task.label)), ("etape", .string(charter.steps[task.step].id)),
            ("lettre", .string(item.letter.rawValue)), ("echeance", .string(instance.due.description)),
            ("statut", .string(instance.status.rawValue)), ("jours", .int(instance.days)),
            ("occurrence", .int(instance.occurrence)), ("evenement", event),
        ] + (charter.deputies.isEmpty ? [] : [("suppleance_de", .optional(item.deputy.map { charter.actors[charter.deputies[$0].deputised].id }))]))
    }
}
