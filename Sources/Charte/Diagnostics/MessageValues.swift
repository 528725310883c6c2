// Typed values some messages carry (days, scripts, kinds of name, rules, objects), with
// their French words: a call site names the thing, the catalogue writes it.

/// Why a deadline's day is closed (W403).
public enum ClosedDay: Sendable, Hashable {
    case saturday, sunday
    /// A public holiday, by its French name.
    case publicHoliday(String)

    /// The French words: « un samedi », « un jour férié (Noël) ».
    public var french: String {
        switch self {
        case .saturday: "un samedi"
        case .sunday: "un dimanche"
        case .publicHoliday(let name): "un jour férié (\(name))"
        }
    }
}

/// A writing system met in an identifier (W600, W603).
public enum WritingScript: Sendable, Hashable {
    case latin, greek, cyrillic

    /// The French name.
    public var french: String {
        switch self {
        case .latin: "latin"
        case .greek: "grec"
        case .cyrillic: "cyrillique"
        }
    }
}

/// What a name of `incompatibles` stands for (E323).
public enum IncompatibleSort: Sendable, Hashable {
    case actor, action, letter

    /// The French words, with their article.
    public var french: String {
        switch self {
        case .actor: "un acteur"
        case .action: "une action"
        case .letter: "une lettre"
        }
    }
}

/// A rule whose condition can meet an action's scope (W504).
public enum ScopedRule: Sendable, Hashable {
    /// A task's `action … si …` clause.
    case task(String)
    /// An `autorise` or `interdit` rule (its keyword) on the action.
    case permission(keyword: String, action: String)
    /// An `exige … avant ACTION si …` requirement.
    case requirement(action: String)

    /// The French words: « la condition de la tâche « t » ».
    public var french: String {
        switch self {
        case .task(let task): "la condition de la tâche « \(task) »"
        case .permission(let keyword, let action): "la condition de « \(keyword) … \(action) »"
        case .requirement(let action): "la condition de « exige … avant \(action) »"
        }
    }
}

/// The zones of one school year whose official calendar is built in (E108).
public struct OfficialYear: Sendable, Hashable {
    /// The school year, `AAAA-AAAA`.
    public var year: String
    /// The zones, as written (`A`, `B`, `Corse`).
    public var zones: [String]

    /// Creates the entry of one year.
    public init(year: String, zones: [String]) {
        self.year = year
        self.zones = zones
    }

    /// The French words: « zones A, B, C en 2026-2027 ».
    public var french: String { "zones " + zones.joined(separator: ", ") + " en " + year }
}

/// Some values of an ordered attribute, as a coverage message shows them (W501–W503).
public enum ValueRun: Sendable, Hashable {
    /// One value, written as a charter writes it.
    case value(String)
    /// The values between two bounds (nil: unbounded), of dates or of numbers.
    case range(lower: Bound?, upper: Bound?, dates: Bool)

    /// A bound of a range: a value written as a charter writes it, and whether it is in.
    public struct Bound: Sendable, Hashable {
        /// The value, as written.
        public var value: String
        /// Whether the bound itself is in the range.
        public var included: Bool

        /// Creates a bound.
        public init(_ value: String, included: Bool) {
            self.value = value
            self.included = included
        }
    }

    /// The French words: « de 1 à 5 », « plus de 4 000 € », « à partir du 2026-09-01 ».
    public var french: String {
        switch self {
        case .value(let value): return value
        case .range(let lower, let upper, let dates):
            func lowerWords(_ bound: Bound) -> String {
                dates ? (bound.included ? "à partir du \(bound.value)" : "après le \(bound.value)")
                    : (bound.included ? "au moins \(bound.value)" : "plus de \(bound.value)")
            }
            func upperWords(_ bound: Bound) -> String {
                dates ? (bound.included ? "jusqu'au \(bound.value)" : "avant le \(bound.value)")
                    : (bound.included ? "au plus \(bound.value)" : "moins de \(bound.value)")
            }
            switch (lower, upper) {
            case (let low?, let high?) where low.included && high.included:
                return dates ? "du \(low.value) au \(high.value)" : "de \(low.value) à \(high.value)"
            case (let low?, let high?): return lowerWords(low) + " et " + upperWords(high)
            case (let low?, nil): return lowerWords(low)
            case (nil, let high?): return upperWords(high)
            case (nil, nil): return "toute valeur"
            }
        }
    }
}

/// The objects a coverage message is about (W501–W503).
public enum ObjectSet: Sendable, Hashable {
    /// Every object (the action has no object type).
    case anyObject
    /// Some object patterns, the first ones shown, and how many more there are.
    case patterns([ObjectPattern], more: Int)

    /// The French words: « devoir(note: au moins 10), … et 3 autres ».
    public var french: String {
        switch self {
        case .anyObject: return "tout objet"
        case .patterns(let patterns, let more):
            var shown = patterns.map(\.written).joined(separator: ", ")
            if more > 0 { shown += " … et \(more) autres" }
            return shown
        }
    }
}

/// Objects of one type whose named attributes hold the given values (the others any).
public struct ObjectPattern: Sendable, Hashable {
    /// The object type's identifier.
    public var type: String
    /// Each constrained attribute's name and values, in declaration order.
    public var fields: [Field]

    /// One constrained attribute.
    public struct Field: Sendable, Hashable {
        /// The attribute's name.
        public var attribute: String
        /// Its values.
        public var values: ValueRun

        /// Creates a field.
        public init(attribute: String, values: ValueRun) {
            self.attribute = attribute
            self.values = values
        }
    }

    /// Creates a pattern.
    public init(type: String, fields: [Field]) {
        self.type = type
        self.fields = fields
    }

    /// The pattern as an object literal: `devoir(note: au moins 10)`.
    public var written: String {
        "\(type)(\(fields.map { "\($0.attribute): \($0.values.french)" }.joined(separator: ", ")))"
    }
}

extension Letter {
    /// The letter's role as said in a sentence: « responsable », « approbateur »…
    var spokenName: String {
        switch self {
        case .responsible: "responsable"
        case .approver: "approbateur"
        case .support: "aide"
        case .consulted: "consulté"
        case .informed: "informé"
        }
    }
}
