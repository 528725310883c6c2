/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    /// The charter cannot be used.
    case error
    /// The charter can be used, but something deserves a look (`--strict` makes it an error).
    case warning

    /// The French word shown to users.
    public var french: String { self == .error ? "erreur" : "avertissement" }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// Every stable diagnostic code of the language (spec section 9, plus robustness limits).
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Comparable {
    case E001, E002, E003, E004, E005, E010, E011, E012, E013
    case E006
    case E100, E101, E102, E103, E104, E105, E106, E107, E108
    case E200, E202
    case E300, W301, W302, W303, W304, E305
    case E400, W401, W402, W403
    case E500, W501, W502, W503
    case W600, W601
    case E120, E121, E122, E123, W310, W311, W312, W313
    case E320, E321, E322, E323, E324
    case E700, E701, E702, E703, E704, E705, E706, E707, E708, E709, E710, E711, E712, E713, W700, W701
    case W602, W603
    case E110, E205, E206, E207, E208, W504, W505
    case E330, E331, E332

    /// The severity implied by the code's letter.
    public var severity: Severity { rawValue.hasPrefix("W") ? .warning : .error }

    /// A short French title, used by SARIF rules and `charte expliquer`.
    public var title: String {
        switch self {
        case .E001: "caractère inattendu"
        case .E002: "chaîne non terminée"
        case .E003: "date impossible ou mal formée"
        case .E004: "nombre mal formé ou trop grand"
        case .E005: "UTF-8 invalide"
        case .E006: "nombre ambigu"
        case .E010: "erreur de syntaxe"
        case .E011: "bloc non fermé"
        case .E012: "imbrication trop profonde"
        case .E013: "limite dépassée"
        case .E100: "acteur inconnu"
        case .E101: "déclaration en double"
        case .E102: "étape ou tâche inconnue dans « apres »"
        case .E103: "action inconnue"
        case .E104: "événement inconnu"
        case .E105: "type d'objet inconnu"
        case .E106: "attribut ou valeur inconnus"
        case .E107: "nom de calendrier inconnu"
        case .E108: "calendrier scolaire officiel indisponible"
        case .E200: "types incompatibles dans une condition"
        case .E202: "« quand » sans « delai », ou l'inverse"
        case .E300: "tâche sans responsable"
        case .W301: "plusieurs approbateurs"
        case .W302: "acteur jamais utilisé"
        case .W303: "étape sans tâche"
        case .W304: "un acteur tient deux lettres dans une tâche"
        case .E305: "cycle de dépendances"
        case .E400: "échéance antérieure à celle d'un prérequis"
        case .W401: "échéance hors du calendrier"
        case .W402: "échéance pendant des vacances"
        case .W403: "échéance un week-end ou un jour férié"
        case .E500: "une interdiction rend une tâche impossible"
        case .W501: "trou de couverture"
        case .W502: "chevauchement de responsabilités"
        case .W503: "une interdiction retire une partie d'une tâche"
        case .W600: "identifiant mêlant plusieurs écritures"
        case .W601: "caractère de contrôle bidirectionnel"
        case .E120: "tâche inconnue dans une suppléance"
        case .E121: "suppléance qui finit avant de commencer"
        case .E122: "acteur suppléant de lui-même"
        case .E123: "suppléance déléguée à son tour"
        case .W310: "suppléance hors du calendrier"
        case .W311: "suppléant interdit de ce qui lui est délégué"
        case .W312: "suppléances qui se chevauchent"
        case .W313: "suppléance qui ne délègue rien"
        case .E320: "une personne tient deux rôles incompatibles"
        case .E321: "lettres incompatibles dans une tâche"
        case .E322: "actions incompatibles dans une tâche"
        case .E323: "incompatibilité entre noms de sortes différentes"
        case .E324: "suppléant incompatible avec l'absent"
        case .E700: "modèle introuvable ou illisible"
        case .E701: "adaptation d'une chose absente du modèle"
        case .E702: "deux adaptations de la même chose"
        case .E703: "cycle de modèles"
        case .E704: "chaîne de modèles trop longue"
        case .E705: "adaptation sans modèle"
        case .E706: "le fichier adapté n'est pas un modèle"
        case .E707: "tâche verrouillée retirée"
        case .E708: "règle verrouillée retirée"
        case .E709: "autorisation contraire à une interdiction verrouillée"
        case .E710: "tâche verrouillée affaiblie"
        case .E711: "« modele » ou « adapte » en double"
        case .E712: "« tient » sur autre chose qu'un rôle du modèle"
        case .E713: "étape ou rôle retiré encore employé"
        case .W700: "le modèle a changé de version"
        case .W701: "version adaptée non précisée"
        case .W602: "caractère de contrôle"
        case .W603: "identifiant qui se confond avec un autre"
        case .E110: "portée d'une action sans type d'objet"
        case .E205: "clé qui n'est pas un attribut"
        case .E206: "exigence entre actions de types différents"
        case .E207: "exigence sur un type sans clé"
        case .E208: "exigence sans acteur ni approbateur"
        case .W504: "condition hors de la portée de l'action"
        case .W505: "portée d'action vide"
        case .E330: "seuil inconnu"
        case .E331: "seuil hors des valeurs permises"
        case .E332: "seuil donné deux fois"
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue.dropFirst() < rhs.rawValue.dropFirst()
    }
}
