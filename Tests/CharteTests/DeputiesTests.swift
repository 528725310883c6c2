import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

private let example = "rules/etablissement-exemple.charte"

/// The example charter's engine (the documentaliste's leave, 12 January – 6 February 2027).
private func exampleEngine() throws -> QueryEngine {
    guard let bytes = FileAccess.read(repositoryPath(example)) else { throw FixtureMissing(path: example) }
    return QueryEngine(try CharterLoader.check(bytes: bytes, name: example).requireChecked())
}

/// Dated questions on the example charter: golden text and JSON.
@Suite("Suppléances : questions datées")
struct DeputyQueriesGoldenTests {
    static let cases: [(name: String, query: String)] = [
        ("suppleance-peut-pendant", "peut referent_numerique attribuer_licence ressource(categorie: outil) le 2027-01-20"),
        ("suppleance-peut-apres", "peut referent_numerique attribuer_licence ressource(categorie: outil) le 09/02/2027"),
        ("suppleance-peut-avant", "peut referent_numerique attribuer_licence ressource(categorie: documentaire) le 2027-01-11"),
        ("suppleance-peut-sans-date", "peut referent_numerique attribuer_licence ressource(categorie: outil)"),
        ("suppleance-peut-interdit", "peut referent_numerique attribuer_licence ressource(categorie: manuel) le 2027-01-20"),
        ("suppleance-peut-indetermine", "peut referent_numerique attribuer_licence ressource() le 2027-01-20"),
        ("suppleance-peut-titulaire", "peut documentaliste attribuer_licence ressource(categorie: outil) le 2027-01-20"),
        ("suppleance-qui-action", "qui attribuer_licence ressource(categorie: outil) le 2027-01-20"),
        ("suppleance-qui-tache", "qui changements_licences_ressources le 2027-02-06"),
        ("suppleance-qui-hors-periode", "qui changements_licences_ressources le 2027-02-07"),
        ("suppleance-taches-suppleant", "taches referent_numerique le 2027-01-20"),
        ("suppleance-taches-absent", "taches documentaliste le 2027-01-20"),
        ("suppleance-taches-nom-du-calendrier", "taches referent_numerique le rentree"),
    ]

    @Test("réponse datée en texte, en mots et en JSON", arguments: cases)
    func golden(_ name: String, _ query: String) throws {
        let engine = try exampleEngine()
        let answer = try engine.answer(query)
        expectGolden(QueryText.render(answer), "Tests/Golden/Queries/\(name).txt")
        // In words, the suppléances name the actors by their labels, as the rest of the answer does.
        expectGolden(QueryText.render(answer, charter: engine.charter), "Tests/Golden/Queries/\(name).mots.txt")
        expectGolden(QueryJSON.encode(answer).rendered(pretty: true) + "\n", "Tests/Golden/Queries/\(name).json")
    }

    static let errorCases: [(name: String, query: String)] = [
        ("suppleance-erreur-date-impossible", "peut referent_numerique attribuer_licence ressource(categorie: outil) le 2027-02-30"),
        ("suppleance-erreur-mois", "taches referent_numerique le 12/13/2027"),
        ("suppleance-erreur-nom-du-calendrier", "qui attribuer_licence ressource(categorie: outil) le rentre"),
        ("suppleance-erreur-acteur", "peut referent_numerik attribuer_licence ressource(categorie: outil) le 2027-01-20"),
        ("suppleance-erreur-sans-date", "peut referent_numerique attribuer_licence le"),
        ("suppleance-erreur-echeances", "echeances le 2027-01-20"),
        ("suppleance-erreur-texte", "qui \"licences\" le 2027-01-20"),
    ]

    @Test("diagnostics d'une question datée fautive", arguments: errorCases)
    func goldenError(_ name: String, _ query: String) throws {
        do {
            let answer = try exampleEngine().answer(query)
            Issue.record("réponse inattendue : \(answer)")
        } catch let error as QueryError {
            expectGolden(error.description, "Tests/Golden/Queries/\(name).txt")
        }
    }

    @Test("une question sans date garde la forme de la v1 (ni date ni suppleances)")
    func undatedShapeIsUnchanged() throws {
        let engine = try exampleEngine()
        for query in ["peut referent_numerique attribuer_licence ressource(categorie: outil)", "qui changements_licences_ressources",
                      "taches referent_numerique"] {
            let json = QueryJSON.encode(try engine.answer(query)).rendered()
            #expect(!json.contains("\"date\"") && !json.contains("suppleances"), "\(query)")
        }
    }

