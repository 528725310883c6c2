import Testing
@testable import Charte
import CharteCLI

// A charter with errors never answers: every command that uses a charter, and the REPL,
// refuses it with the one `CharterRefusal` text (diagnostics, summary, sentence) and exit 1.

@Suite("Refus d'une charte en erreur")
struct RefusalTests {
    static let relative = "Tests/CharteTests/Fixtures/export/erreurs.charte"
    static let path = repositoryPath(relative)
    static let journal = repositoryPath("rules/journal-2026-2027.csv")

    /// The refusal as the library writes it for the fixture.
    static var refusal: String {
        (try? CharterLoader.load(path: path)).map { CharterRefusal($0).text() } ?? ""
    }

    /// Every command that uses a charter, with arguments that would be answered for a clean one.
    static let commands: [[String]] = [
        ["requete", path, "taches direction"],
        ["qui", path, "piloter"],
        ["peut", path, "direction", "piloter"],
        ["taches", path, "direction"],
        ["echeances", path],
        ["montre", path, "piloter"],
        ["exporter", path, "--format", "html"],
        ["exporter", path, "--format", "ics"],
        ["journal", path, journal, "--date", "2027-01-01"],
        ["agenda", path, "--date", "2027-01-01"],
        ["agenda", path, journal, "--date", "2027-01-01"],
        ["analyser", path, "--journal", journal, "--format", "html"],
        ["diff", path, repositoryPath("rules/college-petit.charte")],
        ["diff", repositoryPath("rules/college-petit.charte"), path],
    ]

    @Test("la même sortie d'erreur, rien sur la sortie standard, code 1", arguments: commands)
    func everyCommandRefuses(_ arguments: [String]) {
        let result = runCLI(arguments)
        #expect(result.status == ExitCode.problems)
        #expect(result.out.isEmpty)
        #expect(result.err == RefusalTests.refusal)
    }

    @Test("le texte du refus : diagnostics, bilan, phrase")
    func theText() {
        let text = RefusalTests.refusal.replacingOccurrences(of: repositoryRoot + "/", with: "")
        expectGolden(text, "Tests/Golden/refus-erreurs.txt")
        #expect(text.hasSuffix("""
        2 erreurs, 2 avertissements
        La charte « \(RefusalTests.relative) » contient des erreurs : elle doit être corrigée avant usage.

        """))
    }

    @Test("charte test : le même refus, la charte comptée en erreur dans le rapport")
    func testCommand() {
        let result = runCLI(["test", RefusalTests.path])
        #expect(result.status == ExitCode.problems)
        #expect(result.err == RefusalTests.refusal)
        let json = runCLI(["test", "--format", "json", RefusalTests.path])
        #expect(json.status == ExitCode.problems)
        #expect(json.err == RefusalTests.refusal)
        #expect(json.out.contains("\"erreurs\": 2,"))
    }

    @Test("charte repl FICHIER : le même refus, puis aucune charte chargée")
    func replCommand() {
        let result = runCLI(["repl", RefusalTests.path], input: [])
        #expect(result.status == ExitCode.problems)
        #expect(result.out.isEmpty)
        #expect(result.err == RefusalTests.refusal + "Aucune charte n'est chargée.\n")
    }

    @Test("la session : :charger donne le même refus")
    func replSession() throws {
        var session = ReplSession()
        let output = try session.load(path: RefusalTests.path)
        #expect(output.isError)
        #expect(output.text == RefusalTests.refusal + "Aucune charte n'est chargée.\n")
        #expect(session.submit(":charger \(RefusalTests.path)").text == output.text)
        #expect(session.charter == nil)
    }

    @Test("la bibliothèque : pas de CheckedCharter, requireChecked lève le refus")
    func library() throws {
        let loaded = try CharterLoader.load(path: RefusalTests.path)
        #expect(loaded.checked == nil)
        #expect(throws: CharterRefusal.self) { try loaded.requireChecked() }
        #expect(CharterRefusal(loaded).count == DiagnosticCount(loaded.diagnostics))
        #expect(CharterRefusal(loaded).description == RefusalTests.refusal)
        let clean = CharterLoader.check(text: "role a \"A\"\netape e { tache t { responsable a } }\n")
        #expect(clean.checked?.warnings == clean.diagnostics)
    }
}
