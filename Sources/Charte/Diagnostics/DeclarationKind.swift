/// What a declared name is, as messages carry it (E101, E102, `montre`); its French words
/// are written here only.
public enum DeclarationKind: Sendable, Hashable {
    case actor, objectType, action, event, step, task
    case establishment, calendar, calendarName
    /// An attribute of an object type (named when it is a declaration's, not a literal's).
    case attribute(of: String?)
    /// A value of an enumeration attribute.
    case value(of: String)

    /// The French words: `acteur`, `attribut de « ressource »`.
    public var french: String {
        switch self {
        case .actor: "acteur"
        case .objectType: "type d'objet"
        case .action: "action"
        case .event: "événement"
        case .step: "étape"
        case .task: "tâche"
        case .establishment: "établissement"
        case .calendar: "calendrier"
        case .calendarName: "nom du calendrier"
        case .attribute(let type): type.map { "attribut de « \($0) »" } ?? "attribut"
        case .value(let attribute): "valeur de « \(attribute) »"
        }
    }
}
