import Testing
@testable import Charte

/// Conditions, values and deadlines in words, as the outputs for people show them.
@Suite("Plain French words")
struct PlainWordsTests {
    /// A charter with one object type holding every kind of attribute, and one rule on it.
    static func rule(_ condition: String) -> String? {
        let loaded = check("""
        role a
        objet ressource {
          categorie: manuel | documentaire | outil
          abonnement: booleen
          montant: nombre
          arrivee: date
          discipline: texte
          lignes: nombre
          eleves: nombre
          mois: nombre
        }
        action commander sur ressource
        interdit a commander si \(condition)
        """)
        guard !loaded.hasErrors, let rule = loaded.model.permissions.first else { return nil }
        return loaded.model.conditionWords(rule.condition, action: rule.action)
    }

    @Test(arguments: [
        ("categorie == manuel", "la catégorie est manuel"),
        ("categorie != manuel", "la catégorie n'est pas manuel"),
        ("categorie == manuel ou categorie == outil", "la catégorie est manuel ou outil"),
        ("categorie != manuel et categorie != outil", "la catégorie n'est ni manuel ni outil"),
        ("non (categorie == manuel ou categorie == outil)", "la catégorie n'est ni manuel ni outil"),
        ("abonnement", "avec abonnement"),
        ("non abonnement", "sans abonnement"),
        ("montant > 4000 et non abonnement", "le montant dépasse 4\u{00A0}000 et sans abonnement"),
        ("montant <= 150", "le montant est d'au plus 150"),
        ("4000 < montant", "le montant dépasse 4\u{00A0}000"),
        ("non (montant > 4000)", "le montant est d'au plus 4\u{00A0}000"),
        ("arrivee < 2026-12-04", "l'arrivée est avant le vendredi 4 décembre 2026"),
        ("discipline == \"Lettres\"", "la discipline est «\u{00A0}Lettres\u{00A0}»"),
        ("categorie == manuel ou abonnement et montant > 10", "la catégorie est manuel ou (avec abonnement et le montant dépasse 10)"),
        ("(categorie == manuel ou abonnement) et montant > 10", "(la catégorie est manuel ou avec abonnement) et le montant dépasse 10"),
        // A plural number counts things; a singular noun in -s stays as it is.
        ("lignes < 50", "le nombre de lignes est inférieur à 50"),
        ("eleves >= 30", "le nombre d'élèves est d'au moins 30"),
        ("mois > 2", "le mois dépasse 2"),
    ])
    func conditions(condition: String, words: String) {
        #expect(Self.rule(condition) == words)
    }

    @Test(arguments: [
        ("mise_a_disposition", "mise à disposition"), ("categorie", "catégorie"), ("admin_ent", "admin ENT"),
        ("fin_annee", "fin année"), ("noel", "Noël"),
    ])
    func readable(id: String, words: String) {
        #expect(PlainWords.readable(id) == words)
    }

    @Test(arguments: [
        ("rentree + 2 semaines", "2 semaines après «\u{00A0}Rentrée\u{00A0}»"),
        ("toussaint - 8 jours", "8 jours avant «\u{00A0}Toussaint\u{00A0}»"),
        ("cloture_commandes", "«\u{00A0}Clôture commandes\u{00A0}»"),
        ("2026-12-04 - 1 jour", "1 jour avant le vendredi 4 décembre 2026"),
        ("2026-12-04", nil),
        // The checker writes a labelled entry by its label, which may hold spaces.
        ("Rentrée des élèves + 5 semaines", "5 semaines après «\u{00A0}Rentrée des élèves\u{00A0}»"),
        ("Conseils d'enseignement - 3 semaines", "3 semaines avant «\u{00A0}Conseils d'enseignement\u{00A0}»"),
        ("Rentrée des élèves", "«\u{00A0}Rentrée des élèves\u{00A0}»"),
        ("12/02/2027 - 2 jours ouvrés", "2 jours ouvrés avant le 12/02/2027"),
    ])
    func deadlines(written: String, words: String?) {
        #expect(DeadlineWords.phrase(written, calendar: nil) == words)
    }
}
