import Testing
@testable import Charte

@Suite("Journal: permissions and reading")
struct JournalCheckTests {
    @Test("the fixture charter checks without diagnostics but its Sunday deadline (W403)")
    func fixtureIsClean() {
        #expect(journalFixture.diagnostics.map(\.message) == [
            .deadlineOnClosedDay(date: CalendarDate(year: 2026, month: 9, day: 6)!, day: .sunday, nearest: CalendarDate(year: 2026, month: 9, day: 7)),
        ])
    }

    @Test("a refused action names the forbid that decided it, with its line")
    func refusedByForbid() throws {
        let report = checkJournal("""
        date;acteur;action;tache;categorie
        2026-09-07;documentaliste;attribuer_licence;;manuel
        """)
        let refused = try #require(report.refused.first)
        #expect(refused.line == 2)
        #expect(refused.objectText == "ressource(categorie: manuel)")
        #expect(refused.rules == [JournalRule(kind: .forbid, id: "interdit documentaliste attribuer_licence",
                                              line: fixtureLine(of: "interdit documentaliste attribuer_licence"))])
        #expect(report.hasProblems)
    }

    @Test("an action nobody permits is refused by default")
    func refusedByDefault() throws {
        let report = checkJournal("""
        date,acteur,action,abonnement
        2026-09-20,admin_ent,commander,oui
        """)
        let refused = try #require(report.refused.first)
        #expect(refused.rules.map(\.kind) == [.default])
        #expect(refused.attributes.map(\.raw) == ["vrai"])
    }

    @Test("a permitted action is counted, not listed")
    func permitted() {
        let report = checkJournal("""
        date;acteur;action;categorie
        2026-09-07;gestionnaire;attribuer_licence;manuel
        2026-09-07;admin_ent;attribuer_licence;Manuel
        """)
        #expect(report.flagged.isEmpty)
        #expect(report.counts.actions == 2)
        #expect(report.roles.filter { $0.permitted > 0 }.map { "\(journalFixture.model.actors[$0.actor].id):\($0.permitted)" }
                == ["gestionnaire:1", "admin_ent:1"])
    }

    @Test("a missing attribute makes the decision undecided, naming it")
    func undecided() throws {
        let report = checkJournal("""
        date;acteur;action;categorie
        2026-09-07;gestionnaire;attribuer_licence;
        """)
        let row = try #require(report.undecided.first)
        #expect(row.outcome == .undetermined)
        #expect(row.missing == ["categorie"])
        #expect(row.rules.map(\.id) == ["licences_manuels"])
        #expect(report.refused.isEmpty)
    }

    @Test("a person acts with every role that lists them")
    func personsActAsRoles() {
        let report = checkJournal("""
        date;acteur;action;categorie
        2026-09-07;Mme Durand;attribuer_licence;manuel
        2026-09-07;mme martin;attribuer_licence;manuel
        """)
        #expect(report.refused.map(\.line) == [3])
        #expect(report.refused.first?.roles == ["documentaliste"])
        #expect(report.counts.actions == 2)
    }

    @Test("unknown names get a finding with a suggestion", arguments: [
        ("2026-09-07;gestionaire;attribuer_licence;;manuel", "2:acteur_inconnu", ["gestionnaire"]),
        ("2026-09-07;Mme Martn;attribuer_licence;;manuel", "2:acteur_inconnu", ["Mme Martin"]),
        ("2026-09-07;gestionnaire;atribuer_licence;;manuel", "2:action_inconnue", ["attribuer_licence"]),
        ("2026-09-07;gestionnaire;;licence_manuels;", "2:tache_inconnue", ["licences_manuels"]),
        ("2026-09-07;gestionnaire;attribuer_licence;;manuels", "2:valeur_invalide", ["manuel"]),
    ])
    func unknownNames(_ row: String, _ code: String, _ suggestions: [String]) {
        let report = checkJournal("date;acteur;action;tache;categorie\n" + row + "\n")
        #expect(report.issueCodes == [code])
        #expect(report.issues.first?.suggestions == suggestions)
    }

    @Test("booleans accept vrai/faux, oui/non and 1/0 in any case", arguments: [
        ("VRAI", true), ("faux", false), ("Oui", true), ("NON", false), ("1", true), ("0", false),
    ])
    func booleans(_ cell: String, _ value: Bool) {
        #expect(JournalCell.boolean(cell) == value)
    }

    @Test("a cell that is not a boolean is reported and taken as unknown")
    func badBoolean() {
        let report = checkJournal("date;acteur;action;abonnement\n2026-09-07;gestionnaire;commander;peut-être\n")
        #expect(report.issueCodes == ["2:valeur_invalide"])
        #expect(report.flagged.isEmpty)  // the task permits commander on every object
    }

    @Test("dates are ISO or French; a time after them is ignored", arguments: [
        ("2026-09-03", "2026-09-03"), ("03/09/2026", "2026-09-03"), ("3/9/2026", "2026-09-03"),
        ("2026-09-03T10:15:00", "2026-09-03"), ("03/09/2026 10:15", "2026-09-03"),
    ])
    func dates(_ cell: String, _ expected: String) {
        #expect(CalendarDate(journal: cell) == day(expected))
    }

    @Test("malformed and impossible dates are refused", arguments: ["2026-02-30", "31/02/2027", "2026-9-3", "03-09-2026",
                                                                   "demain", "2026/09/03", "12345-01-01", ""])
    func badDates(_ cell: String) {
        #expect(CalendarDate(journal: cell) == nil)
    }

    @Test("bad rows are reported with their line and the rest is read")
    func badRows() {
        let report = checkJournal("""
        date;acteur;action;tache;categorie
        ;gestionnaire;attribuer_licence;;manuel
        31/02/2026;gestionnaire;attribuer_licence;;manuel
        2026-09-07;gestionnaire;;;
        2026-09-07;gestionnaire;attribuer_licence;;manuel;en trop
        2026-09-07;gestionnaire;attribuer_licence;;manuel;;
        ;;;;
        2026-09-08;;attribuer_licence;;manuel
        2026-09-08;documentaliste;attribuer_licence;;manuel
        """)
        #expect(report.issueCodes == ["2:date_absente", "3:date_illisible", "4:ligne_sans_action", "5:champs_en_trop",
                                      "8:acteur_absent"])
        #expect(report.refused.map(\.line) == [9])
        #expect(report.counts.actions == 2)
        #expect(report.counts.rows == 7)  // the blank row is not counted
        #expect(report.counts.skipped == 4)
        #expect(report.counts.unverifiable == 1)  // the action without an actor
        #expect(report.hasProblems)
    }

    @Test("a short row is read with its missing cells empty")
    func shortRow() throws {
        let report = checkJournal("""
        date;acteur;action;tache;categorie
        2026-09-07;documentaliste;attribuer_licence
        2026-09-07;documentaliste
        """)
        let row = try #require(report.flagged.first)
        #expect(row.outcome == .undetermined)
        #expect(row.missing == ["categorie"])
        #expect(report.issueCodes == ["3:ligne_sans_action"])
    }

    @Test("the header is matched without case or accents; unknown columns are reported")
    func header() {
        let report = checkJournal("""
        Date;ACTEUR;Action;Tâche;Catégorie;categorei;Commentaire
        2026-09-07;documentaliste;attribuer_licence;;manuel;x;une erreur
        """)
        #expect(report.issueCodes == ["1:colonne_inconnue"])
        #expect(report.issues.first?.suggestions == ["categorie"])
        #expect(report.refused.count == 1)
    }

    @Test("a header without a date column cannot be checked", arguments: ["acteur;action\nx;y\n", "", "date;acteur\n"])
    func unusableHeader(_ csv: String) {
        let report = checkJournal(csv)
        #expect(!report.headerUsable)
        #expect(report.hasProblems)
        #expect(!report.issues.isEmpty)
    }

    @Test("a Windows-1252 journal is read, with a warning")
    func windows1252Journal() {
        // "date;acteur;action;tâche;catégorie\n2026-09-07;documentaliste;attribuer_licence;;manuel\n" in Windows-1252.
        var bytes = Array("date;acteur;action;t".utf8) + [0xE2] + Array("che;cat".utf8) + [0xE9] + Array("gorie\n".utf8)
        bytes += Array("2026-09-07;documentaliste;attribuer_licence;;manuel\n".utf8)
        let report = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-10-01"))
            .check(bytes: bytes)
        #expect(report.encoding == .windows1252)
        #expect(report.issueCodes == ["1:encodage"])
        #expect(report.refused.count == 1)
    }

    @Test("rows dated after the date of the check are left out")
    func afterDate() {
        let report = checkJournal("""
        date;acteur;action;categorie
        2026-09-07;documentaliste;attribuer_licence;manuel
        2026-12-07;documentaliste;attribuer_licence;manuel
        """, at: "2026-10-01")
        #expect(report.refused.map(\.line) == [2])
        #expect(report.counts.afterDate == 1)
    }

    @Test("a journal file that does not exist cannot be read")
    func missingJournal() {
        let checker = JournalChecker(charter: journalFixture.model, charterSource: journalFixture.file, date: day("2026-10-01"))
        #expect(throws: CSVReadError.unreadable) { try checker.check(path: "/nonexistent/journal.csv") }
    }
}
