import Foundation
import Testing
@testable import Charte

@Suite("charte journal and charte agenda on the command line")
struct JournalCommandTests {
    let refusing = temporaryFile("refus.csv", Array("""
    date;acteur;action;tache;categorie
    2026-09-07;documentaliste;attribuer_licence;;manuel
    """.utf8))
    let clean = temporaryFile("propre.csv", Array("""
    date;acteur;action;tache;categorie
    2026-08-28;gestionnaire;attribuer_licence;;manuel
    """.utf8))

    @Test("a refused action exits 1 and is listed")
    func refused() {
        let result = runCLI(["journal", journalFixturePath, refusing, "--date", "2026-09-07"], environment: ["COLUMNS": "200"])
        #expect(result.status == 1)
        #expect(result.out.contains("Actions refusées (1)"))
        #expect(result.out.contains("refusée par : Interdit : Professeur-documentaliste — Attribuer des licences dans le GAR, si la catégorie est manuel"
                                    + " (ligne \(fixtureLine(of: "interdit documentaliste attribuer_licence") ?? 0))"))
        #expect(result.err.isEmpty)
    }

    @Test("an overdue task exits 1")
    func overdue() {
        let result = runCLI(["journal", journalFixturePath, clean, "--date", "10/09/2026"])
        #expect(result.status == 1)
        #expect(result.out.contains("Tâches en retard (1)"))
    }

    @Test("nothing refused and nothing overdue exits 0")
    func success() {
        let result = runCLI(["journal", journalFixturePath, clean, "--date", "2026-09-01"])
        #expect(result.status == 0)
        #expect(result.out.contains("Bilan : 0 action refusée, 0 tâche en retard"))
    }

    @Test("JSON output parses and carries the exit code")
    func json() throws {
        let result = runCLI(["journal", journalFixturePath, refusing, "--date", "2026-09-07", "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["code_de_sortie"] as? Int == 1)
        #expect((object["refusees"] as? [Any])?.count == 1)
        #expect(runCLI(["journal", journalFixturePath, refusing, "--date", "2026-09-07", "--format", "json"]).out == result.out)
    }

    @Test("a charter with errors is never used: its diagnostics, exit 1")
    func brokenCharter() {
        let broken = temporaryFile("cassee.charte", Array("role direction\netape e { tache t { responsable directon } }\n".utf8))
        let result = runCLI(["journal", broken, clean, "--date", "2026-09-01"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("E100"))
    }

    @Test("usage problems exit 2", arguments: [
        ["journal", "/nonexistent.charte", "/nonexistent.csv"],
        ["journal", "__FIXTURE__", "/nonexistent.csv", "--date", "2026-09-01"],
        ["journal", "__FIXTURE__", "--date", "2026-09-01"],
        ["journal", "__FIXTURE__", "__FIXTURE__", "--date", "2026-02-30"],
        ["journal", "__FIXTURE__", "__FIXTURE__", "--format", "xml"],
        ["agenda", "__FIXTURE__", "--jusqu-a", "demain"],
        ["agenda"],
    ])
    func usage(_ arguments: [String]) {
        let result = runCLI(arguments.map { $0 == "__FIXTURE__" ? journalFixturePath : $0 })
        #expect(result.status == 2)
        #expect(!result.err.isEmpty)
    }

    @Test("the agenda lists what each actor has to do, without and with a journal")
    func agenda() {
        let plain = runCLI(["agenda", journalFixturePath, "--date", "2026-09-01", "--jusqu-a", "2026-09-30"])
        #expect(plain.status == 0)
        #expect(plain.out.contains("admin_ent — Administrateur de l'ENT\n  dimanche 6 septembre 2026 · R · controle_annuaire"))
        #expect(!plain.out.contains("commandes"))
        let withJournal = runCLI(["agenda", journalFixturePath, refusing, "--date", "2026-09-08", "--format", "json"])
        #expect(withJournal.status == 0)
        #expect(withJournal.out.contains("\"lettre\": \"S\""))
    }

    @Test("both commands are listed in the main help")
    func help() {
        let help = runCLI(["--help"]).out
        #expect(help.contains("journal"))
        #expect(help.contains("agenda"))
        #expect(runCLI(["journal", "--help"]).out.contains("Usage : charte journal CHARTE JOURNAL.csv"))
    }
}

@Suite("Journal JSON")
struct JournalJSONTests {
    @Test("the streamed rendering is the pretty rendering of the JSON tree")
    func streamedEqualsTree() {
        let report = checkJournal("""
        date;acteur;action;tache;categorie;mouvement
        2026-09-07;documentaliste;attribuer_licence;;manuel;
        2026-09-08;gestionnaire;attribuer_licence;;;
        2026-09-10;;mouvement_eleve;;;depart
        2026-09-11;gestionaire;attribuer_licence;;manuel;
        """, at: "2026-09-20")
        let renderer = JournalJSONRenderer(charter: journalFixture.model, charterName: "c.charte", journalName: "j.csv")
        #expect(renderer.render(report) == renderer.json(report).rendered(pretty: true) + "\n")
        let empty = checkJournal("date;acteur;action\n")
        #expect(renderer.render(empty) == renderer.json(empty).rendered(pretty: true) + "\n")
    }
}
