import Testing
import Foundation
@testable import Charte

/// Académie models and school adaptations: the bundled charters, the merge, the locks, the errors.
@Suite struct ModelsTests {
    static let bundled = ["rules/modeles/academie-exemple.charte", "rules/modeles/college-adapte.charte",
                          "rules/modeles/lycee-adapte.charte"]

    /// A school charter checked against the small model of the error examples, held in memory.
    static func adapted(_ text: String) throws -> LoadedCharter {
        let model = try #require(FileAccess.read(repositoryPath("rules/exemples-erreurs/modeles/academie.charte")))
        let search = ModelSearch(files: ["modeles/academie.charte": model], readsDisk: false)
        return CharterLoader.check(text: "adapte \"modeles/academie.charte\" version \"2026.1\"\n" + text, name: "ecole.charte", models: search)
    }

    /// `R documentaliste`, `S referent`…: a task's letters in RACI order.
    static func letters(_ task: CharterTask, _ charter: Charter) -> [String] {
        [("R", task.responsables), ("A", task.approbateurs), ("S", task.aides), ("C", task.consultes), ("I", task.informes)]
            .flatMap { letter, actors in actors.map { "\(letter) \(charter.actors[$0].id)" } }
    }

    @Test(arguments: bundled)
    func bundledChartersCheckClean(path: String) throws {
        let loaded = try CharterLoader.load(path: repositoryPath(path))
        #expect(loaded.diagnostics.map(\.code) == [])
        let report = QueryEngine(try #require(loaded.checked)).runTests()
        #expect(report.failed == 0 && report.passed > 20)
    }

    @Test func theCollegeDocumentalisteHoldsTheReferentRole() throws {
        let loaded = try CharterLoader.load(path: repositoryPath("rules/modeles/college-adapte.charte"))
        let charter = try #require(loaded.checked).model
        #expect(charter.actor(named: "referent_numerique") == nil)
        let summary = try #require(charter.adaptation)
        #expect(summary.holdings.map(\.modelRole) == ["referent_numerique"])
        #expect(summary.holdings.map(\.holders) == [["documentaliste"]])
        #expect(summary.removedTasks.map(\.id) == ["commandes_complementaires"])
        // Responsable and aide of the same task in the model: the strongest letter is kept.
        let task = try #require(charter.tasks.first { $0.id == "gisements_documentaires" })
        #expect(ModelsTests.letters(task, charter) == ["R documentaliste"])
        // The task waiting for the removed one now waits for what it waited for.
        #expect(charter.task(named: "commandes_complementaires") == nil)
    }

    @Test func theLyceeReferentAssignsTextbookLicences() throws {
        let loaded = try CharterLoader.load(path: repositoryPath("rules/modeles/lycee-adapte.charte"))
        let checked = try #require(loaded.checked)
        let engine = QueryEngine(checked)
        let text = QueryText.render(try engine.answer("qui attribuer_licence ressource(categorie: manuel)"))
        #expect(text.contains("referent_numerique"))
        #expect(text.contains("responsable  referent_numerique") && !text.contains("responsable  gestionnaire"))
        #expect(checked.model.adaptation?.changedTasks.keys.sorted()
                == ["changements_licences_manuels", "commandes_complementaires", "licences_manuels"])
    }

    @Test func aChangeReplacesTheClausesOfItsKindOnly() throws {
        let loaded = try ModelsTests.adapted("""
            modifie tache licences_manuels "Licences des manuels" {
              responsable referent
              retire aide
              informe direction
            }
            """)
        #expect(loaded.diagnostics.map(\.code) == [])
        let charter = try #require(loaded.checked).model
        let task = try #require(charter.tasks.first { $0.id == "licences_manuels" })
        #expect(task.label == "Licences des manuels")
        #expect(ModelsTests.letters(task, charter) == ["R referent", "I direction"])
        #expect(task.actions.count == 1)
    }

