import Testing
import Foundation
@testable import Charte
import CharteCLI

/// `charte diff` for models: a school against its model (`--modele`, or the model then the
/// school), and a model's update seen through one school's adaptation (`--adaptation`).
@Suite struct DiffModelTests {
    static let folder = "Tests/Fixtures/Diff/modeles/"
    static let extensions = ["texte": "txt", "json": "json", "markdown": "md", "html": "html"]

    static func path(_ name: String) -> String { repositoryPath(folder + name) }

    /// The CLI's output with the repository's root taken out of the paths.
    static func run(_ arguments: [String]) -> CLIResult {
        let result = runCLI(arguments)
        return CLIResult(status: result.status, out: result.out.replacing(repositoryRoot + "/", with: ""),
                         err: result.err.replacing(repositoryRoot + "/", with: ""))
    }

    // MARK: - A school against its model

    @Test("a small school against its model: each kind of change, in the school's roles", arguments: ["texte", "json", "markdown", "html"])
    func smallSchool(format: String) {
        let result = DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole.charte"), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        expectGolden(result.out, "Tests/Golden/Diff/modele-petit.\(DiffModelTests.extensions[format] ?? format)")
    }

    @Test("the bundled collège and lycée against the académie's model", arguments: [
        ("college-adapte", "texte"), ("college-adapte", "json"), ("college-adapte", "markdown"), ("college-adapte", "html"),
        ("lycee-adapte", "texte"),
    ])
    func bundledSchools(school: String, format: String) {
        let result = DiffModelTests.run(["diff", "--modele", repositoryPath("rules/modeles/\(school).charte"), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        expectGolden(result.out, "Tests/Golden/Diff/modele-\(school).\(DiffModelTests.extensions[format] ?? format)")
    }

    @Test("the model then the school reads as --modele", arguments: [
        ("Tests/Fixtures/Diff/modeles/modele.charte", "Tests/Fixtures/Diff/modeles/ecole.charte"),
        ("rules/modeles/academie-exemple.charte", "rules/modeles/college-adapte.charte"),
    ])
    func plainForm(model: String, school: String) {
        let plain = DiffModelTests.run(["diff", repositoryPath(model), repositoryPath(school)])
        let option = DiffModelTests.run(["diff", "--modele", repositoryPath(school)])
        #expect(plain.status == 0)
        #expect(plain.out == option.out)
        #expect(plain.out.hasPrefix("ce que l'établissement a changé concerne "))
    }

    @Test("a school that changes nothing, and one that only says who holds which role")
    func nothingButRoles() {
        let unchanged = DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole-inchangee.charte")])
        #expect(unchanged.status == 0)
        #expect(unchanged.out == "l'établissement n'a rien changé au modèle\n")
        let roles = DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole-roles.charte"), "--refuser-gains"])
        #expect(roles.status == 0)
        #expect(roles.out == """
            ce que l'établissement a changé : 1 rôle du modèle tenu par un rôle de l'établissement
            (du modèle Tests/Fixtures/Diff/modeles/modele.charte, version 1, à l'établissement Tests/Fixtures/Diff/modeles/ecole-roles.charte)

            Rôles du modèle tenus dans l'établissement
              direction tient le rôle gestionnaire du modèle : ce que le modèle confie à gestionnaire lui revient
              Le modèle est lu avec ces rôles ; l'établissement n'y a rien changé d'autre.

            """)
    }

    @Test("the library: the model is read with the school's roles, the rest is the model's")
    func library() throws {
        let comparison = try ModelComparison.schoolAgainstModel(school: DiffModelTests.path("ecole.charte")).get()
        guard case .adaptation(let context) = comparison.comparison else {
            Issue.record("not an adaptation")
            return
        }
        #expect(context.holdings == [RoleHolding(modelRole: "referent", holders: ["documentaliste"])])
        #expect(context.establishment == "Collège des Tests")
        #expect(context.removedTasks == [SchoolRemoval(name: "bilan", reason: "Le bilan se fait en conseil d'administration, hors de la charte.")])
        #expect(context.removedTests.map(\.name) == ["formation"])
        // The old side has no référent: the documentaliste holds the role, in the model too.
        #expect(comparison.old.model.actor(named: "referent") == nil)
        let old = QueryEngine(comparison.old), new = QueryEngine(comparison.new)
        let oldTask = try #require(comparison.old.model.task(named: "formation"))
        let newTask = try #require(comparison.new.model.task(named: "formation"))
        #expect(old.who(task: oldTask).results == new.who(task: newTask).results)
        #expect(comparison.old.model.tasks[oldTask].responsables.map { comparison.old.model.actors[$0].id } == ["documentaliste"])
        let diff = comparison.diff()
        #expect(diff.grantsPermission)
        #expect(diff.permissions.map(\.subject.actor) == ["direction"])
        #expect(diff.removedTasks.map(\.id) == ["bilan"])
        #expect(diff.addedTasks.map(\.id) == ["accueil_ent"])
        #expect(diff.tasks.map(\.id) == ["licences_manuels"])
    }

    @Test("--refuser-gains: the school gives the direction a licence the model did not")
    func refuseGains() {
        #expect(DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole.charte"), "--refuser-gains"]).status == 1)
        #expect(DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole-inchangee.charte"), "--refuser-gains"]).status == 0)
    }

    @Test("bad input for --modele: a missing model, a charter that adapts nothing, wrong arguments")
    func badSchool() {
        let missing = DiffModelTests.run(["diff", "--modele", DiffModelTests.path("ecole-sans-modele.charte")])
        #expect(missing.status == 1)
        #expect(missing.out == "")
        #expect(missing.err.contains("erreur[E700]: modèle introuvable ou illisible « introuvable.charte »"))
        #expect(missing.err.contains("--> Tests/Fixtures/Diff/modeles/ecole-sans-modele.charte:2:8"))
        #expect(missing.err.hasSuffix("La charte « Tests/Fixtures/Diff/modeles/ecole-sans-modele.charte » contient des erreurs : elle doit être corrigée avant usage.\n"))
        let standalone = DiffModelTests.run(["diff", "--modele", repositoryPath("rules/etablissement-exemple.charte")])
        #expect(standalone.status == 2)
        #expect(standalone.err.hasPrefix("charte diff : « rules/etablissement-exemple.charte » n'adapte aucun modèle"))
        #expect(DiffModelTests.run(["diff", "--modele", "/nonexistent.charte"]).status == 2)
        let school = DiffModelTests.path("ecole.charte"), model = DiffModelTests.path("modele.charte")
        #expect(DiffModelTests.run(["diff", "--modele", model, school]).status == 2)
        #expect(DiffModelTests.run(["diff", "--modele", "--adaptation", school, model, model]).status == 2)
    }

    // MARK: - A model's update through one school

    @Test("the small model's update seen through the school", arguments: ["texte", "json", "markdown", "html"])
    func smallUpdate(format: String) {
        let result = DiffModelTests.run(["diff", "--adaptation", DiffModelTests.path("ecole.charte"), DiffModelTests.path("modele.charte"),
                                         DiffModelTests.path("modele-2.charte"), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        expectGolden(result.out, "Tests/Golden/Diff/mise-a-jour-petit.\(DiffModelTests.extensions[format] ?? format)")
    }

    @Test("the académie's mid-year revision seen through the bundled collège and lycée", arguments: [
        ("college-adapte", "texte"), ("college-adapte", "json"), ("college-adapte", "markdown"), ("college-adapte", "html"),
        ("lycee-adapte", "texte"),
    ])
    func bundledUpdate(school: String, format: String) {
        let result = DiffModelTests.run(["diff", "--adaptation", repositoryPath("rules/modeles/\(school).charte"),
                                         repositoryPath("rules/modeles/academie-exemple.charte"),
                                         DiffModelTests.path("academie-exemple-2026.2.charte"), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        expectGolden(result.out, "Tests/Golden/Diff/mise-a-jour-\(school).\(DiffModelTests.extensions[format] ?? format)")
    }

    @Test("--journal with --adaptation: the rows the revision judges otherwise for the collège")
    func journalThroughTheSchool() {
        let result = DiffModelTests.run(["diff", "--adaptation", repositoryPath("rules/modeles/college-adapte.charte"),
                                         repositoryPath("rules/modeles/academie-exemple.charte"), DiffModelTests.path("academie-exemple-2026.2.charte"),
                                         "--journal", repositoryPath("rules/journal-2026-2027.csv"), "--date", "2027-06-30"])
        #expect(result.status == 0)
        let journal = result.out.split(separator: "\n\n").first { $0.hasPrefix("Journal\n") }.map(String.init)
        #expect(journal == """
            Journal
              ligne 24, coordinateurs signaler_probleme probleme(origine: gar) : autorisé → refusé
              ligne 235, tâche enquete_etic : faite à temps (échéance le 11 juin 2027) → faite avec 5 jours de retard (échéance le 4 juin 2027)
              ligne 239, tâche enquetes_ressources : faite à temps (échéance le 11 juin 2027) → faite avec 6 jours de retard (échéance le 4 juin 2027)
              ligne 241, tâche enquetes_usages : faite à temps (échéance le 11 juin 2027) → faite avec 7 jours de retard (échéance le 4 juin 2027)
              tâche charte_ent : sans objet → en retard de 281 jours (échéance le 22 septembre 2026)
            """)
    }

    @Test("the revised model is a clean model whose tests pass")
    func revisedModelIsClean() throws {
        let loaded = try CharterLoader.load(path: DiffModelTests.path("academie-exemple-2026.2.charte"))
        #expect(loaded.diagnostics.isEmpty)
        let report = QueryEngine(try loaded.requireChecked()).runTests()
        #expect(report.failed == 0)
        #expect(report.passed == 31)
    }

    @Test("a model compared with itself through a school: nothing changes for it")
    func sameVersion() {
        let model = DiffModelTests.path("modele.charte")
        let result = DiffModelTests.run(["diff", "--adaptation", DiffModelTests.path("ecole.charte"), model, model, "--refuser-gains"])
        #expect(result.status == 0)
        #expect(result.out == "la nouvelle version du modèle ne change rien pour l'établissement\n")
    }

    @Test("an adaptation that no longer applies to the new version: its errors, with their places, exit 1", arguments: [
        ("modele-3-renommee.charte", "erreur[E701]: le modèle n'a pas de tâche « licences_manuels »", "--> Tests/Fixtures/Diff/modeles/ecole.charte:14:15"),
        ("modele-4-verrouillee.charte", "erreur[E707]: la tâche « bilan » est verrouillée par le modèle", "--> Tests/Fixtures/Diff/modeles/ecole.charte:18:1"),
        ("modele-5-erreur.charte", "erreur[E010]: attendu : une clause", "--> Tests/Fixtures/Diff/modeles/modele-5-erreur.charte:53:14"),
    ])
    func notApplying(model: String, error: String, place: String) {
        let result = DiffModelTests.run(["diff", "--adaptation", DiffModelTests.path("ecole.charte"), DiffModelTests.path("modele.charte"),
                                         DiffModelTests.path(model), "--format", "json"])
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err.contains(error))
        #expect(result.err.contains(place))
        #expect(result.err.hasSuffix("L'adaptation « Tests/Fixtures/Diff/modeles/ecole.charte » ne s'applique pas à la nouvelle version du modèle « Tests/Fixtures/Diff/modeles/\(model) » : rien n'est comparé.\n"))
    }

    @Test("the old version the adaptation does not apply to is refused too")
    func oldNotApplying() {
        let result = DiffModelTests.run(["diff", "--adaptation", DiffModelTests.path("ecole.charte"), DiffModelTests.path("modele-3-renommee.charte"),
                                         DiffModelTests.path("modele.charte")])
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err.hasSuffix("ne s'applique pas à l'ancienne version du modèle « Tests/Fixtures/Diff/modeles/modele-3-renommee.charte » : rien n'est comparé.\n"))
    }

    @Test("bad input for --adaptation: unreadable files, a school that adapts nothing, wrong arguments")
    func badUpdate() {
        let school = DiffModelTests.path("ecole.charte"), model = DiffModelTests.path("modele.charte")
        #expect(DiffModelTests.run(["diff", "--adaptation", school, model, "/nonexistent.charte"]).status == 2)
        #expect(DiffModelTests.run(["diff", "--adaptation", "/nonexistent.charte", model, model]).status == 2)
        #expect(DiffModelTests.run(["diff", "--adaptation", school, model]).status == 2)
        let standalone = DiffModelTests.run(["diff", "--adaptation", repositoryPath("rules/etablissement-exemple.charte"), model, model])
        #expect(standalone.status == 2)
        #expect(standalone.err.contains("n'adapte aucun modèle"))
    }
}
