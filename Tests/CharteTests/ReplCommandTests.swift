import Testing
import Foundation
import Charte

/// The lines of a script piped into `charte repl`.
private let script = [
    "qui attribuer_licence ressource(categorie: manuel)",
    "",
    "# une ligne de commentaire",
    "peut documentaliste attribuer_licence ressource(licence: flottante)",
    "qui attribuer_licence ressource(categorie: ma)",
    "montre pilotage",
    ":quitter",
    "qui commander",
]

/// What the script prints on standard output, for a charter at `path`.
private func expectedOut(_ path: String) -> String {
    """
    Qui fait « Attribuer des licences dans le GAR » quand la catégorie est manuel ?

      licences_manuels — Attribuer les licences des manuels
        étape        Gérer le fonds
        responsable  gestionnaire
        consulte     editeurs
        informe      direction, documentaliste
        source       ligne 25

    Est-ce que « Professeur-documentaliste » peut « Attribuer des licences dans le
      GAR » quand la licence est flottante ?

      Réponse : refusé
      Décidé par :
        interdiction  ligne 43 · Interdit : Professeur-documentaliste — Attribuer
                      des licences dans le GAR, si la licence est flottante

    tâche « pilotage » — \(path), ligne 37

      tache pilotage "Piloter" {
        responsable direction
        action piloter
      }

    """
}

/// What the script prints on standard error.
private let expectedErr = """
erreur[E106]: valeur inconnue « ma » pour l'attribut « categorie »
 --> <requete>:1:44
  |
1 | qui attribuer_licence ressource(categorie: ma)
  |                                            ^^ valeur inconnue
  |
  = note: valeurs possibles : manuel, documentaire, outil


"""

struct ReplCommandTests {
    @Test func answersPipedLinesWithoutPromptOrGreeting() {
        let file = TemporaryCharter(replCharterText)
        let result = runCLI(["repl", file.path], input: script)
        #expect(result.out == expectedOut(file.path))
        #expect(result.err == expectedErr)
        #expect(result.status == 1)
    }

    @Test func exitsZeroWhenEveryLineWasAnswered() {
        let file = TemporaryCharter(replCharterText)
        let result = runCLI(["repl", file.path], input: ["taches direction", "echeances rentree"])
        #expect(result.status == 0)
        #expect(result.err == "")
        #expect(result.out.hasPrefix("Fiche de poste de « Équipe de direction »\n"))
        #expect(result.out.contains("\n\nÉchéances à partir du mardi 1er septembre 2026 :\n"))
    }

    @Test func showsTheDiagnosticsOfABrokenCharterThenRefusesQueries() {
        let file = TemporaryCharter(brokenCharterText)
        let result = runCLI(["repl", file.path], input: ["qui commander"])
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err.contains("erreur[E100]: acteur inconnu « directoin »"))
        #expect(result.err.hasSuffix("""
        La charte « \(file.path) » contient des erreurs : elle doit être corrigée avant usage.
        Aucune charte n'est chargée.
        Aucune charte n'est chargée : tapez « :charger FICHIER » (ou lancez « charte repl FICHIER »).

        """))
    }

    @Test func worksWithoutAFile() {
        let file = TemporaryCharter(replCharterText)
        let result = runCLI(["repl"], input: ["qui commander", ":charger \(file.path)", "qui commander"])
        #expect(result.status == 1)
        #expect(result.err == "Aucune charte n'est chargée : tapez « :charger FICHIER » (ou lancez « charte repl FICHIER »).\n")
        #expect(result.out.hasPrefix("Charte « \(file.path) » chargée (Collège Exemple) : 3 tâches, 4 acteurs."))
        #expect(result.out.contains("\n\nQui fait « Commander » ?"))
    }

    @Test(arguments: [["repl", "a.charte", "b.charte"], ["repl", "/nulle/part.charte"], ["repl", "--couleurs"]])
    func refusesToRunWithBadArguments(arguments: [String]) {
        let result = runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.out == "")
        #expect(result.err.hasPrefix("charte repl : "))
    }

    @Test func isListedWithItsHelp() {
        #expect(runCLI(["--help"]).out.contains("  repl "))
        let help = runCLI(["repl", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("Usage : charte repl [--sans-historique] [FICHIER]"))
        #expect(help.out.contains(":recharger"))
    }

    /// The built binary, stdin a pipe: exact output, no escape codes even without NO_COLOR.
    @Test func binaryAnswersAPipeExactly() throws {
        guard charteBinary() != nil else {
            Issue.record("the charte binary is not built; run swift build first")
            return
        }
        let file = TemporaryCharter(replCharterText)
        let state = temporaryDirectory("charte-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let result = try runBinary(["repl", file.path], environment: ["TERM": "xterm-256color", "XDG_STATE_HOME": state],
                                   stdin: script.joined(separator: "\n") + "\n")
        #expect(result.out == expectedOut(file.path))
        #expect(result.err == expectedErr)
        #expect(result.status == 1)
        #expect(!(result.out + result.err).contains("\u{1B}"))
        #expect(!FileManager.default.fileExists(atPath: state + "/charte/historique"), "a script must not write the history")
    }

    @Test func binaryReadsALastLineWithoutNewlineAndStopsAtEndOfInput() throws {
        guard charteBinary() != nil else { return }
        let file = TemporaryCharter(replCharterText)
        let result = try runBinary(["repl", file.path], stdin: "taches direction")
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Fiche de poste de « Équipe de direction »"))
        #expect(result.err == "")
    }
}
