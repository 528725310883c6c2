/// A journal row (or the header) that could not be read, or only in part: reported with its
/// line while the rest of the journal is still checked.
///
/// The catalogue of journal messages: every text users see about a journal row is here.
public struct JournalIssue: Sendable, Hashable {
    /// What is wrong.
    public enum Kind: Sendable, Hashable {
        /// A problem of the CSV layer (field too long, unclosed quote, encoding…).
        case csv(CSVIssue.Kind)
        /// A required column is absent from the header: nothing can be checked.
        case missingColumn(String)
        /// The header names a column twice: the later one is ignored.
        case duplicateColumn(String)
        /// A header column is neither a journal column nor an attribute: it is ignored.
        case unknownColumn(String)
        /// The journal has no header row.
        case emptyJournal
        /// The date cell is empty.
        case missingDate
        /// The date cell is not a date.
        case badDate(String)
        /// Neither `action` nor `tache` is filled.
        case nothingToCheck
        /// The `action` cell names no action or event.
        case unknownAction(String)
        /// The `tache` cell names no task.
        case unknownTask(String)
        /// An action row without an actor.
        case missingActor(action: String)
        /// The `acteur` cell names no actor and no person.
        case unknownActor(String)
        /// The `pour` cell names no actor and no person.
        case unknownOnBehalf(String)
        /// A cell folds to the names of two different things (their descriptions, sorted).
        case ambiguousName(String, candidates: [String])
        /// A cell is not a value of its attribute's type (the attribute is taken as unknown).
        case badValue(attribute: String, value: String, expected: String)
        /// More non-empty cells than header columns.
        case extraFields(found: Int, expected: Int)
        /// A task marked done while none of its event-triggered instances was open.
        case noOpenInstance(task: String)
        /// An event whose due date (event date + delai) leaves the calendar's range.
        case dueDateOutOfRange(task: String)
    }

    /// The 1-based line of the row in the journal.
    public var line: Int
    /// What is wrong.
    public var kind: Kind
    /// Names that could have been meant ("vouliez-vous dire"), at most three.
    public var suggestions: [String]

    /// Creates an issue.
    public init(line: Int, kind: Kind, suggestions: [String] = []) {
        self.line = line
        self.kind = kind
        self.suggestions = suggestions
    }

    /// A stable short code for tools.
    public var code: String {
        switch kind {
        case .csv(let kind): CSVIssue(line: line, kind: kind).code
        case .missingColumn: "colonne_absente"
        case .duplicateColumn: "colonne_en_double"
        case .unknownColumn: "colonne_inconnue"
        case .emptyJournal: "journal_vide"
        case .missingDate: "date_absente"
        case .badDate: "date_illisible"
        case .nothingToCheck: "ligne_sans_action"
        case .unknownAction: "action_inconnue"
        case .unknownTask: "tache_inconnue"
        case .missingActor: "acteur_absent"
        case .unknownActor: "acteur_inconnu"
        case .unknownOnBehalf: "pour_inconnu"
        case .ambiguousName: "nom_ambigu"
        case .badValue: "valeur_invalide"
        case .extraFields: "champs_en_trop"
        case .noOpenInstance: "tache_sans_occurrence"
        case .dueDateOutOfRange: "echeance_hors_limites"
        }
    }

    /// The French message, without the suggestion.
    public var message: String {
        switch kind {
        case .csv(let kind): CSVIssue(line: line, kind: kind).message
        case .missingColumn(let name): "colonne « \(name) » absente de l'en-tête : le journal ne peut pas être vérifié"
        case .duplicateColumn(let name): "colonne « \(name) » en double : la seconde est ignorée"
        case .unknownColumn(let name): "colonne « \(name) » inconnue : ni une colonne du journal ni un attribut, elle est ignorée"
        case .emptyJournal: "journal vide : la première ligne doit nommer les colonnes (date, acteur, action, tache…)"
        case .missingDate: "date absente : ligne ignorée"
        case .badDate(let text): "date illisible « \(text) » (attendu AAAA-MM-JJ ou JJ/MM/AAAA) : ligne ignorée"
        case .nothingToCheck: "ni action ni tâche : ligne ignorée"
        case .unknownAction(let name): "action ou événement inconnu « \(name) » : la ligne n'a pas pu être vérifiée"
        case .unknownTask(let name): "tâche inconnue « \(name) » : la ligne n'a pas pu être vérifiée"
        case .missingActor(let action): "action « \(action) » sans acteur : l'autorisation n'a pas pu être vérifiée"
        case .unknownActor(let name): "acteur inconnu « \(name) » : l'autorisation n'a pas pu être vérifiée"
        case .unknownOnBehalf(let name):
            "« pour » : acteur inconnu « \(name) » (pour le compte de qui ?) : l'autorisation n'a pas pu être vérifiée"
        case .ambiguousName(let name, let candidates):
            "« \(name) » est ambigu : " + JournalIssue.either(candidates) + " ; écrivez l'identifiant : la ligne n'a pas pu être vérifiée"
        case .badValue(let attribute, let value, let expected):
            "valeur « \(value) » invalide pour « \(attribute) » (attendu \(expected)) : la ligne n'a pas pu être vérifiée"
        case .extraFields(let found, let expected): "\(found) champs remplis pour \(expected) colonnes : ligne ignorée"
        case .noOpenInstance(let task): "tâche « \(task) » marquée faite sans occurrence ouverte (aucun événement en attente)"
        case .dueDateOutOfRange(let task): "l'échéance de « \(task) » pour cet événement sort du calendrier utilisable"
        }
    }

    /// `a`, `a ou b`, `a, b ou c`.
    static func either(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " ou " + last
    }

    /// Whether the row it concerns counts as not verifiable (and fails the run).
    public var makesRowUnverifiable: Bool {
        switch kind {
        case .unknownAction, .unknownTask, .missingActor, .unknownActor, .unknownOnBehalf, .ambiguousName, .badValue: true
        default: false
        }
    }

    /// The "vouliez-vous dire" text, or nil.
    public var suggestionText: String? {
        guard !suggestions.isEmpty else { return nil }
        let names = suggestions.map { "« \($0) »" }
        if names.count == 1 { return "vouliez-vous dire \(names[0]) ?" }
        return "vouliez-vous dire " + names.dropLast().joined(separator: ", ") + " ou " + (names.last ?? "") + " ?"
    }
}