    @Test("--date sur peut, qui, taches et requete : la réponse datée, en mots (JSON identique à « le DATE »)")
    func dateOption() throws {
        let path = repositoryPath(example)
        let peut = runCLI(["peut", path, "referent_numerique", "attribuer_licence", "ressource(categorie: outil)", "--date", "20/01/2027"])
        #expect(peut.status == 0 && peut.err.isEmpty)
        expectGolden(portable(peut.out), "Tests/Golden/Queries/suppleance-cli-peut-pendant.txt")
        let requete = runCLI(["requete", path, "peut referent_numerique attribuer_licence ressource(categorie: outil)", "--date", "2027-02-09"])
        #expect(requete.status == 0)
        expectGolden(portable(requete.out), "Tests/Golden/Queries/suppleance-cli-peut-apres.txt")
        let taches = runCLI(["taches", path, "referent_numerique", "-d", "2027-01-20", "--format", "json"])
        #expect(taches.status == 0)
        expectGolden(portable(taches.out), "Tests/Golden/Queries/suppleance-taches-suppleant.json")
        let qui = runCLI(["qui", path, "changements_licences_ressources", "--date", "2027-02-06"])
        #expect(qui.status == 0)
        expectGolden(portable(qui.out), "Tests/Golden/Queries/suppleance-cli-qui-tache.txt")
    }

    @Test("--date invalide : erreur d'usage, code 2", arguments: ["2027-02-30", "32/01/2027", "demain", "2027-1-20"])
    func badDateOption(_ value: String) {
        let result = runCLI(["peut", repositoryPath(example), "referent_numerique", "attribuer_licence", "--date", value])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err == "charte peut : date invalide « \(value) » pour --date (attendu AAAA-MM-JJ ou JJ/MM/AAAA)\nLancez « charte peut --help » pour l'aide.\n")
    }

    @Test("echeances et montre n'ont pas --date")
    func noDateOptionElsewhere() {
        let result = runCLI(["echeances", repositoryPath(example), "--date", "2027-01-20"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("charte echeances : option inconnue « --date »"))
    }

    @Test("la boucle interactive répond aux questions datées comme la requête")
    func repl() throws {
        var session = ReplSession()
        #expect(!session.submit(":charger \(repositoryPath(example))").isError)
        let engine = try exampleEngine()
        for query in ["peut referent_numerique attribuer_licence ressource(categorie: outil) le 2027-01-20",
                      "taches referent_numerique le 20/01/2027"] {
            let output = session.submit(query)
            #expect(!output.isError)
            #expect(portable(output.text) == portable(QueryText.render(try engine.answer(query), charter: engine.charter, width: session.width)))
        }
    }
}

/// The decision rules of suppléances, on small charters.
@Suite("Suppléances : décisions datées")
struct DeputyDecisionTests {
    static func charter(_ deputy: String, extra: String = "") -> String {
        """
        calendrier "2026-2027" {
          rentree 2026-09-01
          fin_annee 2027-07-03
        }
        role doc "Documentaliste" { personnes "Mme Doc" }
        role ref "Référent" { personnes "M. Ref" }
        role gest "Gestionnaire"
        objet ressource "Ressource" {
          categorie: manuel | outil
          discipline: texte
        }
        action attribuer "Attribuer" sur ressource
        etape gar "GAR" {
          tache licences "Licences" {
            responsable doc
            action attribuer si categorie == outil
          }
          tache manuels "Manuels" {
            responsable gest
            action attribuer si categorie == manuel
          }
        }
        \(deputy)
        \(extra)
        """
    }

    static func may(_ text: String, _ query: String) throws -> MayAnswer {
        guard case .may(let answer) = try queryEngine(text: text).answer(query) else { throw NotAMayAnswer() }
        return answer
    }

