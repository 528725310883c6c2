/// Every keyword of the language, in one table.
///
/// Keywords are matched accent- and case-insensitively (the spelling is folded first).
/// Only the reserved ones are refused as identifiers; the others are contextual.
/// The editors' syntax files are generated from this table: after adding a keyword, run
/// `CHARTE_REGOLDEN=1 swift test --filter SyntaxFiles` (and give it a group in `SyntaxFiles`).
public enum Keyword: String, CaseIterable, Sendable, Hashable {
    case etablissement, calendrier, role, instance, externe, personnes, membres
    case objet, action, sur, evenement, etape, apres, tache
    case responsable, approbateur, aide, consulte, informe
    case si, echeance, quand, delai, en, note
    case autorise, interdit, tous, sauf, test, qui, peut, refuse, seul
    case taches, echeances, montre
    case et, ou, non, dans, vrai, faux
    case jour, semaine, mois
    case booleen, texte, nombre, date, euros
    case ouvre, zone
    case suppleance, par, du, au, nature, signature, pouvoir, incompatibles
    case modele, version, adapte, modifie, retire, tient, verrouille
    case cle, exige, avant
    case seuils, consultesMax = "consultes_max", tachesParMoisMax = "taches_par_mois_max"

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
        case .suppleance: "suppleance"
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
        case .ouvre: ["ouvres"]
        case .montre: ["montrer"]
        case .seul: ["seule", "seuls", "seules"]
        case .peut: ["peuvent"]
        case .euros: ["euro"]
        case .suppleance: ["suppleances"]
        case .incompatibles: ["incompatible"]
        case .modifie: ["modifier"]
        case .retire: ["retirer"]
        case .tient: ["tiennent"]
        case .verrouille: ["verrouillee", "verrouilles", "verrouillees"]
        case .seuils: ["seuil"]
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

    /// The keyword an ASCII spelling stands for, in any case: `lookup(folded:)` of its
    /// lowercase form, without building a string (the lexer calls this for every word).
    static func lookup(ascii spelling: ArraySlice<UInt8>) -> Keyword? {
        let count = spelling.count
        guard count < asciiTable.count else { return nil }
        let base = spelling.startIndex
        candidates: for (folded, keyword) in asciiTable[count] {
            for position in 0..<count {
                var byte = spelling[base + position]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != folded[position] { continue candidates }
            }
            return keyword
        }
        return nil
    }

    /// The ASCII entries of `table`, grouped by length.
    private static let asciiTable: [[(folded: [UInt8], keyword: Keyword)]] = {
        let entries = table.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } }
        var byLength = [[(folded: [UInt8], keyword: Keyword)]](repeating: [], count: (entries.keys.map(\.utf8.count).max() ?? 0) + 1)
        for (folded, keyword) in entries.sorted(by: { $0.key < $1.key }) {
            byLength[folded.utf8.count].append((Array(folded.utf8), keyword))
        }
        return byLength
    }()

    private static let table: [String: Keyword] = {
        var table: [String: Keyword] = [:]
        for keyword in Keyword.allCases {
            table[Folding.fold(keyword.rawValue)] = keyword
            for alias in keyword.aliases { table[Folding.fold(alias)] = keyword }
        }
        return table
    }()
}
