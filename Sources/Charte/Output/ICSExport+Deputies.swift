// One person's calendar and suppléances: for each suppléance where the attendee stands in,
// one event spanning the window, and the absent actor's delegated tasks due inside it.

extension ICSExport {
    /// Writes the attendee's suppléances (nothing when they stand in for no one).
    static func writeDeputyEvents(_ charter: Charter, attendee: CalendarAttendee, stem: String, stamp: String,
                                  into writer: inout ICSWriter) {
        let owner = "." + attendee.uidToken
        for (index, deputy) in charter.deputies.enumerated()
        where attendee.actors.contains(deputy.deputy) && !attendee.actors.contains(deputy.deputised) {
            let absent = charter.actors[deputy.deputised]
            let absentName = absent.label ?? PlainWords.readable(absent.id)
            let delegated = charter.tasks.indices.filter { deputy.delegates(task: $0, in: charter) }
            var lines = ["Vous suppléez \(absentName) " + DateText.range(deputy.from, deputy.to) + ".",
                         deputy.nature == .signature ? "Délégation de signature : \(absentName) reste responsable."
                                                     : "Délégation de pouvoir : la compétence vous est confiée pendant la période."]
            if let note = deputy.note { lines.append(note) }
            if !delegated.isEmpty {
                lines.append("Tâches confiées :")
                lines += delegated.map { "- " + (charter.tasks[$0].label ?? PlainWords.readable(charter.tasks[$0].id)) }
            }
            writer.raw("BEGIN", "VEVENT")
            writer.text("UID", "suppleance-\(index + 1).\(stem)\(owner)@charte")
            writer.raw("DTSTAMP", stamp + "T000000Z")
            writer.raw("DTSTART;VALUE=DATE", dateText(deputy.from))
            if let next = deputy.to.adding(days: 1) { writer.raw("DTEND;VALUE=DATE", dateText(next)) }
            writer.text("SUMMARY", "Suppléance de \(absentName)")
            writer.text("DESCRIPTION", lines.joined(separator: "\n"))
            writer.text("CATEGORIES", "Suppléance")
            writer.raw("TRANSP", "TRANSPARENT")
            writer.raw("END", "VEVENT")
            for task in delegated where charter.tasks[task].trigger == nil {
                guard let due = charter.tasks[task].deadline, deputy.isActive(on: due) else { continue }
                let held = charter.tasks[task]
                writer.raw("BEGIN", "VEVENT")
                writer.text("UID", "\(held.id).suppleance-\(index + 1).\(stem)\(owner)@charte")
                writer.raw("DTSTAMP", stamp + "T000000Z")
                writer.raw("DTSTART;VALUE=DATE", dateText(due))
                if let next = due.adding(days: 1) { writer.raw("DTEND;VALUE=DATE", dateText(next)) }
                writer.text("SUMMARY", (held.label ?? held.id) + " (en suppléance)")
                writer.text("DESCRIPTION", "Votre rôle : suppléant de \(absentName)\n" + description(of: held, charter: charter))
                writer.text("CATEGORIES", charter.steps[held.step].label ?? charter.steps[held.step].id)
                writer.raw("TRANSP", "TRANSPARENT")
                writer.raw("END", "VEVENT")
            }
        }
    }
}
