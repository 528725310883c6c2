// The checked model: declarations resolved to indices, conditions typed, deadlines computed.
// Built by the checker from a syntax tree; the tree itself is never mutated.

/// A checked charter, ready to answer questions and check journals.
public struct Charter: Sendable {
    /// The file it was read from.
    public let file: FileID
    /// The establishment's name and metadata, if declared.
    public var establishment: Establishment?
    /// The calendar, if declared.
    public var calendar: SchoolCalendar?
    /// Every actor, in declaration order.
    public var actors: [Actor] = []
    /// Every object type, in declaration order.
    public var objectTypes: [ObjectType] = []
    /// Every action, in declaration order.
    public var actions: [Action] = []
    /// Every event, in declaration order.
    public var events: [Event] = []
    /// Every step, in declaration order.
    public var steps: [Step] = []
    /// Every task, in declaration order (step by step).
    public var tasks: [CharterTask] = []
    /// Every `autorise` and `interdit`, in declaration order.
    public var permissions: [Permission] = []
    /// The `test` blocks.
    public var tests: [CharterTest] = []
    /// Index of actors, object types, actions, events, steps and tasks by id.
    public var symbols: [String: Symbol] = [:]
    /// The actors each person (from `personnes`) acts as.
    public var persons: [String: [Int]] = [:]
    /// Where the names of actors, object types, actions, events and steps were written (a
    /// task's is in its entry), for "déclaré ligne N" in suggestions.
    var nameSpans = SymbolSpans()
    /// The `suppleance` declarations, in declaration order.
    public var deputies: [Deputy] = []
    /// The `incompatibles` declarations, in declaration order.
    public var incompatibilities: [Incompatibility] = []
    /// What a school's charter changed in the model it adapts (nil for a charter adapting none).
    public var adaptation: AdaptationSummary?
    /// The `exige … avant …` declarations, in declaration order.
    public var requirements: [Requirement] = []
    /// The limits `charte analyser` reports against (`seuils`, else the defaults).
    public var thresholds = Thresholds()

    /// Creates an empty model for a file.
    public init(file: FileID) { self.file = file }

    /// The index of an actor by id.
    public func actor(named name: String) -> Int? {
        if case .actor(let index) = symbols[name] { return index }
        return nil
    }

    /// The index of an action by id.
    public func action(named name: String) -> Int? {
        if case .action(let index) = symbols[name] { return index }
        return nil
    }

    /// The index of a task by id.
    public func task(named name: String) -> Int? {
        if case .task(let index) = symbols[name] { return index }
        return nil
    }

    /// The index of a step by id.
    public func step(named name: String) -> Int? {
        if case .step(let index) = symbols[name] { return index }
        return nil
    }

    /// The index of an object type by id.
    public func objectType(named name: String) -> Int? {
        if case .objectType(let index) = symbols[name] { return index }
        return nil
    }

    /// The index of an event by id.
    public func event(named name: String) -> Int? {
        if case .event(let index) = symbols[name] { return index }
        return nil
    }
}

/// What a name in the shared namespace stands for.
public enum Symbol: Sendable, Hashable {
    case actor(Int), objectType(Int), action(Int), event(Int), step(Int), task(Int)

    /// What it is, as messages carry it.
    public var kind: DeclarationKind {
        switch self {
        case .actor: .actor
        case .objectType: .objectType
        case .action: .action
        case .event: .event
        case .step: .step
        case .task: .task
        }
    }

    /// The French name of its kind (`acteur`, `étape`), for renderers.
    public var kindName: String { kind.french }
}

/// The establishment's name and metadata.
public struct Establishment: Sendable, Hashable {
    /// Its name.
    public var name: String
    /// Its `cle "valeur"` lines, in order.
    public var metadata: [(key: String, value: String)]
    /// Equal when the name and every metadata line are.
    public static func == (lhs: Establishment, rhs: Establishment) -> Bool {
        lhs.name == rhs.name && lhs.metadata.map(\.key) == rhs.metadata.map(\.key) && lhs.metadata.map(\.value) == rhs.metadata.map(\.value)
    }
    /// Hashes its name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The school calendar: named dates and periods.
public struct SchoolCalendar: Sendable {
    /// One named date or period.
    public struct Entry: Sendable, Hashable {
        /// Its name.
        public var name: String
        /// Its first (or only) day.
        public var start: CalendarDate
        /// The last day of a period, nil for a single date.
        public var end: CalendarDate?
        /// Where its name is written.
        public var span: Span
        /// The French words outputs show instead of the name (`Vacances de Noël`).
        public var label: String? = nil
        /// Whether the entry comes from the official calendar of the `zone` (not written in the charter).
        public var isOfficial: Bool = false

