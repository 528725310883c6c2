/// An RFC 5545 (iCalendar) calendar of a charter's deadlines, for a diary or a school ENT.
///
/// One all-day `VEVENT` per task instance. Everything is derived from the data, so the same
/// charter always gives the same bytes:
/// - `UID` is `<task id>.<charter file stem>@charte` (`-N` after the task id for the N-th event
///   of an event-triggered task);
/// - `DTSTAMP` is the first date of the charter's calendar (else the earliest deadline), at
///   midnight UTC — never the clock;
/// - events are in due-date order, then charter order.
///
/// Tasks without a fixed date (due after each event, or without deadline) cannot be events:
/// they are listed in the calendar's description (`X-WR-CALDESC`), so none is left out
/// silently. With an attendee (`--acteur`), only the tasks where they hold a letter are
/// written, each saying which letter, and the UIDs carry the attendee's ids; each suppléance
/// where the attendee stands in adds an event over its window and the delegated tasks due in it.
public enum ICSExport {
    /// The product identifier written in `PRODID`.
    public static let productID = "-//Charte//Charte des ressources numeriques//FR"

    /// The calendar of a checked charter's fixed deadlines (tasks with `echeance`).
    public static func render(_ charter: CheckedCharter) -> String {
        render(charter.model, fileName: charter.file.name)
    }

    /// The calendar of given instances (a journal report's, with one per event).
    public static func render(_ charter: CheckedCharter, instances: [DeadlineInstance]) -> String {
        render(charter.model, fileName: charter.file.name, instances: instances)
    }

    /// The calendar of one actor or person: the fixed deadlines of the tasks where they hold a letter.
    public static func render(_ charter: CheckedCharter, attendee: CalendarAttendee) -> String {
        render(charter.model, fileName: charter.file.name, attendee: attendee)
    }

    /// The calendar of a model's fixed deadlines, for everyone or for one attendee.
    static func render(_ charter: Charter, fileName: String, attendee: CalendarAttendee? = nil) -> String {
        var instances: [DeadlineInstance] = []
        for (index, task) in charter.tasks.enumerated() where task.trigger == nil {
            guard let deadline = task.deadline else { continue }
            instances.append(DeadlineInstance(task: index, occurrence: 0, due: deadline, at: deadline))
        }
        return render(charter, fileName: fileName, instances: instances, attendee: attendee)
    }

    /// The calendar of a model's given instances, for everyone or for one attendee.
    static func render(_ charter: Charter, fileName: String, instances: [DeadlineInstance], attendee: CalendarAttendee? = nil) -> String {
        let mine = instances.filter { attendee?.letters[charter.tasks[$0.task].id] != nil || attendee == nil }
        let sorted = mine.sorted { ($0.due, $0.task, $0.occurrence) < ($1.due, $1.task, $1.occurrence) }
        let stem = stem(of: fileName)
        let stamp = (charter.calendar?.first ?? instances.map(\.due).min()).map(dateText) ?? "19700101"
        var writer = ICSWriter()
        writer.raw("BEGIN", "VCALENDAR")
        writer.raw("VERSION", "2.0")
        writer.raw("PRODID", productID)
        writer.raw("CALSCALE", "GREGORIAN")
        writer.raw("METHOD", "PUBLISH")
        let school = charter.establishment?.name ?? stem
        writer.text("X-WR-CALNAME", attendee.map { "Échéances de \($0.displayName) — \(school)" } ?? "Échéances — " + school)
        if let note = calendarDescription(charter, attendee: attendee) {
            writer.text("X-WR-CALDESC", note)
        }
        let owner = attendee.map { "." + $0.uidToken } ?? ""
        for instance in sorted {
            let task = charter.tasks[instance.task]
            writer.raw("BEGIN", "VEVENT")
            let occurrence = instance.occurrence > 0 ? "-\(instance.occurrence)" : ""
            writer.text("UID", "\(task.id)\(occurrence).\(stem)\(owner)@charte")
            writer.raw("DTSTAMP", stamp + "T000000Z")
            writer.raw("DTSTART;VALUE=DATE", dateText(instance.due))
            if let next = instance.due.adding(days: 1) { writer.raw("DTEND;VALUE=DATE", dateText(next)) }
            var summary = task.label ?? task.id
            if let eventDate = instance.eventDate { summary += " (événement du \(eventDate))" }
            writer.text("SUMMARY", summary)
            var text = description(of: task, charter: charter)
            if let attendee, let held = attendee.letters[task.id] { text = "Votre rôle : \(attendee.role(held))\n" + text }
            writer.text("DESCRIPTION", text)
            writer.text("CATEGORIES", charter.steps[task.step].label ?? charter.steps[task.step].id)
            writer.raw("TRANSP", "TRANSPARENT")
            writer.raw("END", "VEVENT")
        }
        if let attendee, !charter.deputies.isEmpty {
            writeDeputyEvents(charter, attendee: attendee, stem: stem, stamp: stamp, into: &writer)
        }
        writer.raw("END", "VCALENDAR")
        return writer.text
    }

