/// Renders an agenda for people, in French: one block per actor, its open tasks by date.
public struct AgendaTextRenderer: Sendable {
    /// The charter the agenda comes from.
    public let charter: Charter
    /// The names shown for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The agenda, ending with a newline.
    public func render(_ agenda: Agenda) -> String {
        var out = "Agenda au \(agenda.date), selon « \(ControlCharacters.escaped(charterName)) »"
        if let journalName { out += " et le journal « \(ControlCharacters.escaped(journalName)) »" }
        if let until = agenda.until { out += ", jusqu'au \(until)" }
        out += "\n"
        if agenda.entries.isEmpty {
            return out + "\nAucune tâche ouverte.\n"
        }
        for entry in agenda.entries {
            let actor = charter.actors[entry.actor]
            out += "\n\(actor.id)" + (actor.label.map { " — \(ControlCharacters.escaped($0))" } ?? "") + "\n"
            for item in entry.items {
                let task = charter.tasks[item.instance.task]
                var line = "  \(item.instance.due)  \(item.letter.rawValue)  \(task.id)"
                if let eventDate = item.instance.eventDate {
                    line += " (événement du \(eventDate)" + (item.instance.eventLine.map { ", ligne \($0)" } ?? "") + ")"
                }
                if let label = task.label { line += " — \(ControlCharacters.escaped(label))" }
                line += " — " + item.instance.status.describe(days: item.instance.days)
                out += line + "\n"
            }
        }
        out += "\nR : responsable, A : approbateur, S : aide.\n"
        return out
    }
}
