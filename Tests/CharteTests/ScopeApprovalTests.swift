import Foundation
import Testing
@testable import Charte
import CharteCLI

/// Action scopes (`action … sur T si …`), object keys (`cle`) and approvals before an action
/// (`exige … avant …`): issue 13, items 6 and 7.
@Suite struct ScopeApprovalTests {
    static let folder = "Tests/CharteTests/Fixtures/approbation/"
    static let charter = folder + "achats.charte"

    /// A repository file for the command line: relative when the tests run from the repository
    /// (text outputs wrap their lines, so an absolute path would make the goldens depend on
    /// where the repository is checked out).
    static func cliPath(_ relative: String) -> String {
        FileManager.default.currentDirectoryPath == repositoryRoot ? relative : repositoryPath(relative)
    }

    private static let scopeBase = """
    role ddfpt "DDFPT"
    role documentaliste "Documentaliste"
    objet ressource "Ressource" { categorie: manuel | logiciel | outil, titre: texte, prix: euros }
    action transmettre_devis "Transmettre un devis" sur ressource si categorie == logiciel

    """

    private static let orderBase = """
    role proviseur "Proviseur"
    role gestionnaire "Gestionnaire"
    objet commande "Bon de commande" cle numero { numero: texte, montant: euros }
    action signer "Signer" sur commande
    action commander "Commander" sur commande
    etape achats "Achats" {
      tache signature "Signer" { responsable proviseur  action signer }
      tache commandes "Commander" { responsable gestionnaire  approbateur proviseur  action commander }
    }

    """

    // MARK: - Checks