    @Test func positionsPointAtTheFileEachThingIsWrittenIn() throws {
        let loaded = try ModelsTests.adapted("""
            modifie tache licences_manuels {
              responsable referent
              retire aide
            }
            """)
        let engine = QueryEngine(try #require(loaded.checked))
        let text = QueryText.render(try engine.answer("qui licences_manuels"))
        #expect(text.contains("source       modeles/academie.charte, ligne 21"))
        let decision = QueryText.render(try engine.answer("peut referent attribuer ressource(categorie: manuel)"))
        #expect(decision.contains("modeles/academie.charte, ligne 21"))
    }

    @Test func aStandaloneCharterIsUnchanged() throws {
        let path = "rules/etablissement-exemple.charte"
        let bytes = try #require(FileAccess.read(repositoryPath(path)))
        let loaded = CharterLoader.check(bytes: bytes, name: path)
        #expect(loaded.effectiveTree == loaded.tree)
        #expect(loaded.sources.files.count == 1)
        #expect(loaded.checked?.model.adaptation == nil)
    }

    @Test(arguments: [
        ("retire tache licences_manuels \"x\"\nretire tache licences_manuels \"y\"", ["E702", "W501"]),
        ("modifie tache inconnue { informe direction }", ["E701"]),
        ("role documentaliste tient referent\nrole gestionnaire tient referent", []),
        ("modifie calendrier { rentree 2026-09-01 }", ["E701"]),
        ("role referent tient documentaliste\nrole gestionnaire tient referent", ["E712"]),
        ("retire test \"le gestionnaire commande\" \"x\"", []),
        ("retire test \"le gestionnaire commandes\" \"x\"", ["E701"]),
        ("verrouille interdit direction attribuer", []),
    ])
    func adaptationDiagnostics(text: String, codes: [String]) throws {
        #expect(try ModelsTests.adapted(text).diagnostics.map(\.code.rawValue) == codes)
    }

    @Test func anUnknownTargetSuggestsTheRenamedId() throws {
        let loaded = try ModelsTests.adapted("retire tache licence_manuel \"x\"")
        #expect(loaded.diagnostics.first?.message.help == "la tâche a-t-elle été renommée en « licences_manuels » dans le modèle ?")
    }

    @Test func aRuleRemovedTwiceIsNamedByItsText() throws {
        let loaded = try ModelsTests.adapted("""
            retire interdit documentaliste commander "x"
            retire interdit documentaliste commander "y"
            """)
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E708", "E702"])
        #expect(loaded.diagnostics.last?.message.text == "la règle « interdit documentaliste commander » est adaptée deux fois")
    }

    @Test func aSplitRoleBecomesBothLocalActors() throws {
        let loaded = try ModelsTests.adapted("""
            role referent_peda "Référent pédagogique" tient referent
            role referent_tech "Référent technique" tient referent
            """)
        #expect(loaded.diagnostics.map(\.code) == [])
        let charter = try #require(loaded.checked).model
        let task = try #require(charter.tasks.first { $0.id == "commandes" })
        #expect(ModelsTests.letters(task, charter) == ["R gestionnaire", "A direction", "I documentaliste", "I referent_peda", "I referent_tech"])
    }

    @Test func aMissingModelIsAnErrorAndExitsOne() {
        let result = runCLI(["verifier", repositoryPath("rules/exemples-erreurs/E700-modele-introuvable.charte")])
        #expect(result.status == 1)
        #expect(result.err.contains("erreur[E700]: modèle introuvable ou illisible « modeles/academi.charte »"))
        let query = runCLI(["qui", repositoryPath("rules/exemples-erreurs/E700-modele-introuvable.charte"), "t"])
        #expect(query.status == 1)
    }

    @Test func theModelsFolderOptionAndVariableFindAModelByName() throws {
        let directory = NSTemporaryDirectory() + "charte-modeles-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let school = directory + "/ecole.charte"
        try "adapte \"academie\" version \"2026.1\"\n".write(toFile: school, atomically: true, encoding: .utf8)
        let models = repositoryPath("rules/exemples-erreurs/modeles")
        #expect(runCLI(["verifier", school]).status == 1)
        #expect(runCLI(["verifier", "--modeles", models, school]).status == 0)
        #expect(runCLI(["verifier", school], environment: ["CHARTE_MODELES": models]).status == 0)
    }
}

/// `charte aplatir`: the effective charter as one standalone file, checked clean, answering alike.
@Suite struct FlatteningTests {
    @Test(arguments: ["rules/modeles/college-adapte.charte", "rules/modeles/lycee-adapte.charte"])
    func theFlattenedCharterChecksCleanAndAnswersAlike(path: String) throws {
        // Named by its relative path, so the golden file's header is the same on every machine.
        let bytes = try #require(FileAccess.read(repositoryPath(path)))
        let search = ModelSearch(files: ["rules/modeles/academie-exemple.charte": try #require(FileAccess.read(repositoryPath("rules/modeles/academie-exemple.charte")))])
        let adapted = try #require(CharterLoader.check(bytes: bytes, name: path, models: search).checked)
        let text = Flattening.text(of: adapted)
        let flat = CharterLoader.check(text: text, name: "aplatie.charte")
        #expect(flat.diagnostics.map(\.code) == [])
        let flattened = try #require(flat.checked)
        let answers = Flattening.answers(of: QueryEngine(adapted).runTests())
        #expect(answers.count > 20)
        #expect(answers == Flattening.answers(of: QueryEngine(flattened).runTests()))
        // Every task's `qui`, without the source line (the files differ).
        let engines = [QueryEngine(adapted), QueryEngine(flattened)]
        for task in adapted.model.tasks {
            let texts = try engines.map { engine in
                QueryText.render(try engine.answer("qui \(task.id)")).split(separator: "\n").filter { !$0.contains("source ") }
            }
            #expect(texts[0] == texts[1], "qui \(task.id)")
        }
        // Flattening a flattened charter changes nothing but the header.
        #expect(Flattening.text(of: flattened).split(separator: "\n").dropFirst(2) == text.split(separator: "\n").dropFirst(3))
        expectGolden(text, "Tests/Golden/Modeles/" + (path.split(separator: "/").last ?? "") + ".aplatie")
    }

    @Test func theCommandWritesTheFlattenedCharter() throws {
        let path = repositoryPath("rules/modeles/college-adapte.charte")
        let result = runCLI(["aplatir", path])
        #expect(result.status == 0)
        let adapted = try #require(try CharterLoader.load(path: path).checked)
        #expect(result.out == Flattening.text(of: adapted))
        #expect(runCLI(["aplatir", repositoryPath("rules/exemples-erreurs/E700-modele-introuvable.charte")]).status == 1)
    }

    @Test func montreShowsTheModelTextThenTheSchoolsChange() throws {
        let result = runCLI(["montre", "rules/modeles/lycee-adapte.charte", "licences_manuels"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("tâche « licences_manuels » — rules/modeles/academie-exemple.charte, ligne "))
        #expect(result.out.contains("    responsable gestionnaire\n"))
        #expect(result.out.contains("adapté localement — rules/modeles/lycee-adapte.charte, ligne 30\n\n  modifie tache licences_manuels"))
    }

    @Test func exportsMarkWhatTheSchoolChanged() throws {
        let adapted = try #require(try CharterLoader.load(path: repositoryPath("rules/modeles/lycee-adapte.charte")).checked)
        let markdown = CharterExporter.render(adapted, format: .markdown)
        #expect(markdown.contains("Affecter les licences des manuels de la Région dans le GAR (adapté localement)"))
        #expect(markdown.contains("Présenter au conseil de la vie lycéenne les ressources mises à disposition (adapté localement)"))
        #expect(!markdown.contains("Piloter la politique des ressources numériques (adapté localement)"))
        let json = CharterExporter.render(adapted, format: .json)
        #expect(json.contains("\"fichier\": \"" + repositoryPath("rules/modeles/academie-exemple.charte") + "\""))
    }
}
