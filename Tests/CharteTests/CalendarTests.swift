import Testing
import Foundation
@testable import Charte

/// A charter around a calendar block and some tasks, checked from text.
private func charter(calendar: String, tasks: String = "") -> LoadedCharter {
    CharterLoader.check(text: """
        calendrier "2026-2027" {
        \(calendar)
        }
        role direction "Direction"
        objet eleve "Élève" { mouvement: arrivee | depart }
        evenement mouvement_eleve "Mouvement d'élève" sur eleve
        etape annee "L'année" {
          tache repere "Repère" { responsable direction  echeance 2026-09-02 }
        \(tasks)
        }
        """, name: "calendrier.charte")
}

/// The diagnostics as `CODE underlined-text`.
private func rendered(_ loaded: LoadedCharter) -> [String] {
    loaded.diagnostics.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range))" }
}

private func date(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text)) ?? CalendarDate(year: 1, month: 1, day: 1)! }

@Suite struct PublicHolidayTests {
    @Test(arguments: [
        (2000, "2000-04-23"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
        (2027, "2027-03-28"), (2028, "2028-04-16"), (2038, "2038-04-25"), (1818, "1818-03-22"), (2285, "2285-03-22"),
    ])
    func easter(year: Int, expected: String) {
        #expect(PublicHolidays.easter(year: year)?.description == expected)
    }

    @Test func theElevenHolidaysOf2027() {
        let holidays = PublicHolidays.holidays(year: 2027).map { "\($0.date) \($0.label)" }
        #expect(holidays == [
            "2027-01-01 Jour de l'an", "2027-03-29 Lundi de Pâques", "2027-05-01 Fête du Travail",
            "2027-05-06 Ascension", "2027-05-08 Victoire 1945", "2027-05-17 Lundi de Pentecôte",
            "2027-07-14 Fête nationale", "2027-08-15 Assomption", "2027-11-01 Toussaint",
            "2027-11-11 Armistice 1918", "2027-12-25 Noël",
        ])
    }

    @Test func yearsAtTheEdgesOfTheCalendar() {
        #expect(PublicHolidays.holidays(year: 1).count == 11)
        #expect(PublicHolidays.holidays(year: 9999).count == 11)
        #expect(PublicHolidays.holidays(year: 0).isEmpty)
    }
}

@Suite struct WorkingDayTests {
    static let noelOnly: SchoolCalendar = {
        var calendar = SchoolCalendar(label: "2026-2027")
        calendar.entries = [SchoolCalendar.Entry(name: "noel", start: date("2026-12-19"), end: date("2027-01-03"), span: Span(file: FileID(0), start: 0, end: 0))]
        calendar.index = ["noel": 0]
        return calendar
    }()

    @Test(arguments: [
        ("2026-09-01", 3, true, "2026-09-04"),    // Tuesday + 3: Friday
        ("2026-09-04", 1, true, "2026-09-07"),    // Friday + 1: Monday
        ("2026-09-05", 1, true, "2026-09-07"),    // from a Saturday
        ("2026-09-01", 0, true, "2026-09-01"),
        ("2026-11-10", 1, true, "2026-11-12"),    // 11 November skipped
        ("2026-12-17", 2, true, "2027-01-04"),    // Friday 18, then the Christmas holidays
        ("2027-03-26", 1, true, "2027-03-30"),    // Easter Monday 2027-03-29 skipped
        ("2027-05-05", 1, true, "2027-05-07"),    // Ascension 2027-05-06 skipped
        ("2027-05-14", 1, true, "2027-05-18"),    // Whit Monday 2027-05-17 skipped
        ("2027-01-04", 1, false, "2026-12-18"),   // backwards over the holidays
        ("2026-09-07", 3, false, "2026-09-02"),
    ] as [(String, Int, Bool, String)])
    func adding(from: String, count: Int, forward: Bool, expected: String) {
        let days = WorkingDays(calendar: WorkingDayTests.noelOnly)
        #expect(days.adding(count, to: date(from), forward: forward)?.description == expected)
    }

    @Test func withoutACalendarOnlyWeekendsAndPublicHolidaysAreSkipped() {
        let days = WorkingDays(calendar: nil)
        #expect(days.adding(2, to: date("2026-12-17"))?.description == "2026-12-21")
        #expect(days.adding(1, to: date("2026-12-24"))?.description == "2026-12-28")
    }

    @Test func hugeCountsAreRefusedNotLooped() {
        let days = WorkingDays(calendar: nil)
        #expect(days.adding(Int.max, to: date("2026-09-01")) == nil)
        #expect(days.adding(3_000_000, to: date("2026-09-01")) == nil)
        #expect(days.adding(-1, to: date("2026-09-01")) == nil)
        #expect(days.adding(10, to: date("9999-12-30")) == nil)
    }

