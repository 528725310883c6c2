import Testing
import Charte  // not @testable: the README's example must need only the public API

// MARK: - The README's embedding example, verbatim

func licenceQuestions(charterAt path: String) throws -> (responsables: [String], decision: Outcome, deadlines: String) {
    let loaded = try CharterLoader.load(path: path)          // or CharterLoader.check(text:name:)
    let engine = QueryEngine(try loaded.requireChecked())   // a charter with errors throws its CharterRefusal
    let who = try engine.who("attribuer_licence", object: "ressource(categorie: manuel)")
    let may = try engine.may(actor: "Mme Martin", action: "attribuer_licence",
                             object: "ressource(categorie: documentaire, licence: nominative)")
    let text = QueryText.render(try engine.answer("echeances 2026-09-01"))  // the French text of any query
    return (who.responsables, may.outcome, text)             // (["gestionnaire"], .allowed, "Échéances …")
}

// MARK: -

/// The library used from another program: load, query with typed answers, fail closed.
@Suite("Requêtes : la bibliothèque embarquée")
struct QueriesEmbeddingTests {
    @Test("l'exemple du README se compile et répond")
    func readmeExample() throws {
        let answer = try licenceQuestions(charterAt: repositoryPath("Tests/Fixtures/Queries/college.charte"))
        #expect(answer.responsables == ["gestionnaire"])
        #expect(answer.decision == .allowed)
        #expect(answer.deadlines.hasPrefix("Échéances à partir du 2026-09-01 :\n"))
    }

    @Test("un fichier illisible lève LoadError, une charte en erreur CharterRefusal avec ses diagnostics")
    func failures() {
        #expect(throws: LoadError.unreadable(path: "/nonexistent.charte")) {
            try licenceQuestions(charterAt: "/nonexistent.charte")
        }
        let broken = CharterLoader.check(text: "role a \"A\"\netape e { tache t { responsable b } }", name: "casse.charte")
        do {
            _ = QueryEngine(try broken.requireChecked())
            Issue.record("une charte en erreur a répondu")
        } catch {
            #expect(error.diagnostics.contains { $0.code == .E100 })
            #expect(error.description.contains("erreur[E100]: acteur inconnu « b »"))
        }
    }

    @Test("les appels typés par nom : qui, peut, taches, montre, echeances")
    func typedCalls() throws {
        let engine = QueryEngine(try CharterLoader.check(text: """
        role doc "Documentaliste" { personnes "Mme Blanc" }
        objet livre { genre: manuel | album }
        action preter sur livre
        etape gerer { tache prets "Prêter" { responsable doc
                                              action preter si genre == album } }
        """, name: "essai.charte").requireChecked())
        #expect(try engine.who("prets").results.map(\.responsables) == [["doc"]])
        #expect(try engine.who("preter", object: "livre()").conditional.map(\.missing) == [["genre"]])
        #expect(try engine.may(actor: "Mme Blanc", action: "preter", object: "livre(genre: album)").outcome == .allowed)
        #expect(try engine.may(actor: "doc", action: "preter").missing == ["genre"])
        #expect(try engine.tasks(of: "doc").steps.map(\.step) == ["gerer"])
        #expect(try engine.show("livre").text == "objet livre { genre: manuel | album }")
        #expect(engine.deadlines().dated.isEmpty)
        #expect(engine.search("prêter").results.map(\.task) == ["prets"])
        #expect(throws: QueryError.self) { try engine.may(actor: "Mme Blan", action: "preter") }
        #expect(throws: QueryError.self) { try engine.who("preter", object: "livre(genre: roman)") }
    }
}