    @Test(arguments: [
        // Inside the scope only: no gap for manuels or outils, which nobody transmits.
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis } }\nautorise documentaliste transmettre_devis",
         [String]()),
        // The gap is named inside the scope.
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis si prix > 100 € } }\nautorise documentaliste transmettre_devis",
         [CoverageWords.gap("transmettre_devis", "ressource(categorie: logiciel, prix: au plus 100 €)")]),
        // A task condition outside the scope: W504 (and the scope stays uncovered).
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis si categorie == manuel } }\nautorise documentaliste transmettre_devis",
         [CoverageWords.gap("transmettre_devis", "ressource(categorie: logiciel)"),
          "la condition de la tâche « devis » ne s'applique à aucun objet de la portée de l'action « transmettre_devis »"]),
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis } }\ninterdit documentaliste transmettre_devis si categorie dans [manuel, outil]",
         ["la condition de « interdit … transmettre_devis » ne s'applique à aucun objet de la portée de l'action « transmettre_devis »"]),
        // A forbid meeting the scope nowhere kills nothing; one covering the scope kills the task.
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis } }\ninterdit ddfpt transmettre_devis si categorie == logiciel\nautorise documentaliste transmettre_devis",
         [Message.forbidKillsTask(actor: "ddfpt", action: "transmettre_devis", task: "devis").text]),
        // A text attribute leaves the condition unknown: no uncertain W504.
        ("etape e { tache devis { responsable ddfpt  action transmettre_devis si titre == \"x\" } }\nautorise documentaliste transmettre_devis",
         []),
    ])
    func scopeChecks(rest: String, expected: [String]) {
        #expect(check(Self.scopeBase + rest).diagnostics.map(\.message.text) == expected)
    }

    @Test func emptyScopeAndScopeWithoutType() {
        let empty = """
        role ddfpt "DDFPT"
        objet ressource "Ressource" { categorie: manuel | logiciel }
        action a "A" sur ressource si categorie == manuel et categorie == logiciel
        etape e { tache t { responsable ddfpt  action a si categorie == manuel } }
        """
        #expect(check(empty).diagnostics.map(\.message) == [.emptyScope(action: "a")])
        let untyped = """
        role ddfpt "DDFPT"
        action a "A" si categorie == manuel
        etape e { tache t { responsable ddfpt  action a } }
        """
        #expect(underlined(untyped) == ["E110 categorie == manuel"])
    }

    @Test(arguments: [
        ("exige signer par proviseur avant commander si montant > 4 000 €", [String]()),
        ("exige signer avant commander", []),
        ("exige signer par provisuer avant commander", ["E100 provisuer"]),
        ("exige signr avant commander", ["E103 signr"]),
        ("exige signer avant commander si montnt > 4 000 €", ["E106 montnt"]),
        ("exige signer avant commander si montant > vrai", ["E200 vrai"]),
        ("exige signer commander", ["E010 commander"]),
    ])
    func requirementChecks(rule: String, expected: [String]) {
        #expect(underlined(Self.orderBase + rule) == expected)
    }

    @Test func keysAndTypesAndApprovers() {
        let noKey = Self.orderBase.replacing("cle numero ", with: "") + "exige signer avant commander"
        #expect(check(noKey).diagnostics.map(\.message) == [.requirementWithoutKey(type: "commande")])
        let badKey = Self.orderBase.replacing("cle numero", with: "cle numro")
        let loaded = check(badKey)
        #expect(loaded.diagnostics.map(\.message) == [.keyNotAnAttribute(type: "commande", key: "numro")])
        #expect(loaded.diagnostics.first?.candidates.map(\.name) == ["numero"])
        let noApprover = Self.orderBase.replacing("  approbateur proviseur", with: "") + "exige signer avant commander"
        #expect(check(noApprover).diagnostics.map(\.message) == [.requirementWithoutApprover(action: "commander")])
        let otherType = Self.orderBase + "objet devis \"Devis\" cle numero { numero: texte }\naction viser \"Viser\" sur devis\n"
            + "etape v { tache visa { responsable proviseur  action viser } }\nexige viser avant commander"
        #expect(check(otherType).diagnostics.map(\.message) == [
            .requirementTypesDiffer(action: "commander", actionType: "commande", prior: "viser", priorType: "devis"),
        ])
        // Without `par`, the approbateurs of the tasks doing the action.
        let model = check(Self.orderBase + "exige signer avant commander").model
        #expect(model.requirements.map { $0.actors.map { model.actors[$0].id } } == [["proviseur"]])
        #expect(model.requirements.map(\.byApprovers) == [true])
        #expect(model.objectTypes[0].key == 0)
    }

    @Test func contextualWordsKeepTheirV1Meaning() {
        // `cle`, `exige` and `avant` are still names.
        let source = """
        role exige "Exige"
        objet cle "Clé" { avant: booleen }
        action avant "Avant" sur cle
        etape e { tache t { responsable exige  action avant si avant } tache u { responsable exige  action avant si non avant } }
        """
        #expect(codes(source) == [])
    }

    // MARK: - Answers

    @Test(arguments: [
        ("peut ddfpt transmettre_devis ressource(categorie: logiciel)", Outcome.allowed, ["tache devis"], [String]()),
        ("peut ddfpt transmettre_devis ressource(categorie: manuel)", .refused, ["portee transmettre_devis"], []),
        ("peut ddfpt transmettre_devis ressource()", .undetermined, ["portee transmettre_devis", "tache devis"], ["categorie"]),
    ])
    func decisions(query: String, outcome: Outcome, rules: [String], missing: [String]) throws {
        let engine = try queryEngine(text: try fixtureText())
        guard case .may(let may) = try engine.answer(query) else {
            Issue.record("not a decision")
            return
        }
        #expect(may.outcome == outcome)
        #expect(may.rules.map { "\($0.kind.rawValue) \($0.id)" } == rules)
        #expect(may.missing == missing)
    }

    @Test func whoAnswersOnlyInsideTheScope() throws {
        let engine = try queryEngine(text: try fixtureText())
        guard case .who(let inside) = try engine.answer("qui transmettre_devis ressource(categorie: logiciel)"),
              case .who(let outside) = try engine.answer("qui transmettre_devis ressource(categorie: manuel)"),
              case .who(let unknown) = try engine.answer("qui transmettre_devis ressource()") else {
            Issue.record("not a who answer")
            return
        }
        #expect(inside.results.map(\.task) == ["devis"])
        #expect(outside.results.isEmpty && outside.conditional.isEmpty)
        #expect(unknown.results.isEmpty && unknown.conditional.map(\.task) == ["devis"])
        #expect(unknown.conditional.map(\.missing) == [["categorie"]])
    }

    @Test func theFixtureChecksCleanAndItsTestsPass() {
        let verify = runCLI(["verifier", "--strict", repositoryPath(Self.charter)])
        #expect(verify.status == 0)
        let tests = runCLI(["test", repositoryPath(Self.charter)])
        #expect(tests.status == 0)
        #expect(tests.out.contains("4 réussies, 0 échouée"))
    }

    // MARK: - Journal

    @Test("the journal reports approvals missing, late and not verifiable, and rows outside a scope", arguments: ["texte", "json"])
    func journal(format: String) {
        let result = runCLI(["journal", Self.cliPath(Self.charter), Self.cliPath(Self.folder + "journal.csv"),
                             "--date", "2026-10-31", "--format", format])
        #expect(result.status == 1)
        expectGolden(result.out.replacing(repositoryRoot + "/", with: ""), "Tests/Golden/Approbation/journal.\(format == "texte" ? "txt" : format)")
    }

    @Test func approvalsInTheReport() throws {
        let loaded = try CharterLoader.load(path: repositoryPath(Self.charter))
        let csv = try String(contentsOfFile: repositoryPath(Self.folder + "journal.csv"), encoding: .utf8)
        let report = checkJournal(csv, at: "2026-10-31", charter: loaded)
        #expect(report.approvals.map(\.line) == [4, 6, 8, 10])
        #expect(report.approvals.map(\.problem) == [.later(line: 5, date: day("2026-10-06")), .missing, .unverifiable(missing: ["numero"]), .missing])
        #expect(report.hasProblems)
        // Signed first, the order passes; the same day counts when the signature's line comes first.
        let clean = """
        date,acteur,action,numero,montant
        2026-10-01,Mme Bernard,signer,B-01,5 200 €
        2026-10-01,M. Petit,commander,B-01,5 200 €
        2026-10-02,M. Petit,commander,B-02,3 000 €
        """
        let passed = checkJournal(clean, at: "2026-10-31", charter: loaded)
        #expect(passed.approvals.isEmpty)
        #expect(!passed.hasProblems)
        // An unknown amount cannot tell whether the signature was needed: reported.
        let unknown = checkJournal("date,acteur,action,numero,montant\n2026-10-02,M. Petit,commander,B-02,\n", at: "2026-10-31", charter: loaded)
        #expect(unknown.approvals.map(\.problem) == [.unverifiable(missing: ["montant"])])
    }

    // MARK: - Outputs

    @Test func formatterKeepsScopesKeysAndRequirements() throws {
        let text = try fixtureText()
        let first = try #require(Formatter.format(text: text).text)
        #expect(Formatter.format(text: first).text == first)
        #expect(first.contains("objet commande \"Bon de commande\" cle numero {"))
        #expect(first.contains("action transmettre_devis \"Transmettre un devis\" sur ressource si categorie == logiciel"))
        #expect(first.contains("exige signer avant commander si montant > 4 000 €"))
        let before = CharterLoader.check(text: text, name: "a.charte"), after = CharterLoader.check(text: first, name: "a.charte")
        #expect(before.tree.declarations == after.tree.declarations)
    }

    @Test func exportsShowTheScopeTheKeyAndTheRequirements() {
        let json = runCLI(["exporter", repositoryPath(Self.charter), "--format", "json"])
        #expect(json.status == 0)
        expectGolden(json.out.replacing(repositoryRoot + "/", with: ""), "Tests/Golden/Approbation/export.json")
        let markdown = runCLI(["exporter", repositoryPath(Self.charter), "--format", "markdown"])
        // The role sheets read each ability inside the action's scope: « si la catégorie est logiciel ».
        expectGolden(markdown.out, "Tests/Golden/Approbation/export.md")
    }

    @Test func completionOffersTheThresholds() throws {
        let model = try CharterLoader.load(path: repositoryPath(Self.charter)).model
        let line = "peut gestionnaire signer commande(montant: "
        #expect(QueryCompletion.complete(line: line, cursor: line.count, charter: model).candidates == ["4 000 €"])
    }

    private func fixtureText() throws -> String {
        try String(contentsOfFile: repositoryPath(Self.charter), encoding: .utf8)
    }
}