    @Test func aPeriodCoveringEverythingEndsTheWalk() {
        var calendar = SchoolCalendar(label: nil)
        calendar.entries = [SchoolCalendar.Entry(name: "tout", start: date("0001-01-01"), end: date("9999-12-31"), span: Span(file: FileID(0), start: 0, end: 0))]
        #expect(WorkingDays(calendar: calendar).adding(1, to: date("2026-09-01")) == nil)
        #expect(WorkingDays(calendar: calendar).nearestWorkingDay(to: date("2026-09-05")) == nil)
    }

    @Test(arguments: [
        ("2026-09-19", "2026-09-18"),   // Saturday: Friday is nearer
        ("2026-09-20", "2026-09-21"),   // Sunday: Monday is nearer
        ("2027-05-17", "2027-05-18"),   // Whit Monday: Tuesday (Friday is three days back)
        ("2026-09-18", "2026-09-18"),
    ])
    func nearestWorkingDay(day: String, expected: String) {
        #expect(WorkingDays(calendar: nil).nearestWorkingDay(to: date(day))?.description == expected)
    }
}

@Suite struct OfficialCalendarTests {
    /// The independent transcription: for each zone, `label start end` lines.
    static func transcribed(zone: String) throws -> [String] {
        let text = try String(contentsOfFile: repositoryPath("Tests/CharteTests/Fixtures/calendriers-officiels.tsv"), encoding: .utf8)
        var lines: [String] = []
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, cells[1].split(separator: " ").contains(Substring(zone)) else { continue }
            // "samedi 17/10/2026": the weekday is checked too.
            func day(_ cell: String) throws -> CalendarDate {
                let parts = cell.split(separator: " ")
                let value = try #require(CalendarDate(journal: String(parts.last ?? "")))
                #expect(DateText.weekday(value) == String(parts.first ?? ""), "\(cell)")
                return value
            }
            let start = try day(cells[3])
            if cells.count > 4, !cells[4].isEmpty {
                let end = try #require(try day(cells[4]).adding(days: -1))   // the day before classes resume
                lines.append("\(cells[2]) \(start) \(end)")
            } else {
                lines.append("\(cells[2]) \(start)")
            }
        }
        return lines.sorted()
    }

    @Test(arguments: ["A", "B", "C"])
    func tableMatchesTheIndependentCopy(zone: String) throws {
        let official = try #require(OfficialCalendars.Zone(written: zone))
        guard case .entries(let rows) = OfficialCalendars.lookup(zone: official, year: "2026-2027") else {
            Issue.record("zone \(zone) missing")
            return
        }
        let table = rows.map { row in "\(row.label) \(row.start)" + (row.end.map { " \($0)" } ?? "") }.sorted()
        #expect(table == (try OfficialCalendarTests.transcribed(zone: zone)))
    }

    @Test func zoneBFillsTheCalendar() {
        let loaded = charter(calendar: "zone B")
        #expect(rendered(loaded) == [])
        let calendar = loaded.model.calendar
        #expect(calendar?.zone == "B")
        #expect(calendar?.entries.filter { $0.end != nil }.map { "\($0.name) \($0.start) \($0.end.map(String.init(describing:)) ?? "")" } == [
            "toussaint 2026-10-17 2026-11-01", "noel 2026-12-19 2027-01-03", "hiver 2027-02-20 2027-03-07",
            "printemps 2027-04-17 2027-05-02", "pont_ascension 2027-05-06 2027-05-09",
        ])
        #expect(calendar?.displayName(of: "noel") == "Vacances de Noël")
        #expect(calendar?.first?.description == "2026-08-31")
        #expect(calendar?.last?.description == "2027-07-03")
    }

    @Test func writtenDatesAddToAndOverrideTheOfficialOnes() {
        let loaded = charter(calendar: """
            zone C
            hiver 2027-02-13 .. 2027-02-28
            noel "Congés de fin d'année" 2026-12-19 .. 2027-01-03
            conseil_classe "Conseils de classe" 08/12/2026
            """)
        #expect(rendered(loaded) == [])
        let calendar = loaded.model.calendar
        let hiver = calendar?.index["hiver"].flatMap { calendar?.entries[$0] }
        #expect(hiver?.start.description == "2027-02-13")
        #expect(hiver?.label == "Vacances d'hiver")
        #expect(hiver?.isOfficial == false)
        #expect(calendar?.displayName(of: "noel") == "Congés de fin d'année")
        #expect(calendar?.displayName(of: "conseil_classe") == "Conseils de classe")
        #expect(calendar?.entries.filter { $0.name == "hiver" }.count == 1)
    }

    @Test(arguments: [
        ("zone Corse", "E108 Corse"),
        ("zone corse", "E108 corse"),
        ("zone D", "E108 D"),
        ("zone Bretagne", "E108 Bretagne"),
    ])
    func unavailableZones(calendar: String, expected: String) {
        let loaded = charter(calendar: calendar)
        #expect(rendered(loaded) == [expected])
        #expect(loaded.model.calendar?.entries.count == 0)
    }

    @Test func anUnpublishedYearIsRefusedNotGuessed() {
        let loaded = CharterLoader.check(text: """
            calendrier "2027-2028" { zone A  rentree 2027-09-01  fin_annee 2028-07-01 }
            role direction "Direction"
            etape e { tache t { responsable direction  echeance rentree + 1 jour } }
            """, name: "annee.charte")
        #expect(rendered(loaded) == ["E108 A"])
        #expect(loaded.diagnostics.first?.message == .officialCalendarUnavailable(zone: "A", year: "2027-2028", available: [OfficialYear(year: "2026-2027", zones: ["A", "B", "C"])]))
        // The dates written in the charter are still used: the rest is checked.
        #expect(loaded.model.tasks.first?.deadline?.description == "2027-09-02")
    }

    @Test(arguments: ["calendrier { zone B }", "calendrier \"2026\" { zone B }", "calendrier \"2026-2028\" { zone B }", "calendrier \"année\" { zone B }"])
    func aZoneNeedsTheSchoolYear(calendar: String) {
        let loaded = CharterLoader.check(text: calendar + "\nrole d \"D\"\netape e { tache t { responsable d } }\n", name: "annee.charte")
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E108"])
    }

    @Test func zoneStaysAnOrdinaryName() {
        let loaded = charter(calendar: "zone 2026-09-10\nrentree 2026-09-01\nfin_annee 2027-07-03", tasks: "tache z { responsable direction  echeance zone }")
        #expect(rendered(loaded) == [])
        #expect(loaded.model.tasks.map { $0.deadline?.description } == ["2026-09-02", "2026-09-10"])
    }
}

