// The typed values of the type messages (E200): what a place wanted, what it was given,
// and how a literal is named; their French words are written here only.

extension ValueType {
    /// The French description used in messages: « un nombre », « une valeur parmi a | b ».
    public var description: String {
        switch self {
        case .enumeration(let values): "une valeur parmi \(values.joined(separator: " | "))"
        case .boolean: "un booléen (vrai ou faux)"
        case .text: "un texte"
        case .number: "un nombre"
        case .date: "une date"
        case .euros: "un montant en euros"
        }
    }
}

/// A literal as a charter or a query wrote it, for messages.
public enum WrittenValue: Sendable, Hashable {
    case name(String)
    case text(String)
    /// An integer; nil when it was malformed.
    case integer(Int64?)
    /// A date; nil when it was impossible.
    case date(CalendarDate?)
    case boolean(Bool)
    /// A number with `€`, a whole number with grouping, a decimal number: as written.
    case amount(String), wholeNumber(String), decimal(String)

    /// The French words: « nom », le texte « … », le nombre 3, la date 2026-09-01…
    public var french: String {
        switch self {
        case .name(let name): "« \(name) »"
        case .text(let text): "le texte « \(text) »"
        case .integer(let n): "le nombre \(n.map(String.init) ?? "?")"
        case .date(let d): "la date \(d?.description ?? "?")"
        case .boolean(let b): b ? "vrai" : "faux"
        case .amount(let written): "le montant \(written)"
        case .wholeNumber(let written): "le nombre \(written)"
        case .decimal(let written): "le nombre décimal \(written) (un « nombre » est entier ; déclarez « euros » pour un montant)"
        }
    }

    /// The words inside « … » where the message quotes the value itself (a name bare).
    var quotable: String {
        if case .name(let name) = self { return name }
        return french
    }
}

/// What a place in a condition, a test or a query wanted (E200).
public enum TypeExpectation: Sendable, Hashable {
    /// A value of an attribute's type.
    case value(ValueType)
    /// An attribute of the named object type.
    case attribute(of: String)
    /// An object of the named type.
    case object(of: String)
    /// No object: the named action has none.
    case noObject(action: String)
    /// An action, where a task (which has no object) was given an object.
    case actionNotTask
    /// The end of a calendar period, after its start.
    case periodEnd(after: CalendarDate)

    /// The French words.
    public var french: String {
        switch self {
        case .value(let type): type.description
        case .attribute(let type): "un attribut de « \(type) »"
        case .object(let type): "un objet « \(type) »"
        case .noObject(let action): "aucun objet (l'action « \(action) » n'en a pas)"
        case .actionNotTask: "une action (une tâche n'a pas d'objet)"
        case .periodEnd(let start): "une fin de période postérieure au début (\(start))"
        }
    }
}

/// What a place in a condition, a test or a query was given instead (E200).
public enum TypeFound: Sendable, Hashable {
    /// A literal.
    case literal(WrittenValue)
    /// Another attribute, of another type.
    case attribute(name: String, type: ValueType)
    /// A value of another enumeration attribute.
    case valueOf(value: String, attribute: String)
    /// An object literal's type, quoted (a query) or bare (a charter's `qui TASK OBJECT` test).
    case objectType(String, quoted: Bool)
    /// A date.
    case date(CalendarDate)

    /// The French words.
    public var french: String {
        switch self {
        case .literal(let value): value.french
        case .attribute(let name, let type): "l'attribut « \(name) » (\(type.description))"
        case .valueOf(let value, let attribute): "« \(value) », une valeur de « \(attribute) »"
        case .objectType(let type, let quoted): quoted ? "« \(type) »" : type
        case .date(let date): date.description
        }
    }
}
