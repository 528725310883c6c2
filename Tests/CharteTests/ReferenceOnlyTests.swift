import Foundation
import Testing
@testable import Charte
import CharteCLI

/// Issue 13, "Done when": a charter written from docs/reference.md and Grammar.md alone (not
/// from the implementation or other fixtures) gets exactly the answers and diagnostics those
/// documents state. Each expectation cites the section it comes from.
@Suite struct ReferenceOnlyTests {
    static let folder = "Tests/CharteTests/Fixtures/reference-only/"
    static let charter = folder + "lycee.charte"

    /// Section 10 (one line per problem with `--format gcc`), 13.7 (the gap at exactly
    /// 4 000 € is `commande(montant: 4 000 €)`), 13.3 (W403 with the nearest working day),
    /// 13.4 (`zone B` gives `rentree` = 2026-09-01), 13.5 (no E500 for the exempted actor).
    @Test func diagnosticsAreTheDocumentedOnes() {
        let result = runCLI(["verifier", repositoryPath(Self.charter), "--format", "gcc"])
        #expect(result.status == 0)
        let lines = (result.out + result.err).split(separator: "\n").map(String.init)
            .filter { $0.contains(": warning: ") || $0.contains(": error: ") }
            .map { $0.replacing(repositoryPath(Self.folder), with: "") }
        #expect(lines == [
            "lycee.charte:25:1: warning: l'action « commander » n'a pas de responsable pour commande(montant: 4 000 €) [W501]",
            "lycee.charte:67:14: warning: échéance 2026-09-19 un samedi [W403]",
        ])
    }

    /// Sections 7, 13.5 (`seul … peut`), 13.6 (amounts), 13.8 (scope): every assertion passes.
    @Test func theChartersTestsPass() {
        let result = runCLI(["test", repositoryPath(Self.charter)])
        #expect(result.status == 0)
        #expect(result.out.contains("10 réussies, 0 échouée"))
        #expect(result.out.contains("→ refusé (portée de l'action transmettre_devis, ligne 23)"))
        #expect(result.out.contains("→ refusé (interdit tous sauf referent_numerique attribuer_licence, ligne 71)"))
    }

    /// Section 8 queries: `peut` names the deciding rule, `qui` nobody at the gap.
    @Test func queriesGiveTheDocumentedAnswers() throws {
        func decide(_ query: String) throws -> String {
            let result = runCLI(["requete", repositoryPath(Self.charter), query, "--format", "json"])
            #expect(result.status == 0, "\(query): \(result.err)")
            let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
            return object?["decision"] as? String ?? "?"
        }
        #expect(try decide("peut referent_numerique attribuer_licence ressource(categorie: manuel, niveau: cap)") == "autorise")
        #expect(try decide("peut gestionnaire attribuer_licence ressource(categorie: manuel, niveau: seconde)") == "refuse")
        // Premiere is outside the exception's condition: the other actors fall back to the default.
        #expect(try decide("peut referent_numerique attribuer_licence ressource(categorie: manuel, niveau: premiere)") == "autorise")
        #expect(try decide("peut ddfpt transmettre_devis ressource(categorie: manuel)") == "refuse")
        // 13.8: where the scope's attribute is unknown, autorise becomes indetermine.
        #expect(try decide("peut ddfpt transmettre_devis ressource()") == "indetermine")
        #expect(try decide("peut proviseur commander commande(montant: 4 000,01 €)") == "autorise")
        #expect(try decide("peut gestionnaire commander commande(montant: 3 999,99 €)") == "autorise")
        #expect(try decide("peut gestionnaire commander commande(montant: 4 000 €)") == "refuse")
    }

    /// Sections 9, 13.3 (a departure on Friday 16 October 2026 with `delai 3 jours ouvres` is due
    /// Wednesday 4 November), 13.8 (a row outside the scope is refused), 13.9 (an order above
    /// 4 000 € without an earlier signature is reported; one signed before passes), exit 1.
    @Test func journalReportsWhatTheReferenceSays() {
        let result = runCLI(["journal", repositoryPath(Self.charter), repositoryPath(Self.folder + "journal.csv"),
                             "--date", "2026-11-10", "--format", "json"])
        #expect(result.status == 1)
        let text = runCLI(["journal", repositoryPath(Self.charter), repositoryPath(Self.folder + "journal.csv"),
                           "--date", "2026-11-10"])
        #expect(text.status == 1)
        let flat = text.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("5 actions vérifiées (4 autorisées, 1 refusée, 0 indéterminée), 1 événement"))
        #expect(flat.contains("ligne 7 · lundi 5 octobre 2026 · ddfpt : « Transmettre un devis » quand la catégorie est manuel refusée par : la portée de l'action transmettre_devis (ligne 23)"))
        #expect(flat.contains("mercredi 4 novembre 2026 · mouvements (événement du vendredi 16 octobre 2026, ligne 6)"))
        #expect(flat.contains("ligne 5 (mardi 15 septembre 2026) : « commander » sur numero \"2026-003\" demande d'abord « signer » par proviseur : aucune ligne ne le fait"))
        #expect(flat.contains("1 action sans l'action exigée avant."))
        #expect(!flat.contains("2026-002\" demande"))
    }
}