@Suite struct WorkingDayDeadlineTests {
    @Test(arguments: [
        ("rentree + 3 jours ouvres", "2026-09-04", "Rentrée des élèves + 3 jours ouvrés"),
        ("rentree + 3 jours ouvrés", "2026-09-04", "Rentrée des élèves + 3 jours ouvrés"),
        ("rentree + 1 jour OUVRÉ", "2026-09-02", "Rentrée des élèves + 1 jour ouvré"),
        ("toussaint - 1 jour ouvre", "2026-10-16", "Vacances de la Toussaint - 1 jour ouvré"),
        ("noel + 1 jour ouvre", "2027-01-04", "Vacances de Noël + 1 jour ouvré"),
        ("2026-11-10 + 1 jour ouvre", "2026-11-12", "2026-11-10 + 1 jour ouvré"),
        ("10/11/2026 + 2 jours ouvres + 1 semaine", "2026-11-20", "2026-11-10 + 2 jours ouvrés + 1 semaine"),
    ])
    func deadlines(expression: String, expected: String, text: String) {
        let loaded = charter(calendar: "zone A", tasks: "tache t { responsable direction  echeance \(expression) }")
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.code) == [])
        #expect(loaded.model.tasks.last?.deadline?.description == expected)
        #expect(loaded.model.tasks.last?.deadlineText == text)
    }

    @Test(arguments: [
        ("2026-09-19", ["W403 2026-09-19"], "échéance 2026-09-19 un samedi", "le jour ouvré le plus proche est le vendredi 18 septembre 2026 (2026-09-18)"),
        ("2026-09-20", ["W403 2026-09-20"], "échéance 2026-09-20 un dimanche", "le jour ouvré le plus proche est le lundi 21 septembre 2026 (2026-09-21)"),
        ("2026-11-11", ["W403 2026-11-11"], "échéance 2026-11-11 un jour férié (Armistice 1918)", "le jour ouvré le plus proche est le mardi 10 novembre 2026 (2026-11-10)"),
        ("2027-05-17", ["W403 2027-05-17"], "échéance 2027-05-17 un jour férié (Lundi de Pentecôte)", "le jour ouvré le plus proche est le mardi 18 mai 2027 (2027-05-18)"),
        ("2027-02-20", ["W402 2027-02-20"], "échéance 2027-02-20 pendant « Vacances d'hiver »", "choisissez une date hors vacances"),
        ("2027-07-10", ["W401 2027-07-10"], "échéance 2027-07-10 hors du calendrier (du 2026-08-31 au 2027-07-03)", nil),
        ("2026-09-18", [], nil, nil),
    ] as [(String, [String], String?, String?)])
    func closedDays(deadline: String, expected: [String], message: String?, help: String?) {
        let loaded = charter(calendar: "zone B", tasks: "tache t { responsable direction  echeance \(deadline) }")
        #expect(rendered(loaded) == expected)
        #expect(loaded.diagnostics.first?.message.text == message)
        if let help { #expect(loaded.diagnostics.first?.message.help == help) }
    }

    @Test func weekendDeadlinesAreNotReportedWithoutACalendar() {
        let loaded = CharterLoader.check(text: "role d \"D\"\netape e { tache t { responsable d  echeance 2026-09-19 } }\n", name: "sans.charte")
        #expect(loaded.diagnostics.map(\.code) == [])
    }

    @Test func badWorkingDayDurations() {
        let loaded = charter(calendar: "zone B", tasks: """
            tache t { responsable direction  echeance rentree + 99999999999 jours ouvres }
            tache u { responsable direction  echeance rentree + 2 semaines ouvres }
            tache v { responsable direction  echeance rentree + 2 ouvres }
            """)
        #expect(rendered(loaded) == ["E003 rentree + 99999999999 jours ouvres", "E010 ouvres", "E010 ouvres"])
    }

    @Test func journalEventsAreDueInWorkingDays() throws {
        let loaded = charter(calendar: "zone B", tasks: """
            tache mouvements "Signaler les mouvements" {
              responsable direction
              quand mouvement_eleve
              delai 3 jours ouvres
            }
            """)
        #expect(rendered(loaded) == [])
        let csv = """
            date;acteur;action;tache;mouvement
            16/10/2026;;mouvement_eleve;;arrivee
            09/11/2026;;mouvement_eleve;;depart
            """
        let report = JournalChecker(charter: loaded.model, charterSource: loaded.file, date: date("2026-11-30")).check(bytes: Array(csv.utf8))
        let due = report.instances.filter { loaded.model.tasks[$0.task].id == "mouvements" }.map(\.due.description)
        // Friday 16 October: the Toussaint holidays, then 2, 3 and 4 November.
        // Monday 9 November: 10, 12 (11 is a public holiday) and 13.
        #expect(due == ["2026-11-04", "2026-11-13"])
    }
}