    /// The calendar's note: the tasks that are not events (due after each event, or without
    /// a deadline), one line each, so that none is left out silently; nil when there are none.
    static func calendarDescription(_ charter: Charter, attendee: CalendarAttendee?) -> String? {
        var recurring: [String] = [], undated: [String] = []
        for task in charter.tasks where task.trigger != nil || task.deadline == nil {
            let held = attendee.map { $0.letters[task.id] }
            if held == .some(nil) { continue }
            var line = "- " + (task.label ?? PlainWords.readable(task.id))
            let responsables = task.responsables.map { charter.actors[$0].label ?? PlainWords.readable(charter.actors[$0].id) }
            if let trigger = task.trigger, let delay = task.delay {
                let event = charter.events[trigger]
                line += " : sous \(delay.description) après chaque «\u{00A0}\(event.label ?? PlainWords.readable(event.id))\u{00A0}»"
            }
            if let attendee, let held = held ?? nil {
                line += " — votre rôle : \(attendee.role(held))"
            } else if !responsables.isEmpty {
                line += " (responsable : \(responsables.joined(separator: ", ")))"
            }
            if task.trigger != nil { recurring.append(line) } else { undated.append(line) }
        }
        var parts: [String] = []
        if !recurring.isEmpty { parts.append("À faire après chaque événement (pas de date fixe) :\n" + recurring.joined(separator: "\n")) }
        if !undated.isEmpty { parts.append("Sans échéance :\n" + undated.joined(separator: "\n")) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The event's description: the step, each RACI letter with its actors, the deadline as written.
    static func description(of task: CharterTask, charter: Charter) -> String {
        var lines = ["Tâche : \(task.label ?? PlainWords.readable(task.id)) (\(task.id))",
                     "Étape : " + (charter.steps[task.step].label ?? PlainWords.readable(charter.steps[task.step].id))]
        let titles: [(Letter, String)] = [(.responsible, "Responsable"), (.approver, "Approbateur"), (.support, "Aide"),
                                          (.consulted, "Consulté"), (.informed, "Informé")]
        for (letter, title) in titles where !task.actors(letter).isEmpty {
            let names = task.actors(letter).map { index in
                let actor = charter.actors[index]
                return actor.label.map { "\($0) (\(actor.id))" } ?? actor.id
            }
            lines.append("\(title) : " + names.joined(separator: ", "))
        }
        if let date = task.deadline, task.trigger == nil {
            let phrase = task.deadlineText.flatMap { DeadlineWords.phrase($0, calendar: charter.calendar) }
            lines.append("Échéance : \(DateText.long(date))" + (phrase.map { " (\($0))" } ?? ""))
        }
        if let trigger = task.trigger, let delay = task.delay {
            let event = charter.events[trigger]
            lines.append("Échéance : \(delay.description) après chaque «\u{00A0}\(event.label ?? PlainWords.readable(event.id))\u{00A0}»")
        }
        return lines.joined(separator: "\n")
    }

    /// `AAAAMMJJ`.
    static func dateText(_ date: CalendarDate) -> String { DateText.compact(date) }

    /// The file name without its folders and its `.charte` extension.
    static func stem(of fileName: String) -> String {
        var name = Substring(fileName)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.hasSuffix(".charte") { name = name.dropLast(".charte".count) }
        return name.isEmpty ? "charte" : String(name)
    }
}
