import Testing
@testable import Charte

/// The query engine on `Tests/Fixtures/Queries/college.charte`: what each query form answers.
@Suite("Requêtes : réponses")
struct QueriesEngineTests {
    static func who(_ query: String) throws -> WhoAnswer {
        guard case .who(let answer) = try queryEngine().answer(query) else { throw WrongAnswer() }
        return answer
    }

    static func may(_ query: String, in engine: QueryEngine? = nil) throws -> MayAnswer {
        guard case .may(let answer) = try (engine ?? queryEngine()).answer(query) else { throw WrongAnswer() }
        return answer
    }

    struct WrongAnswer: Error {}

    // MARK: - qui, three-valued logic (spec section 12, "manquants")

    /// A query, the tasks whose condition holds, and the `selon` tasks with their missing attributes.
    static let whoCases: [(query: String, results: [String], selon: [String])] = [
        ("qui attribuer_licence ressource(categorie: manuel)", ["licences_manuels"], []),
        // A false conjunct (categorie != manuel) makes licence irrelevant: not even in selon.
        ("qui attribuer_licence ressource(categorie: manuel, licence: flottante)", ["licences_manuels"], []),
        ("qui attribuer_licence ressource(categorie: documentaire)", [],
         ["licences_nominatives: licence", "licences_flottantes: licence"]),
        ("qui attribuer_licence ressource(licence: flottante)", [],
         ["licences_manuels: categorie", "licences_flottantes: categorie"]),
        ("qui attribuer_licence ressource()", [],
         ["licences_manuels: categorie", "licences_nominatives: categorie, licence", "licences_flottantes: categorie, licence"]),
        // No object literal is exactly like `ressource()`.
        ("qui attribuer_licence", [],
         ["licences_manuels: categorie", "licences_nominatives: categorie, licence", "licences_flottantes: categorie, licence"]),
        // A true disjunct (categorie == outil) settles `ou` whatever abonnement is.
        ("qui diffuser ressource(categorie: outil)", ["diffusion_ent"], []),
        ("qui diffuser ressource(abonnement: faux)", [], ["diffusion_portail: categorie", "diffusion_ent: categorie"]),
        ("qui diffuser ressource(abonnement: vrai)", ["diffusion_ent"], ["diffusion_portail: categorie"]),
        // `non abonnement` on an unknown abonnement is unknown.
        ("qui commander ressource()", [], ["commandes: abonnement", "gratuites: abonnement"]),
        ("qui commander ressource(abonnement: faux)", ["gratuites"], []),
        // An action without object: every task performing it.
        ("qui piloter", ["pilotage"], []),
    ]

    @Test("qui : tâches certaines, et selon l'objet avec les attributs manquants", arguments: whoCases)
    func whoAction(_ query: String, _ results: [String], _ selon: [String]) throws {
        let answer = try QueriesEngineTests.who(query)
        #expect(answer.results.map(\.task) == results)
        #expect(answer.conditional.map { "\($0.task): \($0.missing.joined(separator: ", "))" } == selon)
    }

    @Test("qui : le RACI complet, trié, avec l'étape, le libellé et la ligne")
    func fullRACI() throws {
        let card = try #require(try QueriesEngineTests.who("qui attribuer_licence ressource(categorie: manuel)").results.first)
        #expect(card.step == "gerer")
        #expect(card.stepLabel == "Gérer les licences")
        #expect(card.label == "Attribuer les licences des manuels dans le GAR")
        #expect(card.responsables == ["gestionnaire"])
        #expect(card.approbateurs == ["conseil_pedagogique"])
        #expect(card.consultes == ["support_gar"])
        #expect(card.aides.isEmpty && card.informes.isEmpty)
        #expect(card.position == SourcePosition(file: "Tests/Fixtures/Queries/college.charte", line: 61))
        let informed = try #require(try QueriesEngineTests.who("qui pilotage").results.first)
        #expect(informed.informes == ["documentaliste", "gestionnaire"])
    }

