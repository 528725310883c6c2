import Testing
import Foundation
import Charte

/// A temporary charter file; `write` replaces its text, as an editor would.
final class TemporaryCharter {
    let directory: String
    let path: String

    init(_ text: String, name: String = "college.charte") {
        directory = temporaryDirectory("charte-repl")
        path = directory + "/" + name
        write(text)
    }

    func write(_ text: String) {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// The fixture charter with one responsable misspelt (E100).
let brokenCharterText = replCharterText.replacingOccurrences(of: "responsable direction", with: "responsable directoin")

struct ReplSessionTests {
    @Test func refusesQueriesBeforeACharterIsLoaded() {
        var session = ReplSession()
        let output = session.submit("qui commander")
        #expect(output.isError)
        #expect(!output.quit)
        #expect(output.text == "Aucune charte n'est chargée : tapez « :charger FICHIER » (ou lancez « charte repl FICHIER »).\n")
    }

    @Test func ignoresEmptyLinesAndComments() {
        var session = ReplSession()
        for line in ["", "   ", "\t", "# un commentaire"] {
            #expect(session.submit(line) == .nothing)
        }
    }

    @Test func loadsAndAnswersQueries() throws {
        let file = TemporaryCharter(replCharterText)
        var session = ReplSession()
        let loaded = session.submit(":charger \(file.path)")
        #expect(loaded.text == "Charte « \(file.path) » chargée (Collège Exemple) : 3 tâches, 4 acteurs. 1 avertissement : « charte verifier \(file.path) » les détaille.\n")
        #expect(!loaded.isError)
        let answer = session.submit("qui attribuer_licence ressource(categorie: manuel)")
        #expect(!answer.isError)
        #expect(answer.text.hasPrefix("Qui fait « Attribuer des licences dans le GAR » quand la catégorie est manuel ?\n"))
        #expect(answer.text.contains("responsable  gestionnaire"))
        let engine = QueryEngine(try CharterLoader.load(path: file.path).requireChecked())
        for query in ["peut documentaliste commander", "taches gestionnaire", "echeances", "montre pilotage", "qui \"licences\""] {
            let expected = QueryText.render(try engine.answer(query), charter: engine.charter)
            #expect(session.submit(query).text == (expected.hasSuffix("\n") ? expected : expected + "\n"))
        }
    }

    @Test func reportsQueryErrorsAsDiagnostics() {
        let file = TemporaryCharter(replCharterText)
        var session = ReplSession()
        _ = try? session.load(path: file.path)
        let output = session.submit("peut documentalist commander")
        #expect(output.isError)
        #expect(output.text.contains("erreur[E100]"))
        #expect(output.text.contains("« documentaliste »"))
        #expect(session.charter != nil)
    }

    @Test func refusesACharterWithErrors() throws {
        let file = TemporaryCharter(brokenCharterText)
        var session = ReplSession()
        let output = try session.load(path: file.path)
        #expect(output.isError)
        #expect(output.text.contains("erreur[E100]: acteur inconnu « directoin »"))
        #expect(output.text.hasSuffix("""
        1 erreur, 1 avertissement
        La charte « \(file.path) » contient des erreurs : elle doit être corrigée avant usage.
        Aucune charte n'est chargée.

        """))
        #expect(session.charter == nil)
        #expect(session.submit("qui commander").text.hasPrefix("Aucune charte n'est chargée"))
    }

    @Test func reloadKeepsThePreviousCharterWhenTheNewOneIsBroken() {
        let file = TemporaryCharter(replCharterText)
        var session = ReplSession()
        _ = try? session.load(path: file.path)
        let before = session.submit("taches direction")

        file.write(brokenCharterText)
        let failed = session.submit(":recharger")
        #expect(failed.isError)
        #expect(failed.text.contains("erreur[E100]"))
        #expect(failed.text.hasSuffix("""
        La charte « \(file.path) » contient des erreurs : elle doit être corrigée avant usage.
        La version précédente de « \(file.path) » reste chargée et continue de répondre.

        """))
        #expect(session.submit("taches direction") == before)

        file.write(replCharterText.replacingOccurrences(of: "role gestionnaire \"Gestionnaire\"",
                                                        with: "role gestionnaire \"Gestionnaire\"\nrole cpe \"CPE\""))
        let fixed = session.submit(":recharger")
        #expect(!fixed.isError)
        #expect(fixed.text.hasPrefix("Charte « \(file.path) » rechargée (Collège Exemple) : 3 tâches, 5 acteurs."))
    }

    @Test func reloadReadsTheFileNamedLastEvenIfItWasBroken() {
        let good = TemporaryCharter(replCharterText)
        let broken = TemporaryCharter(brokenCharterText, name: "brouillon.charte")
        var session = ReplSession()
        _ = try? session.load(path: good.path)
        let failed = session.submit(":charger \(broken.path)")
        #expect(failed.text.hasSuffix("La version précédente de « \(good.path) » reste chargée et continue de répondre.\n"))
        #expect(session.loadedPath == good.path)
        broken.write(replCharterText)
        #expect(session.submit(":recharger").text.hasPrefix("Charte « \(broken.path) » rechargée"))
        #expect(session.loadedPath == broken.path)
    }

    @Test func reportsAnUnreadableFileAndKeepsTheCharter() {
        let file = TemporaryCharter(replCharterText)
        var session = ReplSession()
        _ = try? session.load(path: file.path)
        let output = session.submit(":charger \(file.directory)/absent.charte")
        #expect(output.isError)
        #expect(output.text == """
        Impossible de lire le fichier « \(file.directory)/absent.charte ».
        La version précédente de « \(file.path) » reste chargée et continue de répondre.

        """)
        #expect(session.charter != nil)
        #expect(session.submit(":charger \"\(file.path)\"").text.hasPrefix("Charte « \(file.path) » chargée"))
    }

    @Test(arguments: [
        (":charger", "Quel fichier ? Écrivez « :charger FICHIER ».\n"),
        (":recharger", "Aucun fichier à recharger : tapez d'abord « :charger FICHIER ».\n"),
        (":recharger autre.charte", "« :recharger » relit le fichier déjà chargé ; pour un autre fichier, écrivez « :charger autre.charte ».\n"),
        (":charge x", "Commande inconnue « :charge ». Vouliez-vous dire « :charger » ? Tapez « :aide » pour la liste des commandes.\n"),
        (":xyz", "Commande inconnue « :xyz ». Tapez « :aide » pour la liste des commandes.\n"),
    ])
    func explainsMisusedCommands(line: String, text: String) {
        var session = ReplSession()
        let output = session.submit(line)
        #expect(output.isError)
        #expect(output.text == text)
    }

    @Test func helpAndQuit() {
        var session = ReplSession()
        let help = session.submit(":aide")
        #expect(help.text.contains(":recharger"))
        #expect(help.text.contains("peut ACTEUR ACTION [OBJET]"))
        #expect(!help.quit)
        #expect(session.submit(":?").text == help.text)
        for line in [":quitter", ":q", "  :Q  ", ":QUITTER"] {
            #expect(session.submit(line) == ReplOutput(text: "", quit: true))
        }
    }
}