        /// What every output shows: the label, or the name when there is none.
        public var displayName: String { label ?? name }
    }

    /// The calendar's label.
    public var label: String?
    /// The official zone whose dates fill the calendar (`B`), if any.
    public var zone: String? = nil
    /// The entries, in declaration order.
    public var entries: [Entry] = []
    /// Index of entries by name.
    public var index: [String: Int] = [:]

    /// The earliest date of the calendar.
    public var first: CalendarDate? { entries.map(\.start).min() }
    /// The latest date of the calendar (period ends included).
    public var last: CalendarDate? { entries.map { $0.end ?? $0.start }.max() }
    /// The periods (entries with an end).
    public var periods: [Entry] { entries.filter { $0.end != nil } }
    /// The working days of this calendar: weekends, its periods and public holidays skipped.
    public var workingDays: WorkingDays { WorkingDays(calendar: self) }

    /// The words outputs show for a calendar name: its label, or the name itself.
    public func displayName(of name: String) -> String {
        index[name].map { entries[$0].displayName } ?? name
    }
}

/// A role, an instance or an external actor.
public struct Actor: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// A role or an instance.
    public var kind: ActorKind
    /// Its French label, if written.
    public var label: String?
    /// Names of people who act as this role in a journal.
    public var persons: [String]
    /// Indices of the member actors of an instance.
    public var members: [Int]
    /// Where it is declared.
    public var span: Span
    /// Where its name is written.
    public var nameSpan: Span
}

/// An attribute of an object type.
public struct Attribute: Sendable, Hashable {
    /// Its name, as written.
    public var name: String
    /// The type of its values.
    public var type: ValueType
    /// Where its name is written.
    public var span: Span
}

/// An object type with its attributes.
public struct ObjectType: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// Its French label, if written.
    public var label: String?
    /// Its attributes, in order.
    public var attributes: [Attribute]
    /// Where it is declared.
    public var span: Span
    /// The attribute that identifies one real object across journal rows (`cle numero`), by index.
    public var key: Int? = nil

    /// The index of an attribute by name.
    public func attribute(named name: String) -> Int? { attributes.firstIndex { $0.name == name } }
}

/// An action, optionally on an object type.
public struct Action: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// Its French label, if written.
    public var label: String?
    /// The index of the object type it acts on, if any.
    public var objectType: Int?
    /// Where it is declared.
    public var span: Span
    /// Its scope: the objects it concerns (nil: every object of its type). Outside it the
    /// action is refused, and the coverage checks look only inside it.
    public var scope: Predicate? = nil
    /// Where its scope's condition is written.
    public var scopeSpan: Span? = nil
}

/// An event (one task instance per occurrence), optionally on an object type.
public struct Event: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// Its French label, if written.
    public var label: String?
    /// The index of the object type it concerns, if any.
    public var objectType: Int?
    /// Where it is declared.
    public var span: Span
}

/// A step of the charter.
public struct Step: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// Its French label, if written.
    public var label: String?
    /// The steps it comes after, by index.
    public var after: [Int]
    /// Its tasks, by index.
    public var tasks: [Int]
    /// Where it is declared.
    public var span: Span
}

/// An action a task performs, with the condition on its objects.
public struct TaskAction: Sendable, Hashable {
    /// The action, by index.
    public var action: Int
    /// nil means every object of the action's type.
    public var condition: Predicate?
    /// Where it is written.
    public var span: Span
}

/// A resolved duration.
public struct ResolvedDuration: Sendable, Hashable {
    /// The amount.
    public var amount: Int
    /// The unit.
    public var unit: DurationUnit

