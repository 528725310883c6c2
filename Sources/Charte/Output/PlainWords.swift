/// Identifiers, numbers and values as a French reader expects them in a sentence, for the
/// outputs meant for people (exports, role sheets, query and journal reports).
///
/// A charter's ids are written without accents or spaces (`mise_a_disposition`); shown to a
/// reader they become words again (`mise à disposition`), with the accents of the words a
/// school charter commonly uses put back. A label, when the charter has one, always wins.
public enum PlainWords {
    /// `mise_a_disposition` → `mise à disposition`, `categorie` → `catégorie`.
    public static func readable(_ id: String) -> String {
        id.split(separator: "_", omittingEmptySubsequences: true)
            .map { word in accented[String(word)] ?? String(word) }
            .joined(separator: " ")
    }

    /// `readable` with a capital first letter: `Vacances de Noël`, `Rentrée`.
    public static func title(_ id: String) -> String { capitalized(readable(id)) }

    /// The text with its first letter in capitals.
    public static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A noun with its definite article: `la catégorie`, `le montant`, `l'origine`.
    ///
    /// The gender is guessed from the first word's ending (French nouns in -ion, -ie, -té,
    /// -ure, -ence… are feminine), with a few common nouns listed; a wrong guess still reads.
    public static func withArticle(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        let folded = Folding.fold(String(first))
        if "aeiouyh".contains(folded) { return "l'" + noun }
        let word = String(noun.prefix { $0 != " " && $0 != "-" }).lowercased()
        return (isFeminine(word) ? "la " : "le ") + noun
    }

    /// The subject for a number attribute: a plural noun counts things, so `lignes` reads
    /// « nombre de lignes » (« le nombre de lignes est inférieur à 50 », never « le lignes »).
    public static func counted(_ noun: String) -> String {
        let word = String(noun.prefix { $0 != " " && $0 != "-" }).lowercased()
        guard word.count > 2, word.hasSuffix("s") || word.hasSuffix("x"), !singularInS.contains(word) else { return noun }
        let folded = noun.first.map { Folding.fold(String($0)) } ?? ""
        return ("aeiouyh".contains(folded) ? "nombre d'" : "nombre de ") + noun
    }

    /// Singular nouns that end in -s or -x.
    static let singularInS: Set<String> = [
        "mois", "prix", "cours", "choix", "temps", "poids", "corps", "fois", "pays", "avis", "acces", "accès",
        "repas", "relais", "taux", "dos", "bras", "discours", "concours", "recours", "secours",
        "devis", "colis", "cas",
    ]

    /// Whether a noun is (most likely) feminine.
    static func isFeminine(_ word: String) -> Bool {
        if masculine.contains(word) { return false }
        if feminine.contains(word) { return true }
        return feminineEndings.contains { word.hasSuffix($0) }
    }

    /// `4 000`, `-1 250`: thousands apart by a no-break space.
    public static func number(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append("\u{00A0}") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A text value between French quotes: `« Lettres »`.
    public static func quoted(_ text: String) -> String { "«\u{00A0}" + text + "\u{00A0}»" }

    /// A typed value in words: an enumeration value readable, a number grouped, a date in full.
    public static func value(_ value: Value, type: ValueType) -> String {
        switch value {
        case .enumeration(let index):
            if case .enumeration(let values) = type, values.indices.contains(index) { return readable(values[index]) }
            return "?"
        case .boolean(let b): return b ? "oui" : "non"
        case .text(let text): return quoted(text)
        case .number(let n): return number(n)
        case .date(let date): return DateText.long(date)
        case .amount(let cents): return euros(cents)
        }
    }

    /// `4 000 €`, `1 800,50 €`: thousands apart and the euro sign after a no-break space.
    public static func euros(_ cents: Int64) -> String {
        let rest = (cents % 100).magnitude
        return number(cents / 100) + (rest == 0 ? "" : "," + (rest < 10 ? "0" : "") + String(rest)) + "\u{00A0}€"
    }

    /// A value written as in a query (`manuel`, `vrai`, `1500`, `"texte"`, `2026-09-01`) in words.
    public static func written(_ text: String) -> String {
        if text == "vrai" { return "oui" }
        if text == "faux" { return "non" }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            return quoted(String(text.dropFirst().dropLast()).replacing("\\\"", with: "\"").replacing("\\\\", with: "\\"))
        }
        if let n = Int64(text) { return number(n) }
        if text.hasSuffix("€"), case .success(let cents) = FrenchNumber.cents(text) { return euros(cents) }
        if let date = CalendarDate(iso: Substring(text)) { return DateText.long(date) }
        return readable(text)
    }