    @Test("qui : plusieurs tâches aux responsables différents, c'est une ambiguïté")
    func ambiguity() throws {
        let answer = try QueriesEngineTests.who("qui diffuser ressource(categorie: documentaire, abonnement: vrai)")
        #expect(answer.results.map(\.task) == ["diffusion_portail", "diffusion_ent"])
        #expect(answer.isAmbiguous)
        #expect(answer.responsables == ["documentaliste", "referent"])
        #expect(QueryText.render(answer).contains("ambiguïté"))
        #expect(try !QueriesEngineTests.who("qui diffuser ressource(categorie: outil)").isAmbiguous)
    }

    @Test("qui TACHE : le RACI de la tâche")
    func whoTask() throws {
        let answer = try QueriesEngineTests.who("qui gratuites")
        #expect(answer.subject == .task("gratuites"))
        #expect(answer.results.map(\.responsables) == [["documentaliste"]])
        #expect(answer.results.map(\.aides) == [["referent"]])
    }

    static let searches: [(String, [String])] = [
        ("qui \"licences\"", ["licences_manuels", "licences_nominatives", "licences_flottantes"]),
        ("qui \"licence\"", ["licences_manuels", "licences_nominatives", "licences_flottantes"]),
        ("qui \"LICENCES manuels\"", ["licences_manuels"]),
        ("qui \"credits ETAT\"", ["commandes"]),          // in the note, accents and case folded
        ("qui \"Élèves, départs\"", ["mouvements"]),      // punctuation is not a word
        ("qui \"licences gratuites\"", []),              // every word must occur
        ("qui \"  \"", []),
    ]

    @Test("qui \"mots\" : chaque mot, replié, dans le libellé ou la note", arguments: searches)
    func search(_ query: String, _ tasks: [String]) throws {
        #expect(try QueriesEngineTests.who(query).results.map(\.task) == tasks)
    }

    // MARK: - peut

    static let mayCases: [(query: String, outcome: Outcome, missing: [String], rules: [String])] = [
        ("peut documentaliste commander ressource(abonnement: faux)", .allowed, [], ["tache gratuites 51"]),
        ("peut documentaliste commander ressource(abonnement: vrai)", .refused, [], ["interdit interdit documentaliste commander 104"]),
        // Unknown forbid, unknown permission: indetermine, naming the attribute that settles it.
        ("peut documentaliste commander ressource()", .undetermined, ["abonnement"],
         ["tache gratuites 51", "interdit interdit documentaliste commander 104"]),
        ("peut documentaliste commander", .undetermined, ["abonnement"],
         ["tache gratuites 51", "interdit interdit documentaliste commander 104"]),
        ("peut direction commander ressource(abonnement: faux)", .refused, [], ["defaut defaut -"]),
        ("peut direction commander ressource(abonnement: vrai)", .allowed, [], ["autorise autorise direction commander 105"]),
        // An aide is permitted, an approbateur is not.
        ("peut referent commander ressource(abonnement: faux)", .allowed, [], ["tache gratuites 51"]),
        ("peut conseil_pedagogique attribuer_licence ressource(categorie: manuel)", .refused, [], ["defaut defaut -"]),
        ("peut referent attribuer_licence ressource(categorie: outil)", .undetermined, ["licence"], ["tache licences_flottantes 75"]),
    ]

    @Test("peut : décision, attributs manquants, règles et lignes", arguments: mayCases)
    func may(_ query: String, _ outcome: Outcome, _ missing: [String], _ rules: [String]) throws {
        let answer = try QueriesEngineTests.may(query)
        #expect(answer.outcome == outcome)
        #expect(answer.missing == missing)
        #expect(answer.rules.map { "\($0.kind.rawValue) \($0.id) \($0.position.map { String($0.line) } ?? "-")" } == rules)
    }

    @Test("peut : un interdit inconnu sans aucune permission, c'est un refus (refus par défaut)")
    func unknownForbidWithoutPermission() throws {
        let engine = try queryEngine(text: """
        role compta "Comptable"
        objet livre { prix: nombre }
        action preter sur livre
        etape e { tache t { responsable compta } }
        interdit compta preter si prix > 100
        """)
        let answer = try QueriesEngineTests.may("peut compta preter livre()", in: engine)
        #expect(answer.outcome == .refused)
        #expect(answer.rules.map(\.kind) == [.default])
    }