@Suite struct FrenchDateTests {
    @Test func queriesAcceptFrenchDates() throws {
        let loaded = charter(calendar: "rentree 01/09/2026\nfin_annee 03/07/2027", tasks: "tache t { responsable direction  echeance 30/06/2027 }")
        #expect(rendered(loaded) == [])
        let engine = QueryEngine(try loaded.requireChecked())
        #expect(QueryText.render(try engine.answer("echeances 30/06/2027")) == QueryText.render(try engine.answer("echeances 2027-06-30")))
        #expect(QueryText.render(try engine.answer("echeances 1/7/2027")).contains("2027-06-30") == false)
    }

    @Test func formatterKeepsTheWritersDateStyle() {
        let source = "calendrier \"2026-2027\" {\n  zone B\n  bilan \"Bilan\" 8/12/2026\n  stage 2027-01-11 .. 22/01/2027\n}\n"
        let formatted = Charte.Formatter.format(text: source, name: "f.charte").text
        #expect(formatted.flatMap { Charte.Formatter.format(text: $0).text } == formatted)
        #expect(formatted == "calendrier \"2026-2027\" {\n  zone B\n  bilan \"Bilan\" 08/12/2026\n  stage 2027-01-11 .. 22/01/2027\n}\n")
    }
}

@Suite struct CalendarCompletionTests {
    /// `echeances` completes the official calendar's names too.
    @Test func echeancesCompletesOfficialNames() {
        let loaded = CharterLoader.check(text: "calendrier \"2026-2027\" { zone B }\nrole d \"D\"\netape e { tache t { responsable d  echeance rentree + 2 jours ouvres } }\n", name: "c.charte")
        let completion = QueryCompletion.complete(line: "echeances p", cursor: 11, charter: loaded.model)
        #expect(completion.candidates == ["pont_ascension", "prerentree", "printemps"])
        let holidays = QueryCompletion.complete(line: "echeances lundi", cursor: 15, charter: loaded.model)
        #expect(holidays.candidates == ["lundi_paques", "lundi_pentecote"])
    }
}
