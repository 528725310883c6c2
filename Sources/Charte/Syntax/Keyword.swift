/// Every keyword of the language, in one table.
///
/// Keywords are matched accent- and case-insensitively (the spelling is folded first).
/// Only the reserved ones are refused as identifiers; the others are contextual.
public enum Keyword: String, CaseIterable, Sendable, Hashable {
    case etablissement, calendrier, role, instance, externe, personnes, membres
    case objet, action, sur, evenement, etape, apres, tache
    case responsable, approbateur, aide, consulte, informe
    case si, echeance, quand, delai, en, note
    case autorise, interdit, tous, test, qui, peut, refuse
    case taches, echeances, montre
    case et, ou, non, dans, vrai, faux
    case jour, semaine, mois
    case booleen, texte, nombre, date

    /// The canonical spelling, as the formatter writes it.
    public var spelling: String {
        switch self {
        case .etablissement: "etablissement"
        case .evenement: "evenement"
        case .etape: "etape"
        case .apres: "apres"
        case .tache: "tache"
        case .echeance: "echeance"
        case .delai: "delai"
        case .booleen: "booleen"
        default: rawValue
        }
    }

    /// Other accepted spellings (before folding: accents and case never matter).
    public var aliases: [String] {
        switch self {
        case .personnes: ["personne"]
        case .membres: ["membre"]
        case .responsable: ["responsables"]
        case .aide: ["aides"]
        case .jour: ["jours"]
        case .semaine: ["semaines"]
        case .montre: ["montrer"]
        default: []
        }
    }

    /// Reserved words can never be identifiers.
    public var isReserved: Bool {
        switch self {
        case .et, .ou, .non, .dans, .vrai, .faux, .tous, .si, .sur: true
        default: false
        }
    }

    /// The keyword a folded spelling stands for.
    public static func lookup(folded: String) -> Keyword? { table[folded] }

    private static let table: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for keyword in Keyword.allCases {
            table[Folding.fold(keyword.rawValue)] = keyword
            for alias in keyword.aliases { table[Folding.fold(alias)] = keyword }
        }
        return table
    }()
}
