import Foundation
import Testing
@testable import Charte

/// W501, W502, E500 and W503 exact over `nombre`, `euros` and `date` attributes compared with
/// constants (issue 13, item 3), and `charte diff` exact on them.
@Suite struct NumericCoverageTests {
    private static let base = """
    role proviseur "Proviseur"
    role gestionnaire "Gestionnaire"
    objet commande "Bon de commande" { montant: euros, quantite: nombre, envoi: date, reception: date, objet: texte }
    action commander "Commander" sur commande

    """

    private static func tasks(_ small: String, _ large: String) -> String {
        base + """
        etape achats "Achats" {
          tache petites "Petites commandes" { responsable gestionnaire  action commander si \(small) }
          tache grosses "Grosses commandes" { responsable proviseur  action commander si \(large) }
        }

        """
    }

    @Test(arguments: [
        // The gap at exactly the threshold, as an object literal.
        ("montant < 4 000 €", "montant > 4 000 €", [CoverageWords.gap("commander", "commande(montant: 4 000 €)")]),
        ("montant < 4 000 €", "montant >= 4 000 €", []),
        ("montant <= 4 000 €", "montant > 4 000 €", []),
        // No cent lies between 99,99 € and 100 €, no whole number between 9 and 10.
        ("montant < 100 €", "montant > 99,99 €", []),
        ("quantite < 10", "quantite > 9", []),
        ("quantite < 10", "quantite > 10", [CoverageWords.gap("commander", "commande(quantite: 10)")]),
        // Intervals are named in words, the runs of pieces merged.
        ("montant < 1 000 €", "montant > 4 000 €", [CoverageWords.gap("commander", "commande(montant: de 1 000 € à 4 000 €)")]),
        ("montant <= 1 000 €", "montant >= 4 000 €", [CoverageWords.gap("commander", "commande(montant: plus de 1 000 € et moins de 4 000 €)")]),
        ("montant > 10 €", "montant > 20 €", [CoverageWords.gap("commander", "commande(montant: au plus 10 €)"),
                                              CoverageWords.overlap("commander", "petites", "grosses", "commande(montant: plus de 20 €)")]),
        ("montant dans [10 €, 20 €]", "montant < 10 € ou montant > 20 €", [CoverageWords.gap("commander", "commande(montant: plus de 10 € et moins de 20 €)")]),
        ("envoi < 2027-01-01", "envoi > 01/01/2027", [CoverageWords.gap("commander", "commande(envoi: 2027-01-01)")]),
        ("envoi < 2027-01-01", "envoi > 2027-06-30", [CoverageWords.gap("commander", "commande(envoi: du 2027-01-01 au 2027-06-30)")]),
        ("envoi <= 2027-01-01", "envoi >= 2027-06-30", [CoverageWords.gap("commander", "commande(envoi: après le 2027-01-01 et avant le 2027-06-30)")]),
        ("envoi >= 2027-01-01", "envoi >= 2027-06-30", [CoverageWords.gap("commander", "commande(envoi: avant le 2027-01-01)"),
                                                        CoverageWords.overlap("commander", "petites", "grosses", "commande(envoi: à partir du 2027-06-30)")]),
        // Two attributes.
        ("montant < 4 000 €", "montant > 4 000 € et envoi < 2027-01-01", [CoverageWords.gap("commander", "commande(montant: 4 000 €), commande(montant: au moins 4 000 €, envoi: à partir du 2027-01-01)")]),
        // Overlaps, exactly.
        ("montant <= 4 000 €", "montant >= 4 000 €", [CoverageWords.overlap("commander", "petites", "grosses", "commande(montant: 4 000 €)")]),
        ("quantite <= 10", "quantite >= 10", [CoverageWords.overlap("commander", "petites", "grosses", "commande(quantite: 10)")]),
        // An attribute compared with another stays unknown: no uncertain diagnostic.
        ("envoi < reception", "envoi >= reception", []),
        ("envoi < reception et montant < 5 €", "envoi >= reception", []),
    ])
    func coverage(small: String, large: String, expected: [String]) {
        #expect(check(Self.tasks(small, large)).diagnostics.map(\.message.text) == expected)
    }

    @Test(arguments: [
        // E500: the forbid covers everything the task does; W503: part of it.
        ("interdit gestionnaire commander si montant < 5 000 €", [Message.forbidKillsTask(actor: "gestionnaire", action: "commander", task: "petites").text]),
        ("interdit gestionnaire commander si montant > 3 000 €", [CoverageWords.carve("gestionnaire", "commander", "petites", "commande(montant: plus de 3 000 € et moins de 4 000 €)")]),
        ("interdit gestionnaire commander si montant >= 4 000 €", []),
        ("interdit gestionnaire commander si envoi >= 2027-07-01", [CoverageWords.carve("gestionnaire", "commander", "petites", "commande(montant: moins de 4 000 €, envoi: à partir du 2027-07-01)")]),
    ])
    func forbids(rule: String, expected: [String]) {
        #expect(check(Self.tasks("montant < 4 000 €", "montant >= 4 000 €") + rule + "\n").diagnostics.map(\.message.text) == expected)
    }

    @Test func theLineIsCutAtTheConstantsWhateverTheirSize() throws {
        // Five pieces for two constants, however far apart: below, each constant, between, above.
        let wide = try #require(ValueLine(type: .euros, constants: [.amount(100), .amount(9_000_000_000_000_000)]))
        #expect(wide.pieces.count == 5)
        #expect(wide.values == [.amount(0), .amount(100), .amount(101), .amount(9_000_000_000_000_000), .amount(9_000_000_000_000_001)])
        // Nothing below zero (no negative amount can be written), nothing between two neighbours.
        let tight = try #require(ValueLine(type: .number, constants: [.number(0), .number(1)]))
        #expect(tight.pieces == [.point(.number(0)), .point(.number(1)), .between(.number(1), nil)])
        #expect(ValueLine(type: .number, constants: []) == nil)
        #expect(ValueLine(type: .text, constants: [.text("a")]) == nil)
        // The last day a date can have ends the line.
        let last = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        #expect(try #require(ValueLine(type: .date, constants: [.date(last)])).pieces.count == 2)
    }

    @Test func manyThresholdsStayCheap() {
        // 300 distinct thresholds (601 pieces) on amounts of any size: analysed, exact, at once.
        let thresholds = "montant dans [" + (1...300).map { "\($0 * 1_000_000) €" }.joined(separator: ", ") + "]"
        let source = Self.tasks(thresholds, "non (\(thresholds))")
        #expect(check(source).diagnostics.map(\.message) == [])
    }

    @Test("a numeric threshold change in charte diff", arguments: ["texte", "json"])
    func diffOfAThreshold(format: String) {
        let folder = "Tests/Fixtures/Diff/seuil/"
        let relative = FileManager.default.currentDirectoryPath == repositoryRoot
        let path = { (name: String) in relative ? folder + name : repositoryPath(folder + name) }
        let result = runCLI(["diff", path("avant.charte"), path("apres.charte"), "--format", format])
        #expect(result.status == 0)
        #expect(result.err == "")
        expectGolden(result.out.replacing(repositoryRoot + "/", with: ""), "Tests/Golden/Diff/seuil.\(format == "texte" ? "txt" : format)")
    }
}