    // MARK: - Person names

    @Test("peut : une personne agit avec chacun de ses rôles")
    func personWithSeveralRoles() throws {
        let answer = try QueriesEngineTests.may("peut \"M. Petit\" attribuer_licence ressource(categorie: outil, licence: flottante)")
        #expect(answer.actor == "M. Petit")
        #expect(answer.roles == ["gestionnaire", "referent"])
        #expect(answer.outcome == .allowed)
        #expect(answer.rules.map(\.id) == ["licences_flottantes"])
    }

    @Test("peut : un nom de personne se compare sans casse ni accents")
    func personFolded() throws {
        #expect(try QueriesEngineTests.may("peut \"mme lea durand\" diffuser ressource(categorie: outil)").outcome == .allowed)
        #expect(try QueriesEngineTests.may("peut \"MME MARTIN\" diffuser ressource(categorie: documentaire)").roles == ["documentaliste"])
    }

    @Test("peut : une interdiction pour l'un des rôles d'une personne l'emporte")
    func personForbiddenInOneRole() throws {
        let engine = try queryEngine(text: """
        role a "A" { personnes "Mme X" }
        role b "B" { personnes "Mme X" }
        action agir
        etape e { tache t { responsable a
                            action agir } }
        interdit b agir
        """)
        let answer = try QueriesEngineTests.may("peut \"Mme X\" agir", in: engine)
        #expect(answer.outcome == .refused)
        #expect(answer.rules.map(\.kind) == [.forbid])
    }

    // MARK: - Unknown names

    static let unknownNames: [(query: String, code: String, underlined: String, suggestions: [String])] = [
        ("qui atribuer_licence ressource()", "E103", "atribuer_licence", ["attribuer_licence"]),
        ("qui licences_manuel", "E103", "licences_manuel", ["licences_manuels"]),
        ("peut documentalist commander", "E100", "documentalist", ["documentaliste"]),
        ("peut \"Mme Martine\" commander", "E100", "\"Mme Martine\"", ["Mme Martin"]),
        ("peut documentaliste comander", "E103", "comander", ["commander"]),
        ("taches conseil_pedagogiqe", "E100", "conseil_pedagogiqe", ["conseil_pedagogique"]),
        ("qui commander ressourse()", "E105", "ressourse", ["ressource"]),
        ("qui commander eleve(mouvement: arrivee)", "E200", "eleve", []),
        ("qui commander ressource(categori: manuel)", "E106", "categori", ["categorie"]),
        ("qui commander ressource(categorie: manuels)", "E106", "manuels", ["manuel"]),
        ("qui commander ressource(abonnement: 3)", "E200", "3", []),
        ("qui commander ressource(categorie: manuel, categorie: outil)", "E101", "categorie", []),
        ("qui gratuites ressource()", "E200", "ressource()", []),
        ("echeances rentre", "E107", "rentre", ["rentree"]),
        ("montre licences_manuel", "E010", "licences_manuel", ["licences_manuels"]),
    ]

    @Test("noms inconnus : mêmes codes et suggestions que le vérificateur", arguments: unknownNames)
    func unknownName(_ query: String, _ code: String, _ underlined: String, _ suggestions: [String]) throws {
        switch answerOrCodes(try queryEngine(), query) {
        case .success(let answer):
            Issue.record("réponse inattendue : \(answer)")
        case .failure(let failure):
            #expect(failure.codes == [code])
            #expect(failure.underlined == [underlined])
            #expect(failure.suggestions == suggestions)
        }
    }

    @Test("une charte en erreur ne répond jamais")
    func failClosed() {
        let loaded = CharterLoader.check(text: "role a \"A\"\netape e { tache t { responsable b } }", name: "casse.charte")
        #expect(loaded.checked?.model == nil)
        #expect(throws: CharterRefusal.self) { try loaded.requireChecked() }
        do {
            _ = QueryEngine(try loaded.requireChecked())
        } catch {
            #expect(error.diagnostics.map(\.code).contains(.E100))
            #expect(error.description.contains("casse.charte:2"))
        }
    }