    @Test("signature : le suppléant reçoit, le titulaire garde la compétence")
    func signature() throws {
        let text = DeputyDecisionTests.charter("suppleance doc par ref du 2027-01-12 au 2027-02-06")
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-01-12").outcome == .allowed)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-02-06").outcome == .allowed)
        #expect(try DeputyDecisionTests.may(text, "peut doc attribuer ressource(categorie: outil) le 2027-01-20").outcome == .allowed)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-02-07").outcome == .refused)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-01-11").outcome == .refused)
        // Only what the absent actor holds: manuals stay with gest.
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: manuel) le 2027-01-20").outcome == .refused)
        // A person's name stands for its roles on that day too.
        let person = try DeputyDecisionTests.may(text, "peut \"M. Ref\" attribuer ressource(categorie: outil) le 2027-01-20")
        #expect(person.outcome == .allowed)
        #expect(person.rules.map(\.id) == ["licences", "suppleance doc par ref"])
        #expect(person.deputies.map(\.state) == [.enCours])
    }

    @Test("pouvoir : la compétence passe au suppléant, le titulaire ne l'a plus pendant la période")
    func pouvoir() throws {
        let text = DeputyDecisionTests.charter("suppleance doc par ref du 2027-01-12 au 2027-02-06 { nature pouvoir }")
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-01-20").outcome == .allowed)
        let absent = try DeputyDecisionTests.may(text, "peut doc attribuer ressource(categorie: outil) le 2027-01-20")
        #expect(absent.outcome == .refused)
        #expect(absent.rules.map(\.kind) == [.deputy])
        #expect(try DeputyDecisionTests.may(text, "peut doc attribuer ressource(categorie: outil) le 2027-02-07").outcome == .allowed)
        // Undated, nothing moves.
        #expect(try DeputyDecisionTests.may(text, "peut doc attribuer ressource(categorie: outil)").outcome == .allowed)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil)").outcome == .refused)
        // Unknown category: the competence may or may not have moved.
        let unknown = try DeputyDecisionTests.may(text, "peut doc attribuer ressource() le 2027-01-20")
        #expect(unknown.outcome == .undetermined)
        #expect(unknown.missing == ["categorie"])
    }

    @Test("l'interdiction du suppléant n'est jamais levée")
    func deputyForbidStays() throws {
        let text = DeputyDecisionTests.charter("suppleance doc par ref du 2027-01-12 au 2027-02-06",
                                               extra: "interdit ref attribuer si discipline == \"SVT\"")
        let answer = try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil, discipline: \"SVT\") le 2027-01-20")
        #expect(answer.outcome == .refused)
        #expect(answer.rules.map(\.kind) == [.forbid])
        // An unknown forbid never permits.
        let unknown = try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-01-20")
        #expect(unknown.outcome == .undetermined)
        #expect(unknown.missing == ["discipline"])
    }

    @Test("une suppléance par action, avec sa condition")
    func scopedByAction() throws {
        let text = DeputyDecisionTests.charter("""
            suppleance doc par ref du 2027-01-12 au 2027-02-06 { action attribuer si discipline == "Anglais" }
            """)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil, discipline: \"Anglais\") le 2027-01-20").outcome == .allowed)
        #expect(try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil, discipline: \"SVT\") le 2027-01-20").outcome == .refused)
        let unknown = try DeputyDecisionTests.may(text, "peut ref attribuer ressource(categorie: outil) le 2027-01-20")
        #expect(unknown.outcome == .undetermined && unknown.missing == ["discipline"])
    }

    @Test("pas de sous-délégation : le suppléant d'un suppléant ne reçoit pas ce que le premier a reçu")
    func noChain() throws {
        let text = DeputyDecisionTests.charter("suppleance doc par ref du 2027-01-12 au 2027-01-20",
                                               extra: "suppleance ref par gest du 2027-01-21 au 2027-02-06")
        #expect(try DeputyDecisionTests.may(text, "peut gest attribuer ressource(categorie: outil) le 2027-01-25").outcome == .refused)
    }

    @Test("sans suppléance, la décision datée est celle sans date", arguments: ["rules/college-petit.charte", "rules/lycee-region.charte"])
    func sameAsUndatedWithoutDeputies(_ path: String) throws {
        let loaded = try #require(try? CharterLoader.load(path: repositoryPath(path)))
        let authorizer = Authorizer(charter: try loaded.requireChecked())
        let date = try #require(CalendarDate(year: 2027, month: 3, day: 1))
        let model = loaded.model
        for action in model.actions.indices {
            let object = ObjectValue.unknown(type: model.actions[action].objectType,
                                             attributeCount: model.actions[action].objectType.map { model.objectTypes[$0].attributes.count } ?? 0)
            for actor in model.actors.indices {
                let dated = authorizer.decide(actors: [actor], action: action, object: object, on: date)
                #expect(dated.decision == authorizer.decide(actors: [actor], action: action, object: object))
                #expect(dated.deputies.isEmpty)
                #expect(authorizer.outcome(actors: [actor], action: action, object: object, on: date) == dated.decision.outcome)
            }
        }
    }
}

/// The journal decides each row at its date.
@Suite("Suppléances : le journal")
struct DeputyJournalTests {
    static let charterText = DeputyDecisionTests.charter("""
        suppleance doc par ref du 2027-01-12 au 2027-02-06 { note "Congé" }
        suppleance gest par ref du 2027-01-25 au 2027-01-29
        incompatibles doc, gest note "Deux services"
        incompatibles attribuer, commander
        action commander "Commander" sur ressource
        autorise ref commander
        """)

    static func report(_ csv: String) throws -> (JournalReport, Charter) {
        let loaded = CharterLoader.check(text: charterText, name: "essai.charte")
        let checked = try loaded.requireChecked()
        let date = try #require(CalendarDate(year: 2027, month: 6, day: 30))
        return (JournalChecker(charter: checked, date: date).check(bytes: Array(csv.utf8)), loaded.model)
    }

