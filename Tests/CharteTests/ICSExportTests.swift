import Testing
@testable import Charte

/// The physical lines of an iCalendar text (split on CRLF only).
private func physicalLines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\r\n")
    if lines.last == "" { lines.removeLast() }
    return lines
}

/// The content lines once unfolded.
private func contentLines(_ text: String) -> [String] {
    physicalLines(ICSWriter.unfold(text))
}

@Suite("ICS export")
struct ICSExportTests {
    let calendar = ICSExport.render(journalFixture.model, fileName: "Tests/CharteTests/Fixtures/journal-petit.charte")

    @Test("every line ends with CRLF and none is over 75 octets")
    func lineEndings() {
        #expect(calendar.hasSuffix("\r\n"))
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        for line in physicalLines(calendar) {
            #expect(line.utf8.count <= 75, "\(line)")
        }
    }

    @Test("the calendar has its required properties (RFC 5545 3.6)")
    func calendarProperties() {
        let lines = contentLines(calendar)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains("PRODID:\(ICSExport.productID)"))
        #expect(lines.contains("X-WR-CALNAME:Échéances — Collège Test"))
    }

    @Test("one all-day VEVENT per fixed deadline, with UID, DTSTAMP and DTSTART (RFC 5545 3.6.1)")
    func events() {
        let lines = contentLines(calendar)
        let events = events(in: lines)
        #expect(events.count == 4)
        for event in events {
            for name in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:", "SUMMARY:"] {
                #expect(event.filter { $0.hasPrefix(name) }.count == 1, "\(name) in \(event)")
            }
        }
        #expect(events.map { $0.first { $0.hasPrefix("UID:") } ?? "" } == [
            "UID:controle_annuaire.journal-petit@charte", "UID:licences_manuels.journal-petit@charte",
            "UID:licences_autres.journal-petit@charte", "UID:commandes.journal-petit@charte",
        ])
        #expect(events[0].contains("DTSTART;VALUE=DATE:20260906"))
        #expect(events[0].contains("DTEND;VALUE=DATE:20260907"))
        // DTSTAMP comes from the data: the calendar's first date, never the clock.
        #expect(events.allSatisfy { $0.contains("DTSTAMP:20260901T000000Z") })
    }

    @Test("text values are escaped")
    func escaping() {
        let lines = contentLines(calendar)
        #expect(lines.contains("SUMMARY:Contrôler l'annuaire\\, et vite \\; avant tout"))
        let description = lines.first { $0.hasPrefix("DESCRIPTION:Tâche : ") && $0.contains("(licences_manuels)") } ?? ""
        #expect(description.contains("\\nResponsable : Gestionnaire (gestionnaire)\\nAide : Administrateur de l'ENT (admin_ent)"))
        #expect(ICSWriter.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
    }

    @Test("the same charter always gives the same bytes")
    func deterministic() {
        #expect(ICSExport.render(journalFixture.model, fileName: "journal-petit.charte") ==
                ICSExport.render(journalFixture.model, fileName: "journal-petit.charte"))
    }

    @Test("event-triggered instances from a journal get numbered UIDs")
    func journalInstances() {
        let report = checkJournal("date;acteur;action;tache\n2026-09-10;;mouvement_eleve;\n2026-09-12;;mouvement_eleve;\n")
        let text = ICSExport.render(journalFixture.model, fileName: "journal-petit.charte", instances: report.instances)
        let uids = contentLines(text).filter { $0.hasPrefix("UID:signalement") }
        #expect(uids == ["UID:signalement-1.journal-petit@charte", "UID:signalement-2.journal-petit@charte"])
        #expect(contentLines(text).contains("SUMMARY:Signaler les mouvements d'élèves (événement du 2026-09-10)"))
    }

    @Test("folding never splits a UTF-8 sequence and unfolds to the original", arguments: [
        String(repeating: "é", count: 100), String(repeating: "a", count: 74) + "€€€", "x" + String(repeating: "😀", count: 40),
        String(repeating: "ab", count: 37) + "e\u{301}" + String(repeating: "ç", count: 50), "court",
    ])
    func folding(_ value: String) {
        let line = "DESCRIPTION:" + value
        let folded = ICSWriter.fold(line)
        for (index, physical) in folded.components(separatedBy: "\r\n").enumerated() {
            #expect(physical.utf8.count <= 75)
            #expect(index == 0 || physical.hasPrefix(" "))
            // Each physical line is valid UTF-8 on its own: no sequence was cut.
            #expect(String(validating: Array(physical.utf8), as: UTF8.self) != nil)
        }
        #expect(ICSWriter.unfold(folded) == line)
    }

    @Test("a 75-octet line is not folded, a 76-octet one is")
    func foldingBoundary() {
        #expect(!ICSWriter.fold(String(repeating: "a", count: 75)).contains("\r\n"))
        #expect(ICSWriter.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a")
    }

    private func events(in lines: [String]) -> [[String]] {
        var events: [[String]] = []
        var current: [String]?
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [] } else if line == "END:VEVENT" {
                if let current { events.append(current) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return events
    }
}