    // MARK: - taches

    @Test("taches : la fiche de poste, étape par étape, avec les tâches des instances")
    func jobSheet() throws {
        guard case .tasks(let sheet) = try queryEngine().answer("taches documentaliste") else { throw WrongAnswer() }
        #expect(sheet.roles == ["documentaliste"])
        #expect(sheet.instances == ["conseil_numerique", "conseil_pedagogique"])
        #expect(sheet.steps.map(\.step) == ["en_amont", "acquerir", "gerer", "suivre"])
        let lines = sheet.steps.flatMap(\.assignments).map {
            "\($0.letter.rawValue) \($0.task) \($0.holder)\($0.throughInstance ? " (instance)" : "")"
        }
        #expect(lines == [
            "I pilotage documentaliste",
            "C commandes documentaliste",
            "R gratuites documentaliste",
            "A licences_manuels conseil_pedagogique (instance)",
            "R licences_nominatives documentaliste",
            "R diffusion_portail documentaliste",
            "I mouvements documentaliste",
            "R bilan conseil_numerique (instance)",
        ])
        let gratuites = sheet.steps[1].assignments[1]
        #expect(gratuites.due == .date(try #require(CalendarDate(year: 2026, month: 10, day: 9)), written: "toussaint - 8 jours"))
        #expect(gratuites.actions == ["commander"])
        let mouvements = sheet.steps[3].assignments[0]
        #expect(mouvements.due == .afterEvent(event: "mouvement_eleve", delay: ResolvedDuration(amount: 3, unit: .days)))
    }

    @Test("taches : une personne voit les tâches de tous ses rôles")
    func jobSheetOfPerson() throws {
        guard case .tasks(let sheet) = try queryEngine().answer("taches \"M. Petit\"") else { throw WrongAnswer() }
        #expect(sheet.roles == ["gestionnaire", "referent"])
        #expect(sheet.steps.flatMap(\.assignments).map(\.task) == [
            "pilotage", "commandes", "gratuites", "licences_manuels", "licences_flottantes", "diffusion_ent", "mouvements", "bilan",
        ])
    }

    // MARK: - echeances, montre

    @Test("echeances : par date, à partir d'une date, les tâches sur événement à part")
    func deadlines() throws {
        let engine = try queryEngine()
        let all = engine.deadlines()
        #expect(all.dated.map { "\($0.date) \($0.task)" } == [
            "2026-09-01 pilotage", "2026-09-15 commandes", "2026-09-22 licences_manuels", "2026-09-22 licences_nominatives",
            "2026-10-01 licences_flottantes", "2026-10-09 gratuites", "2027-06-03 bilan",
        ])
        #expect(all.triggered.map(\.task) == ["mouvements"])
        guard case .deadlines(let later) = try engine.answer("echeances 2026-09-22") else { throw WrongAnswer() }
        #expect(later.dated.first?.task == "licences_manuels")
        #expect(later.dated.count == 5)
        guard case .deadlines(let named) = try engine.answer("echeances toussaint") else { throw WrongAnswer() }
        #expect(named.from == CalendarDate(year: 2026, month: 10, day: 17))
        #expect(named.dated.map(\.task) == ["bilan"])
    }

    @Test("montre : la déclaration telle qu'elle est écrite, avec son fichier et sa ligne")
    func show() throws {
        let shown = try queryEngine().show("conseil_numerique")
        #expect(shown.symbol == .actor(5))
        #expect(shown.text == "instance conseil_numerique \"Conseil numérique\" { membres conseil_pedagogique, referent }")
        #expect(shown.position == SourcePosition(file: "Tests/Fixtures/Queries/college.charte", line: 15))
        let task = try queryEngine().show("gratuites")
        #expect(task.text.hasPrefix("tâche gratuites \"Activer les ressources gratuites\" {\n  responsable documentaliste"))
        #expect(task.text.hasSuffix("\n}"))
    }
}
