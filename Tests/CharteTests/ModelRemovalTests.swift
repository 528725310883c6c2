import Testing
@testable import Charte

/// `retire etape` and `retire role`: removed once nothing kept needs them, E713 otherwise.
@Suite struct ModelRemovalTests {
    @Test func aStepWhoseTasksAreAllRemovedGoes() throws {
        let loaded = try ModelsTests.adapted("""
            retire tache licences_manuels "pas de manuels numériques"
            retire tache licences_ressources "pas de licences"
            retire etape gerer "rien à gérer"
            etape bilan "Bilan" apres gerer {
              tache rapport "Rapport" {
                responsable direction
              }
            }
            """)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.code) == [])
        let charter = try #require(loaded.checked).model
        #expect(charter.steps.map(\.id) == ["acquerir", "bilan"])
        // The school's step that waited for the removed one waits for what it waited for.
        let bilan = try #require(charter.steps.last)
        #expect(bilan.after.map { charter.steps[$0].id } == ["acquerir"])
    }

    @Test func aStepThatKeepsATaskIsE713() throws {
        let loaded = try ModelsTests.adapted("""
            retire tache licences_manuels "x"
            retire etape gerer "y"
            """)
        let diagnostic = try #require(loaded.diagnostics.first)
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E713", "W501"])
        #expect(diagnostic.message.text == "l'étape « gerer » garde des tâches : elle ne peut pas être retirée")
        // The note points at the task kept, in the model's file.
        let note = try #require(diagnostic.notes.first)
        #expect(note.span?.file != diagnostic.span.file)
        let steps = loaded.effectiveTree.declarations.compactMap { if case .step(let step) = $0 { step.name.text } else { nil } }
        #expect(steps == ["acquerir", "gerer"])
    }

    @Test func aRoleStillNamedIsE713() throws {
        let loaded = try ModelsTests.adapted("retire role referent \"pas de référent\"")
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E713"])
        #expect(loaded.diagnostics.first?.message.text == "le rôle « referent » est encore nommé : il ne peut pas être retiré")
        #expect(loaded.diagnostics.first?.notes.first?.message.text == "encore employé ici")
    }

    @Test func aRoleNoLongerNamedGoes() throws {
        let loaded = try ModelsTests.adapted("""
            modifie tache commandes { informe documentaliste }
            modifie tache licences_manuels { retire aide }
            retire role referent "pas de référent"
            """)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.map(\.code) == [])
        let charter = try #require(loaded.checked).model
        #expect(!charter.actors.contains { $0.id == "referent" })
        #expect(charter.actors.contains { $0.id == "documentaliste" })
    }

    @Test(arguments: [
        ("retire etape inconnue \"x\"", ["E701"]),
        ("retire role referant \"x\"", ["E701"]),
        ("role documentaliste tient referent\nretire role referent \"x\"", ["E702"]),
        ("modifie etape gerer { }\nretire etape gerer \"x\"", ["E702"]),
        ("retire role referent \"x\"\nretire role referent \"y\"", ["E713", "E702"]),
    ])
    func removalDiagnostics(text: String, codes: [String]) throws {
        #expect(try ModelsTests.adapted(text).diagnostics.map(\.code.rawValue).sorted() == codes.sorted())
    }

    @Test func anUnknownRoleSuggestsTheClosestRole() throws {
        let loaded = try ModelsTests.adapted("retire role referant \"x\"")
        #expect(loaded.diagnostics.first?.message.text == "le modèle n'a pas de rôle « referant »")
        #expect(loaded.diagnostics.first?.message.help == "le rôle a-t-il été renommé en « referent » dans le modèle ?")
    }

    @Test func theFormatterKeepsBothRemovals() throws {
        let text = """
            adapte "modeles/academie.charte" version "2026.1"

            retire etape gerer "rien à gérer"
            retire role referent "pas de référent"

            """
        #expect(Formatter.format(text: text).text == text)
    }
}

/// E701's « renommée en … ? » found by the words of ids and labels.
@Suite struct RenamedTargetTests {
    /// The error examples' model with `licences_manuels` renamed, its label kept.
    static func renamedModel(_ school: String) throws -> LoadedCharter {
        let model = try #require(FileAccess.read(repositoryPath("rules/exemples-erreurs/modeles/academie.charte")))
        let renamed = String(decoding: model, as: UTF8.self).replacing("licences_manuels", with: "attribution_manuels")
        let search = ModelSearch(files: ["modeles/academie.charte": Array(renamed.utf8)], readsDisk: false)
        return CharterLoader.check(text: "adapte \"modeles/academie.charte\" version \"2026.1\"\n" + school,
                                   name: "ecole.charte", models: search)
    }

    @Test func aTaskRenamedWithItsLabelKeptIsSuggested() throws {
        let loaded = try RenamedTargetTests.renamedModel("modifie tache licences_manuels { informe direction }")
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E701"])
        #expect(loaded.diagnostics.first?.message.help == "la tâche a-t-elle été renommée en « attribution_manuels » dans le modèle ?")
    }

    @Test func theLabelTheSchoolWroteCounts() throws {
        // One word of the id (`licences`, shared by two tasks) is not enough; the label tells them apart.
        let loaded = try RenamedTargetTests.renamedModel("modifie tache licences_num \"Licences des manuels\" { informe direction }")
        #expect(loaded.diagnostics.first?.message.help == "la tâche a-t-elle été renommée en « attribution_manuels » dans le modèle ?")
    }

    @Test(arguments: ["modifie tache inconnue { informe direction }", "modifie tache ressources_licences_manuels_x { informe direction }"])
    func noSharedWordsOrATieSuggestsNothing(school: String) throws {
        let loaded = try RenamedTargetTests.renamedModel(school)
        #expect(loaded.diagnostics.first?.message.help == "vérifiez l'identifiant dans le modèle (charte montre ID sur le modèle)")
    }
}