    // MARK: - Tables

    /// Words of school charters written without their accents in ids.
    static let accented: [String: String] = [
        "a": "à", "acces": "accès", "activite": "activité", "activites": "activités", "annee": "année",
        "annees": "années", "aout": "août", "apres": "après", "arrivee": "arrivée", "arrivees": "arrivées",
        "ascension": "Ascension", "bibliotheque": "bibliothèque", "capacite": "capacité", "categorie": "catégorie",
        "categories": "catégories", "cle": "clé", "cloture": "clôture", "college": "collège", "controle": "contrôle",
        "creation": "création", "debut": "début", "decembre": "décembre", "delegation": "délégation",
        "demarche": "démarche", "depart": "départ", "departs": "départs", "depense": "dépense", "depenses": "dépenses",
        "derniere": "dernière", "dernier": "dernier", "donnees": "données", "duree": "durée", "ecole": "école",
        "economie": "économie", "editeur": "éditeur", "editeurs": "éditeurs", "edition": "édition",
        "education": "éducation", "eleve": "élève", "eleves": "élèves", "energie": "énergie", "enquete": "enquête",
        "enquetes": "enquêtes", "equipe": "équipe", "equipement": "équipement", "etablissement": "établissement",
        "etape": "étape", "ete": "été", "etude": "étude", "etudes": "études", "evaluation": "évaluation",
        "evenement": "événement", "echeance": "échéance", "fevrier": "février", "generale": "générale",
        "general": "général", "gerer": "gérer", "interet": "intérêt", "lycee": "lycée", "materiel": "matériel",
        "matiere": "matière", "modele": "modèle", "noel": "Noël", "numerique": "numérique",
        "numeriques": "numériques", "paques": "Pâques", "pedagogique": "pédagogique", "pedagogiques": "pédagogiques",
        "pentecote": "Pentecôte", "periode": "période", "premiere": "première", "prerentree": "pré-rentrée",
        "priorite": "priorité", "probleme": "problème", "problemes": "problèmes", "qualite": "qualité",
        "reference": "référence", "referent": "référent", "region": "région", "regionale": "régionale",
        "reseau": "réseau", "role": "rôle", "roles": "rôles", "rentree": "rentrée", "securite": "sécurité",
        "seance": "séance", "seconde": "seconde", "selection": "sélection", "specialite": "spécialité",
        "strategie": "stratégie", "systeme": "système", "theme": "thème", "toussaint": "Toussaint",
        "velo": "vélo", "verification": "vérification",
        // Acronyms of the French school system, written in capitals.
        "brne": "BRNE", "cdi": "CDI", "cpe": "CPE", "dane": "DANE", "dne": "DNE", "drane": "DRANE", "ent": "ENT",
        "eple": "EPLE", "etic": "ETIC", "gar": "GAR", "rgpd": "RGPD", "uai": "UAI", "ulis": "ULIS",
    ]

    /// Nouns whose ending misleads the guess.
    static let masculine: Set<String> = ["lycée", "musée", "type", "groupe", "cycle", "niveau", "statut", "mode", "service",
                                         "système", "thème", "problème", "modèle", "collège", "support", "usage", "stage"]
    /// Feminine nouns no ending gives away.
    static let feminine: Set<String> = ["date", "classe", "forme", "zone", "période", "valeur", "source", "ressource",
                                        "somme", "matière", "étape", "échéance", "enquête", "équipe", "demande",
                                        "commande", "dépense", "langue", "salle", "note", "durée", "clé", "fin"]
    /// Endings of feminine nouns.
    static let feminineEndings = ["ion", "ie", "té", "ure", "ence", "ance", "ée", "ette", "ise", "ude", "ade", "ine",
                                  "ique", "elle", "esse", "ière", "ère", "tion", "ite"]
}