    static let csv = """
        date;acteur;pour le compte de;action;categorie;discipline
        2027-01-20;ref;doc;attribuer;outil;Anglais
        2027-02-09;ref;doc;attribuer;outil;Anglais
        2027-01-05;M. Ref;;attribuer;outil;SVT
        2027-01-20;ref;Mme Dok;attribuer;outil;SVT
        2027-01-26;ref;;attribuer;manuel;Maths
        2027-03-01;M. Ref;;commander;outil;Anglais

        """

    @Test("chaque ligne est décidée à sa date, la suppléance citée ; le texte exact")
    func text() throws {
        let (report, charter) = try DeputyJournalTests.report(DeputyJournalTests.csv)
        let text = JournalTextRenderer(charter: charter, charterName: "essai.charte", journalName: "journal.csv").render(report)
        expectGolden(text, "Tests/CharteTests/Golden/journal/suppleances.texte.attendu")
        #expect(report.counts.permitted == 3)
        #expect(report.deputyActions.map(\.line) == [2, 6])
        #expect(report.refused.map(\.line) == [3, 4])
        #expect(report.refused.first?.verdict.deputies.map(\.state) == [.terminee])
        #expect(report.issues.map(\.code) == ["pour_inconnu"])
        #expect(report.incompatibilities.count == 2)
        #expect(report.hasProblems)
    }

    @Test("le JSON : suppleances, incompatibilites, pour")
    func json() throws {
        let (report, charter) = try DeputyJournalTests.report(DeputyJournalTests.csv)
        let json = JournalJSONRenderer(charter: charter, charterName: "essai.charte", journalName: "journal.csv").render(report)
        expectGolden(json, "Tests/CharteTests/Golden/journal/suppleances.json.attendu")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    @Test("une incompatibilité seule fait échouer le journal")
    func incompatibilityFails() throws {
        let (report, _) = try DeputyJournalTests.report("""
            date;acteur;action;categorie;discipline
            2027-01-20;ref;attribuer;outil;Anglais
            2027-01-21;ref;commander;outil;Anglais
            2027-01-21;ref;commander;outil;SVT

            """)
        #expect(report.counts.refused == 0 && report.counts.notVerifiable == 0)
        guard case .actions(let first, let second, let firstLine, let object)? = report.incompatibilities.map(\.kind).first else {
            Issue.record("pas d'incompatibilité : \(report.incompatibilities)")
            return
        }
        #expect(report.incompatibilities.count == 1)
        #expect(first == "attribuer" && second == "commander" && firstLine == 2 && report.incompatibilities[0].line == 3)
        #expect(object == "ressource(categorie: outil, discipline: \"Anglais\")")
        #expect(report.hasProblems)
    }
}
struct NotAMayAnswer: Error {}

/// The agenda and one person's calendar show a deputy's tasks during the window.
@Suite("Suppléances : agenda et calendrier")
struct DeputyAgendaTests {
    @Test("l'agenda du suppléant reçoit les tâches confiées dues pendant la période")
    func agenda() throws {
        let loaded = try CharterLoader.load(path: repositoryPath(example))
        let checked = try loaded.requireChecked()
        let date = try #require(CalendarDate(year: 2027, month: 1, day: 14))
        let report = JournalChecker(charter: checked, date: date).check(bytes: FileAccess.read(repositoryPath("rules/journal-2026-2027.csv")) ?? [])
        let agenda = Agenda(charter: checked, instances: report.instances, date: date, until: CalendarDate(year: 2027, month: 2, day: 28))
        let text = AgendaTextRenderer(charter: loaded.model, charterName: example, journalName: "rules/journal-2026-2027.csv").render(agenda)
        expectGolden(text, "Tests/CharteTests/Golden/journal/agenda-suppleance.texte.attendu")
        let referent = try #require(agenda.entries.first { loaded.model.actors[$0.actor].id == "referent_numerique" })
        #expect(referent.items.compactMap(\.deputy) == [0])
    }

    @Test("le calendrier ICS du suppléant ajoute la période et ses tâches")
    func ics() throws {
        let checked = try CharterLoader.load(path: repositoryPath(example)).requireChecked()
        guard case .found(let attendee) = CalendarAttendee.resolve("referent_numerique", in: checked) else {
            Issue.record("referent_numerique introuvable")
            return
        }
        let ics = ICSExport.render(checked, attendee: attendee)
        expectGolden(ics, "Tests/CharteTests/Golden/journal/referent-suppleance.ics.attendu")
        #expect(ics.contains("SUMMARY:Suppléance de Professeur-documentaliste\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20270112\r\nDTEND;VALUE=DATE:20270207\r\n"))
        guard case .found(let absent) = CalendarAttendee.resolve("documentaliste", in: checked) else { return }
        #expect(!ICSExport.render(checked, attendee: absent).contains("Suppléance"))
    }
}
