import Testing
@testable import Charte

@Suite("Journal: deadlines")
struct JournalDeadlineTests {
    @Test("statuses at a date", arguments: [
        ("2026-09-15", "2026-09-15", nil, "faite", 0),
        ("2026-09-15", "2026-09-20", "2026-09-10", "faite", 5),
        ("2026-09-15", "2026-09-20", "2026-09-18", "faite_en_retard", 3),
        ("2026-09-15", "2026-09-20", nil, "en_retard", 5),
        ("2026-09-15", "2026-09-08", nil, "bientot", 7),
        ("2026-09-15", "2026-09-07", nil, "a_venir", 8),
    ] as [(String, String, String?, String, Int)])
    func statuses(_ due: String, _ date: String, _ done: String?, _ status: String, _ days: Int) {
        let result = DeadlineStatus.of(due: day(due), doneOn: done.map(day), at: day(date))
        if done == nil, due == date {
            #expect(result.status == .dueSoon && result.days == 0)
        } else {
            #expect(result.status.rawValue == status)
            #expect(result.days == days)
        }
    }

    @Test("each fixed deadline gets its status from the journal")
    func fixedDeadlines() {
        let journal = """
        date;acteur;action;tache
        2026-09-04;admin_ent;;controle_annuaire
        2026-09-18;gestionnaire;;licences_manuels
        """
        let early = checkJournal(journal, at: "2026-10-01")
        #expect(early.statuses(of: "controle_annuaire") == ["0:faite:2"])
        #expect(early.statuses(of: "licences_manuels") == ["0:faite_en_retard:3"])
        #expect(early.statuses(of: "licences_autres") == ["0:en_retard:16"])
        #expect(early.statuses(of: "commandes") == ["0:a_venir:8"])
        #expect(checkJournal(journal, at: "2026-10-02").statuses(of: "commandes") == ["0:bientot:7"])
        #expect(early.hasProblems)
    }

    @Test("each event opens one instance per triggered task, due event date + delai")
    func eventInstances() {
        let report = checkJournal("""
        date;acteur;action;tache;mouvement
        2026-09-10;;mouvement_eleve;;depart
        2026-09-12;;mouvement_eleve;;arrivee
        """, at: "2026-09-14")
        #expect(report.statuses(of: "signalement") == ["1:en_retard:1", "2:bientot:1"])
        #expect(report.statuses(of: "reaffectation") == ["1:bientot:1", "2:bientot:3"])
        let dues = report.instances.filter { $0.occurrence > 0 }.map { "\($0.due)" }
        #expect(dues == ["2026-09-13", "2026-09-15", "2026-09-15", "2026-09-17"])
        #expect(report.instances.first { $0.occurrence == 2 }?.eventLine == 3)
    }

    @Test("a completion closes the oldest open instance, even in an unsorted journal")
    func oldestFirst() {
        let report = checkJournal("""
        date;acteur;action;tache;mouvement
        2026-09-14;direction;signaler_mouvement;signalement;depart
        2026-09-12;;mouvement_eleve;;arrivee
        2026-09-10;;mouvement_eleve;;depart
        2026-09-16;direction;signaler_mouvement;signalement;arrivee
        """, at: "2026-09-20")
        #expect(report.statuses(of: "signalement") == ["1:faite_en_retard:1", "2:faite_en_retard:1"])
        let first = report.instances.first { $0.occurrence == 1 && journalFixture.model.tasks[$0.task].id == "signalement" }
        #expect(first?.eventLine == 4)
        #expect(first?.doneLine == 2)
        #expect(report.statuses(of: "reaffectation") == ["1:en_retard:5", "2:en_retard:3"])
    }

    @Test("an event and its completion on the same day: the event comes first")
    func sameDay() {
        let report = checkJournal("""
        date;acteur;action;tache
        2026-09-10;direction;signaler_mouvement;signalement
        2026-09-10;;mouvement_eleve;
        """, at: "2026-09-20")
        #expect(report.statuses(of: "signalement") == ["1:faite:3"])
        #expect(report.issues.isEmpty)
    }

    @Test("a completion with no open instance is reported")
    func noOpenInstance() {
        let report = checkJournal("""
        date;acteur;action;tache
        2026-09-09;direction;signaler_mouvement;signalement
        2026-09-10;;mouvement_eleve;
        """, at: "2026-09-20")
        #expect(report.issueCodes == ["2:tache_sans_occurrence"])
        #expect(report.statuses(of: "signalement") == ["1:en_retard:7"])
    }

    @Test("tasks done before their prerequisites are out of order")
    func outOfOrder() {
        let report = checkJournal("""
        date;acteur;action;tache
        2026-09-05;gestionnaire;;licences_manuels
        2026-09-06;admin_ent;;controle_annuaire
        2026-09-06;documentaliste;;licences_autres
        """, at: "2026-10-01")
        let items = report.outOfOrder.map { item in
            "\(journalFixture.model.tasks[item.task].id)<\(journalFixture.model.tasks[item.prerequisite].id):\(item.prerequisiteDoneOn.map(\.description) ?? "-")"
        }
        #expect(items == ["licences_manuels<controle_annuaire:2026-09-06"])
        let pending = checkJournal("date;acteur;action;tache\n2026-09-05;gestionnaire;;licences_manuels\n").outOfOrder
        #expect(pending.map(\.prerequisiteDoneOn) == [nil])
    }

    @Test("the summary counts instances under their responsables")
    func roleSummary() {
        let report = checkJournal("""
        date;acteur;action;tache
        2026-09-04;admin_ent;;controle_annuaire
        """, at: "2026-10-01")
        let charter = journalFixture.model
        let byRole = Dictionary(uniqueKeysWithValues: report.roles.map { (charter.actors[$0.actor].id, $0) })
        #expect(byRole["admin_ent"]?.count(.doneOnTime) == 1)
        #expect(byRole["gestionnaire"]?.count(.overdue) == 1)
        #expect(byRole["gestionnaire"]?.count(.upcoming) == 1)
        #expect(byRole["documentaliste"]?.count(.overdue) == 1)
        #expect(byRole["direction"] == nil)
    }

    @Test("the agenda lists open instances by actor and letter, up to a date")
    func agenda() {
        let report = checkJournal("""
        date;acteur;action;tache
        2026-09-04;admin_ent;;controle_annuaire
        2026-09-10;;mouvement_eleve;
        """, at: "2026-09-11")
        let charter = journalFixture.model
        let agenda = Agenda(charter: charter, instances: report.instances, date: day("2026-09-11"), until: day("2026-09-30"))
        let lines = agenda.entries.map { entry in
            charter.actors[entry.actor].id + ": " + entry.items.map { "\(charter.tasks[$0.instance.task].id)/\($0.letter.rawValue)" }
                .joined(separator: " ")
        }
        #expect(lines == [
            "direction: signalement/R",
            "gestionnaire: licences_manuels/R reaffectation/R",
            "documentaliste: licences_autres/R",
            "admin_ent: licences_manuels/S",
        ])
        let all = Agenda(charter: charter, instances: report.instances, date: day("2026-09-11"))
        #expect(all.entries.first { charter.actors[$0.actor].id == "direction" }?.items.map(\.letter) == [.responsible, .approver])
    }
}
