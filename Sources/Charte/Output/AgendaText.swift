/// Renders an agenda for people, in French: one block per actor, its open tasks by date.
public struct AgendaTextRenderer: Sendable {
    /// The charter the agenda comes from.
    public let charter: Charter
    /// The names shown for the charter and the journal (if one was read).
    public let charterName: String
    /// The journal's name.
    public let journalName: String?
    /// The width lines wrap to (see `TextWrap`), nil for no wrapping.
    public var width: Int? = nil

    /// Creates a renderer.
    public init(charter: Charter, charterName: String, journalName: String?) {
        self.charter = charter
        self.charterName = charterName
        self.journalName = journalName
    }

    /// The agenda, ending with a newline.
    public func render(_ agenda: Agenda) -> String {
        var out = "Agenda au \(DateText.long(agenda.date)), selon « \(ControlCharacters.escaped(charterName)) »"
        if let journalName { out += " et le journal « \(ControlCharacters.escaped(journalName)) »" }
        if let until = agenda.until { out += ", jusqu'au \(DateText.long(until))" }
        out += "\n"
        if agenda.entries.isEmpty {
            return wrapped(out + "\nAucune tâche ouverte.\n")
        }
        for entry in agenda.entries {
            let actor = charter.actors[entry.actor]
            out += "\n\(actor.id)" + (actor.label.map { " — \(ControlCharacters.escaped($0))" } ?? "") + "\n"
            for item in entry.items {
                let task = charter.tasks[item.instance.task]
                var line = "  \(DateText.long(item.instance.due)) · \(item.letter.rawValue) · \(task.id)"
                if let eventDate = item.instance.eventDate {
                    line += " (événement du \(DateText.long(eventDate))" + (item.instance.eventLine.map { ", ligne \($0)" } ?? "") + ")"
                }
                if let label = task.label { line += " — \(ControlCharacters.escaped(label))" }
                line += " — " + item.instance.status.describe(days: item.instance.days)
                if let index = item.deputy {
                    let deputy = charter.deputies[index]
                    // The absent actor by its label, as the blocks' headings and the tasks show theirs.
                    let absent = charter.actors[deputy.deputised]
                    line += " — en " + DeputyWords.window(deputised: absent.label.map { "« \(ControlCharacters.escaped($0)) »" } ?? absent.id,
                                                         from: deputy.from, to: deputy.to)
                }
                out += line + "\n"
            }
        }
        out += "\nR : responsable, A : approbateur, S : aide.\n"
        return wrapped(out)
    }

    private func wrapped(_ text: String) -> String { width.map { TextWrap.wrap(text, width: $0) } ?? text }
}
