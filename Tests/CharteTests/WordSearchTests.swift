import Testing
import Foundation
@testable import Charte

/// Meeting people halfway: a question in words gets what the charter says of its words and
/// the exact query to type next; an unknown name is also matched by the words of the labels.
@Suite struct WordSearchTests {
    /// A golden file's base name, a charter of the repository and the question.
    static let cases: [(name: String, charter: String, question: String)] = [
        ("mots-manuels-lycee", "rules/lycee-region.charte", "qui est responsable des manuels ?"),
        ("mots-manuels-exemple", "rules/etablissement-exemple.charte", "qui est responsable des manuels ?"),
        ("mots-action-nommee", "rules/etablissement-exemple.charte", "qui fait attribuer_licence pour les manuels ?"),
        ("mots-commandes", "Tests/Fixtures/Queries/college.charte", "qui passe les commandes"),
    ]

    static func engine(_ relative: String) throws -> QueryEngine {
        QueryEngine(try CharterLoader.load(path: repositoryPath(relative)).requireChecked())
    }

    @Test("ce que la charte dit des mots d'une question", arguments: cases)
    func golden(_ name: String, _ charter: String, _ question: String) throws {
        let found = try #require(try WordSearchTests.engine(charter).wordSearch(question))
        expectGolden(TextWrap.wrap(WordSearchText.render(found), width: 80), "Tests/Golden/Queries/\(name).txt")
    }

    /// The issue's example: the lycée's GAR action is found by the manuals' category.
    @Test func manualsLeadToTheLicenceQuery() throws {
        let found = try #require(try WordSearchTests.engine("rules/lycee-region.charte").wordSearch("qui est responsable des manuels ?"))
        #expect(found.words == ["manuels"])
        #expect(found.actions.map(\.query).contains("qui attribuer_licence ressource(categorie: manuel)"))
    }

    /// Every query the search proposes is a query the engine answers.
    @Test(arguments: cases)
    func everyProposedQueryAnswers(_ name: String, _ charter: String, _ question: String) throws {
        let engine = try WordSearchTests.engine(charter)
        let found = try #require(engine.wordSearch(question))
        for find in found.tasks + found.actions + found.actors {
            #expect(throws: Never.self, "\(find.query)") { _ = try engine.answer(find.query) }
        }
    }

    /// No search for a query, a query being written, a text without words, or words found nowhere.
    @Test(arguments: [
        "qui licences_manuels",                                        // parses
        "peut documentaliste commander ressource(abonnement vrai)",    // a query with a typo: its E010 says what to fix
        "qui \"licences",                                              // an open quote
        "qui est ?",                                                   // no word to look for
        "qui zzzz wwww",                                               // found nowhere
    ])
    func noSearch(question: String) throws {
        #expect(try queryEngine().wordSearch(question) == nil)
    }

    /// When two words are the same word.
    @Test(arguments: [
        ("manuels", "manuel", true), ("licence", "licences", true), ("affecte", "affecter", true),
        ("tableaux", "tableau", true), ("gar", "gare", false), ("ent", "enti", false), ("choisir", "choix", false),
    ])
    func sameWord(a: String, b: String, same: Bool) {
        #expect(LabelWords.same(a, b) == same)
    }

    @Test func questionWordsAreDropped() {
        #expect(LabelWords.words("Qui est responsable des manuels ?") == ["manuels"])
        #expect(LabelWords.words("affecter_licence") == ["affecter", "licence"])
        #expect(LabelWords.words("l'ENT et le GAR") == ["ent", "gar"])
    }

    // MARK: - Suggestions from the words of labels

    /// `peut cpe affecter_licence` on the lycée: the action is offered by its label's words.
    @Test func unknownActionOfferedByItsLabel() throws {
        let engine = try WordSearchTests.engine("rules/lycee-region.charte")
        do {
            _ = try engine.answer("peut cpe affecter_licence")
            Issue.record("réponse inattendue")
        } catch {
            #expect(error.diagnostics.map(\.code.rawValue) == ["E100", "E103"])
            #expect(error.diagnostics.last?.candidates.map(\.name) == ["attribuer_licence"])
            #expect(error.diagnostics.last?.candidates.first?.label == "Affecter des licences dans le GAR")
            expectGolden(error.description, "Tests/Golden/Queries/erreur-action-libelle.txt")
        }
    }

    /// An actor is offered by its label's words (`gestion` → the gestionnaire's label).
    @Test func unknownActorOfferedByItsLabel() throws {
        let engine = try WordSearchTests.engine("rules/lycee-region.charte")
        do {
            _ = try engine.answer("taches adjoint")
            Issue.record("réponse inattendue")
        } catch {
            #expect(error.diagnostics.first?.candidates.map(\.name) == ["gestionnaire"])
            expectGolden(error.description, "Tests/Golden/Queries/erreur-acteur-libelle.txt")
        }
    }

    /// A misspelling close by edit distance is offered as before, without a label.
    @Test func closeSpellingStaysFirst() throws {
        let engine = try queryEngine()
        do {
            _ = try engine.answer("qui atribuer_licence")
            Issue.record("réponse inattendue")
        } catch {
            #expect(error.diagnostics.first?.candidates.map(\.name) == ["attribuer_licence"])
            #expect(error.diagnostics.first?.candidates.first?.label == nil)
        }
    }

    // MARK: - The same in the CLI and the REPL

    /// `charte requete` prints the search on standard output and exits 1; in JSON, the diagnostics as before.
    @Test func commandLinePrintsTheSearch() throws {
        let path = repositoryPath("rules/lycee-region.charte")
        let text = runCLI(["requete", path, "qui est responsable des manuels ?"])
        #expect(text.status == 1)
        #expect(text.err == "")
        expectGolden(text.out, "Tests/Golden/Queries/mots-manuels-lycee.txt")
        let json = runCLI(["requete", path, "qui est responsable des manuels ?", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.out == "")
        #expect(json.err.contains("E010"))
    }

    /// The REPL answers the same words with the same text.
    @Test func replPrintsTheSearch() throws {
        var session = ReplSession()
        session.width = 80
        _ = try session.load(path: repositoryPath("rules/lycee-region.charte"))
        let output = session.submit("qui est responsable des manuels ?")
        #expect(!output.isError)
        expectGolden(output.text, "Tests/Golden/Queries/mots-manuels-lycee.txt")
    }
}
