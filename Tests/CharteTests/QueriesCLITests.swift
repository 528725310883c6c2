import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Charte
@testable import CharteCLI

/// `charte requete`, its shortcuts and `charte test`, run in-process: stdout, stderr, exit code.
@Suite("Requêtes : ligne de commande")
struct QueriesCLITests {
    static let college = repositoryPath("\(queryFixtures)/college.charte")
    static let mini = repositoryPath("\(queryFixtures)/mini.charte")
    static let failing = repositoryPath("\(queryFixtures)/echecs.charte")

    /// A charter with an error (unknown actor), written once for the whole run.
    static let broken: String = {
        let path = NSTemporaryDirectory() + "charte-requetes-\(ProcessInfo.processInfo.processIdentifier)-casse.charte"
        try? "role a \"A\"\netape e { tache t { responsable b } }\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    // MARK: - requete and shortcuts

    @Test("requete : réponse en texte sur stdout, code 0")
    func requeteText() {
        let result = runCLI(["requete", QueriesCLITests.college, "qui attribuer_licence ressource(categorie: manuel)"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        expectGolden(portable(result.out), "Tests/Golden/Queries/qui-action.txt")
    }

    @Test("requete --format json : du JSON valide, la forme de la spécification")
    func requeteJSON() throws {
        let result = runCLI(["requete", QueriesCLITests.mini, "peut doc preter livre()", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try parsedJSON(result.out) as? [String: Any])
        #expect(object["decision"] as? String == "indetermine")
        #expect(object["manquants"] as? [String] == ["genre"])
    }

    /// Shortcut arguments and the query they stand for.
    static let shortcuts: [(arguments: [String], query: String)] = [
        (["qui", "preter", "livre(genre: album)"], "qui preter livre(genre: album)"),
        (["qui", "preter", "livre(genre:", "album)"], "qui preter livre(genre: album)"),
        (["qui", "Prêter les"], "qui \"Prêter les\""),
        (["qui", "--texte", "livres"], "qui \"livres\""),
        (["qui", "-t", "acheter", "livres"], "qui \"acheter livres\""),
        (["qui", "selection"], "qui selection"),
        (["peut", "Mme Blanc", "preter", "livre(genre: album)"], "peut \"Mme Blanc\" preter livre(genre: album)"),
        (["peut", "doc", "preter"], "peut doc preter"),
        (["taches", "Mme Blanc"], "taches \"Mme Blanc\""),
        (["echeances"], "echeances"),
        (["echeances", "2026-09-10"], "echeances 2026-09-10"),
        (["montre", "prets"], "montre prets"),
        (["tâches", "doc"], "taches doc"),
    ]

    @Test("raccourcis : les arguments forment la requête, noms de personnes entre guillemets", arguments: shortcuts)
    func shortcut(_ arguments: [String], _ query: String) {
        var shortcut = arguments
        shortcut.insert(QueriesCLITests.mini, at: 1)
        let viaShortcut = runCLI(shortcut + ["--format", "json"])
        let viaRequete = runCLI(["requete", QueriesCLITests.mini, query, "--format", "json"])
        #expect(viaShortcut.status == 0, "\(viaShortcut.err)")
        #expect(viaShortcut.out == viaRequete.out)
        #expect(!viaShortcut.out.isEmpty)
    }

    @Test("une requête fautive : diagnostic sur stderr, code 1, rien sur stdout")
    func badQuery() {
        let result = runCLI(["qui", QueriesCLITests.mini, "pretr", "livre(genre: album)"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("erreur[E103]: action inconnue « pretr »"))
        #expect(result.err.contains("--> <requete>:1:5"))
        #expect(result.err.contains("vouliez-vous dire « preter » (ligne 20) ou « prets » (ligne 44) ?"))
    }

    @Test("une charte en erreur ne répond pas : ses diagnostics sur stderr, code 1")
    func brokenCharter() {
        let result = runCLI(["requete", QueriesCLITests.broken, "taches a"])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("erreur[E100]: acteur inconnu « b »"))
        #expect(result.err.hasSuffix("contient des erreurs : elle doit être corrigée avant usage.\n"))
    }

    static let usageErrors: [[String]] = [
        ["requete"],
        ["requete", college],
        ["requete", college, "   "],
        ["requete", college, "echeances", "--format", "xml"],
        ["requete", "/nonexistent/charte.charte", "echeances"],
        ["qui"],
        ["peut", "/nonexistent/charte.charte", "doc", "preter"],
        ["taches", college, "doc", "--inconnue"],
    ]

    @Test("usage incorrect ou fichier illisible : code 2", arguments: usageErrors)
    func usage(_ arguments: [String]) {
        let result = runCLI(arguments)
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("charte "))
    }

    @Test("--help de chaque commande, en français", arguments: ["requete", "qui", "peut", "taches", "echeances", "montre", "test"])
    func help(_ command: String) {
        let result = runCLI([command, "--help"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Usage : charte \(command)"))
        #expect(result.out.contains("Code de sortie"))
        #expect(runCLI(["--help"]).out.contains("  \(command) "))
    }

    // MARK: - charte test

    @Test("test : mini.charte réussit, code 0")
    func testPasses() {
        let result = runCLI(["test", QueriesCLITests.mini])
        #expect(result.status == 0)
        #expect(result.out.hasSuffix("\n4 réussies, 0 échouée\n"))
        #expect(result.err.isEmpty)
    }

    @Test("test : les échecs avec attendu et obtenu, code 1")
    func testFails() {
        let result = runCLI(["test", QueriesCLITests.failing, QueriesCLITests.college])
        #expect(result.status == 1)
        expectGolden(portable(result.out), "Tests/Golden/Queries/test-echecs.txt")
    }

    @Test("test --format json : les comptes et chaque assertion")
    func testJSON() throws {
        let result = runCLI(["test", "--format", "json", QueriesCLITests.failing])
        #expect(result.status == 1)
        let object = try #require(try parsedJSON(result.out) as? [String: Any])
        #expect(object["reussies"] as? Int == 2)
        #expect(object["echouees"] as? Int == 4)
        let assertions = try #require(((object["fichiers"] as? [[String: Any]])?.first?["assertions"]) as? [[String: Any]])
        #expect(assertions.map { $0["ligne"] as? Int } == [23, 24, 25, 26, 27, 28])
        #expect(assertions[0]["absents"] as? [String] == ["compta"])
        #expect(assertions[0]["en_trop"] as? [String] == ["doc"])
        #expect(assertions[3]["obtenu"] as? String == "indetermine")
        #expect((assertions[3]["regles"] as? [[String: Any]])?.map { $0["genre"] as? String } == ["tache", "interdit"])
        expectGolden(portable(result.out), "Tests/Golden/Queries/test-echecs.json")
    }

    @Test("test --format junit : du XML bien formé, échappé, avec les comptes")
    func testJUnit() throws {
        let result = runCLI(["test", "--format", "junit", QueriesCLITests.failing, QueriesCLITests.mini, QueriesCLITests.broken])
        #expect(result.status == 1)
        #expect(result.out.contains("<testsuites name=\"charte test\" tests=\"11\" failures=\"4\" errors=\"1\">"))
        #expect(result.out.contains("échecs &lt;voulus&gt; &amp; co"))
        #expect(result.out.contains("refuse &quot;Mme Blanc&quot; preter livre()"))
        #expect(result.out.contains("<error message=\"la charte contient 1 erreur ; lancez charte verifier\""))
        #if canImport(FoundationXML)
        let parser = XMLParser(data: Data(result.out.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #endif
        expectGolden(portable(result.out).replacing(QueriesCLITests.broken, with: "casse.charte"), "Tests/Golden/Queries/test-echecs.xml")
    }

    @Test("JUnit : les caractères spéciaux et interdits")
    func junitEscaping() {
        #expect(JUnitReport.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;")
        #expect(JUnitReport.escape("x\u{1}y\u{FFFE}z") == "xyz")
        #expect(JUnitReport.escape("l1\nl2", inAttribute: true) == "l1&#10;l2")
        #expect(JUnitReport.escape("l1\nl2") == "l1\nl2")
    }

    @Test("test : une charte en erreur échoue (code 1), un fichier illisible donne 2")
    func testErrors() {
        let broken = runCLI(["test", QueriesCLITests.broken])
        #expect(broken.status == 1)
        #expect(broken.err.contains("erreur[E100]"))
        #expect(broken.out.contains("la charte contient 1 erreur : aucun test n'a été lancé"))
        #expect(runCLI(["test", "/nonexistent/charte.charte"]).status == 2)
        #expect(runCLI(["test"]).status == 2)
        #expect(runCLI(["test", "--format", "xml", QueriesCLITests.mini]).status == 2)
    }

    @Test("test : une charte sans test réussit")
    func noTests() throws {
        let path = NSTemporaryDirectory() + "charte-requetes-\(ProcessInfo.processInfo.processIdentifier)-sans-test.charte"
        try "role a \"A\"\naction agir\netape e { tache t { responsable a\naction agir } }\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runCLI(["test", path])
        #expect(result.status == 0)
        #expect(result.out.contains("aucun test"))
        #expect(result.out.hasSuffix("0 réussie, 0 échouée\n"))
    }

    // MARK: - Black box

    @Test("le binaire : requete et test, codes de sortie", .enabled(if: charteBinary() != nil))
    func binary() throws {
        let answer = try runBinary(["requete", QueriesCLITests.mini, "peut \"Mme Blanc\" preter livre(genre: album)", "--format", "json"])
        #expect(answer.status == 0)
        #expect(answer.out.contains("\"decision\": \"autorise\""))
        let tests = try runBinary(["test", QueriesCLITests.failing])
        #expect(tests.status == 1)
        #expect(tests.out.hasSuffix("2 réussies, 4 échouées\n"))
    }
}