    /// The date this duration after (or before) a date; nil on overflow. Working days
    /// (`jours ouvres`) are counted with `workingDays` (weekends and public holidays only
    /// when it is nil).
    public func apply(to date: CalendarDate, adding: Bool = true, workingDays: WorkingDays? = nil) -> CalendarDate? {
        if unit == .workingDays {
            return (workingDays ?? WorkingDays(calendar: nil)).adding(amount, to: date, forward: adding)
        }
        let (signed, overflow) = adding ? (amount, false) : (0).subtractingReportingOverflow(amount)
        if overflow { return nil }
        switch unit {
        case .days: return date.adding(days: signed)
        case .weeks:
            let (days, o) = signed.multipliedReportingOverflow(by: 7)
            return o ? nil : date.adding(days: days)
        case .months: return date.adding(months: signed)
        case .workingDays: return nil
        }
    }

    /// `3 jours`, `1 mois`.
    public var description: String { "\(amount) " + unit.word(for: Int64(amount), prose: true) }
}

/// A task: who holds which letter, what it does, by when.
public struct CharterTask: Sendable, Hashable {
    /// Its identifier, as declared.
    public var id: String
    /// Its French label, if written.
    public var label: String?
    /// The index of its step.
    public var step: Int
    /// Actor indices per letter, in the order written.
    public var responsables: [Int] = []
    /// Its approvers (A), by actor index.
    public var approbateurs: [Int] = []
    /// Its helpers (S), by actor index.
    public var aides: [Int] = []
    /// Those consulted (C), by actor index.
    public var consultes: [Int] = []
    /// Those informed (I), by actor index.
    public var informes: [Int] = []
    /// What it does: each action with its condition.
    public var actions: [TaskAction] = []
    /// The resolved deadline of a task with `echeance`.
    public var deadline: CalendarDate?
    /// The deadline expression as written.
    public var deadlineText: String?
    /// Where its deadline is written, if it has one.
    public var deadlineSpan: Span?
    /// The triggering event and the delay of an event-driven task.
    public var trigger: Int?
    /// Its delay after its trigger event (`delai`).
    public var delay: ResolvedDuration?
    /// The tasks it comes after, by index.
    public var after: [Int] = []
    /// The places it mentions (`lieu`).
    public var places: [Int] = []
    /// Its notes, in order.
    public var notes: [String] = []
    /// Where it is declared.
    public var span: Span
    /// Where its name is written.
    public var nameSpan: Span

    /// The actors holding a letter.
    public func actors(_ letter: Letter) -> [Int] {
        switch letter {
        case .responsible: responsables
        case .approver: approbateurs
        case .support: aides
        case .consulted: consultes
        case .informed: informes
        }
    }

    /// The strongest letter an actor holds in this task.
    public func letter(of actor: Int) -> Letter? {
        Letter.allCases.first { actors($0).contains(actor) }
    }
}

/// An `autorise` or `interdit` rule.
public struct Permission: Sendable, Hashable {
    /// `autorise` or `interdit`.
    public var kind: PermissionKind
    /// Actor indices; empty when `everyone`.
    public var actors: [Int]
    /// Whether it applies to everyone (`tous`).
    public var everyone: Bool
    /// The actors `tous sauf …` leaves out (empty without `sauf`).
    public var exceptions: [Int] = []
    /// The action, by index.
    public var action: Int
    /// The condition, if any (none: every object).
    public var condition: Predicate?
    /// Where it is written.
    public var span: Span

    /// Whether the rule names an actor (for `tous sauf`, every actor but the exceptions).
    public func applies(to actor: Int) -> Bool { everyone ? !exceptions.contains(actor) : actors.contains(actor) }
}

/// A checked `test` block.
public struct CharterTest: Sendable, Hashable {
    /// Its label.
    public var label: String
    /// Its assertions, in order.
    public var assertions: [CheckedAssertion]
    /// Where it is written.
    public var span: Span
}

/// A checked test assertion.
public struct CheckedAssertion: Sendable, Hashable {
    /// The assertion's form.
    public enum Form: Sendable, Hashable {
        case whoAction(action: Int, object: ObjectValue, expected: [Int])
        case whoTask(task: Int, expected: [Int])
        case may(actors: [Int], actorText: String, action: Int, object: ObjectValue)
        case refuse(actors: [Int], actorText: String, action: Int, object: ObjectValue)
        /// `seul A, B peut …`: each group (an actor, or a person's roles) with its text.
        case only(groups: [[Int]], actorTexts: [String], action: Int, object: ObjectValue)
    }
    /// What it asserts, resolved.
    public var form: Form
    /// Where it is written.
    public var span: Span
}
