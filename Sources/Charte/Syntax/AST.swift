// The syntax tree: value types, each node with a span that does not take part in `==`,
// so a test can compare a parse with a tree written by hand.

/// A span stored in a node but ignored by `==`.
@propertyWrapper
public struct NotCompared: Sendable, Hashable {
    /// The span.
    public var wrappedValue: Span
    /// Wraps a span.
    public init(wrappedValue: Span) { self.wrappedValue = wrappedValue }
    /// Always equal: spans never take part in `==`.
    public static func == (lhs: NotCompared, rhs: NotCompared) -> Bool { true }
    /// Hashes nothing, for the same reason.
    public func hash(into hasher: inout Hasher) {}
}

/// A name as written, with where it was written.
public struct Name: Sendable, Hashable, CustomStringConvertible {
    /// The identifier text.
    public let text: String
    /// Where it was written.
    @NotCompared public var span: Span

    /// Creates a name.
    public init(_ text: String, span: Span) {
        self.text = text
        self.span = span
    }

    /// The text as written.
    public var description: String { text }
}

/// A string literal, decoded.
public struct StringLiteral: Sendable, Hashable {
    /// The decoded contents.
    public let value: String
    /// Where it was written (with its quotes).
    @NotCompared public var span: Span

    /// Creates a string literal.
    public init(_ value: String, span: Span) {
        self.value = value
        self.span = span
    }
}

/// A parsed charter file: its declarations in order.
public struct SyntaxTree: Sendable, Hashable {
    /// The declarations, in source order.
    public var declarations: [Declaration]
    /// The file parsed.
    public let file: FileID

    /// Creates a tree.
    public init(declarations: [Declaration], file: FileID) {
        self.declarations = declarations
        self.file = file
    }
}

/// A top-level declaration.
public enum Declaration: Sendable, Hashable {
    case establishment(EstablishmentDecl)
    case calendar(CalendarDecl)
    case actor(ActorDecl)
    case object(ObjectDecl)
    case action(ActionDecl)
    case event(EventDecl)
    case step(StepDecl)
    case permission(PermissionDecl)
    case test(TestDecl)
    case deputy(DeputyDecl)
    case incompatibility(IncompatibilityDecl)
    /// `modele`, `adapte`, `modifie`, `retire`, `tient` (see AST+Models).
    case adaptation(AdaptationDecl)
    case requirement(RequirementDecl)
    case thresholds(ThresholdsDecl)

    /// The span of the whole declaration.
    public var span: Span {
        switch self {
        case .establishment(let d): d.span
        case .calendar(let d): d.span
        case .actor(let d): d.span
        case .object(let d): d.span
        case .action(let d): d.span
        case .event(let d): d.span
        case .step(let d): d.span
        case .permission(let d): d.span
        case .test(let d): d.span
        case .deputy(let d): d.span
        case .incompatibility(let d): d.span
        case .adaptation(let d): d.span
        case .requirement(let d): d.span
        case .thresholds(let d): d.span
        }
    }
}

/// `etablissement "Nom" { uai "…" }`.
public struct EstablishmentDecl: Sendable, Hashable {
    /// The establishment's name.
    public var label: StringLiteral
    /// Its `cle "valeur"` lines, in order.
    public var metadata: [MetadataEntry]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// One `cle "valeur"` pair of an `etablissement` block.
public struct MetadataEntry: Sendable, Hashable {
    /// The key.
    public var key: Name
    /// The value.
    public var value: StringLiteral
}

/// `calendrier "2026-2027" { rentree 2026-09-01 … }`.
public struct CalendarDecl: Sendable, Hashable {
    /// Its French label, if written.
    public var label: StringLiteral?
    /// `zone B`: the official school calendar of that zone for the year of the label.
    public var zone: Name?
    /// Its named dates and periods, in order.
    public var entries: [CalendarEntry]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// Where the `zone` item starts (its keyword); the declaration's start when there is none.
    @NotCompared public var zoneSpan: Span
}

/// A named date (`rentree 2026-09-01`) or period (`noel 2026-12-19 .. 2027-01-03`).
public struct CalendarEntry: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// `noel "Vacances de Noël" …`: the words every output shows instead of the name.
    public var label: StringLiteral?
    /// Its first (or only) day.
    public var start: CalendarDate?
    /// The last day of a period; nil for a single date.
    public var end: CalendarDate?
    /// Whether `..` was written (a period), even if its end date was invalid.
    public var isPeriod: Bool
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// Where the first date is written.
    @NotCompared public var startSpan: Span
    /// Where the end date is written (the first date's span for a single date).
    @NotCompared public var endSpan: Span
}

/// The three kinds of actor.
public enum ActorKind: String, Sendable, Hashable, CaseIterable {
    /// The raw values are the keywords, as exports write them.
    case role, instance, external = "externe"
}

/// `role|instance|externe id "Libellé" { personnes …  membres … }`.
public struct ActorDecl: Sendable, Hashable {
    /// A role (`role`) or an instance (`instance`).
    public var kind: ActorKind
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// The people (`personnes`) who act as it.
    public var persons: [StringLiteral]
    /// The actors it groups (`membres`).
    public var members: [Name]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// `role documentaliste tient referent_numerique`: the model's roles this actor holds (adaptations only).
    public var holds: [Name] = []
}

/// The type of an object attribute.
public enum AttributeType: Sendable, Hashable {
    case enumeration([Name])
    case boolean
    case text
    case number
    case date
    /// `euros`: an amount, exact to the cent.
    case euros
}

/// `nom: type` inside an `objet` block.
public struct AttributeDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// The type written.
    public var type: AttributeType
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// `objet id "Libellé" { attributs }`.
public struct ObjectDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// Its attributes, in order.
    public var attributes: [AttributeDecl]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// The attribute that identifies one real object across journal rows (`cle numero`), if any.
    public var key: Name? = nil
}

/// `action id "Libellé" sur objet [si condition]`.
public struct ActionDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// The object type it acts on, if any.
    public var objectType: Name?
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// Its scope: the objects it concerns (`si categorie == logiciel`); nil: every object of its type.
    public var scope: Condition? = nil
}

/// `evenement id "Libellé" sur objet`.
public struct EventDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// The object type it acts on, if any.
    public var objectType: Name?
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// `etape id "Libellé" apres … { taches }`.
public struct StepDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// Its prerequisites, in order.
    public var after: [Name]
    /// Its tasks, in order.
    public var tasks: [TaskDecl]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

extension Letter {
    /// The keyword introducing the clause.
    public var keyword: Keyword {
        switch self {
        case .responsible: .responsable
        case .approver: .approbateur
        case .support: .aide
        case .consulted: .consulte
        case .informed: .informe
        }
    }
}

/// A duration unit.
public enum DurationUnit: String, Sendable, Hashable {
    /// Working days (`jours ouvres`): Saturdays, Sundays, holiday periods and public holidays skipped.
    // The raw values are the French words the JSON exports write.
    case days = "jours", weeks = "semaines", months = "mois", workingDays = "jours_ouvres"
}

/// `3 jours`, `2 semaines`, `1 mois`.
public struct Duration: Sendable, Hashable {
    /// The amount; nil when the number was malformed (already reported).
    public var amount: Int64?
    /// Days, weeks, months or working days.
    public var unit: DurationUnit
    /// Where it is written (not compared).
    @NotCompared public var span: Span
}

/// The base of a date expression.
public enum DateBase: Sendable, Hashable {
    case literal(CalendarDate?)
    case name(Name)
}

/// `rentree + 2 semaines`, `2026-09-15`, `fin_annee - 1 mois`.
public struct DateExpr: Sendable, Hashable {
    /// The date it starts from.
    public var base: DateBase
    /// Each offset with its sign (true for `+`).
    public var offsets: [DateOffset]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// One `± durée` of a date expression.
public struct DateOffset: Sendable, Hashable {
    /// Whether the offset is added (`+`).
    public var isAddition: Bool
    /// How much.
    public var duration: Duration
}

/// One clause of a task.
public enum TaskClause: Sendable, Hashable {
    case actors(Letter, [Name])
    case action(Name, condition: Condition?)
    case deadline(DateExpr)
    case when(Name)
    case delay(Duration)
    case after([Name])
    case place([Name])
    case note(StringLiteral)
}

/// A task clause with the span of the whole clause.
public struct LocatedClause: Sendable, Hashable {
    /// The clause.
    public var clause: TaskClause
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// `tache id "Libellé" { clauses }`.
public struct TaskDecl: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// Its French label, if written.
    public var label: StringLiteral?
    /// Its clauses, in order.
    public var clauses: [LocatedClause]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// `verrouille tache …`: a model's task a school may not remove nor weaken.
    public var isLocked = false
}

/// `autorise` or `interdit`.
public enum PermissionKind: String, Sendable, Hashable {
    /// The raw values are the keywords, as messages and exports write them.
    case permit = "autorise", forbid = "interdit"
}

/// `autorise|interdit acteurs|tous action si condition`.
public struct PermissionDecl: Sendable, Hashable {
    /// `autorise` or `interdit`.
    public var kind: PermissionKind
    /// The actors; empty with `everyone` true for `tous`.
    public var actors: [Name]
    /// Whether it applies to everyone (`tous`).
    public var everyone: Bool
    /// The actors left out of `tous` by `sauf` (empty without `sauf`).
    public var exceptions: [Name] = []
    /// The action it is about.
    public var action: Name
    /// The condition, if any (none: every object).
    public var condition: Condition?
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
    /// `verrouille interdit …`: a model's rule a school may not remove nor counter.
    public var isLocked = false
}

/// A value in an object literal or a condition.
public enum LiteralValue: Sendable, Hashable {
    case name(Name)
    case string(StringLiteral)
    case integer(Int64?)
    case date(CalendarDate?)
    case boolean(Bool)
    /// A number with grouping, a decimal comma or `€` (`4 000`, `1 800,50`, `4 000 €`).
    case number(NumberLiteral)
}

/// A value with its span.
public struct LocatedValue: Sendable, Hashable {
    /// The value.
    public var value: LiteralValue
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// `ressource(categorie: manuel, licence: nominative)`.
public struct ObjectLiteral: Sendable, Hashable {
    /// The object type named.
    public var type: Name
    /// The attribute values given, in order.
    public var fields: [ObjectField]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// One `attribut: valeur` of an object literal.
public struct ObjectField: Sendable, Hashable {
    /// Its name, as written.
    public var name: Name
    /// The value.
    public var value: LocatedValue
}

/// The actor of a `peut`/`refuse` assertion or query: an id or a person's name.
public enum ActorReference: Sendable, Hashable {
    case id(Name)
    case person(StringLiteral)

    /// Where it was written.
    public var span: Span {
        switch self {
        case .id(let name): name.span
        case .person(let literal): literal.span
        }
    }
}

/// One assertion of a `test` block.
public enum Assertion: Sendable, Hashable {
    /// `qui cible [objet] = acteurs`.
    case who(target: Name, object: ObjectLiteral?, expected: [Name])
    /// `peut acteur action [objet]`.
    case may(actor: ActorReference, action: Name, object: ObjectLiteral?)
    /// `refuse acteur action [objet]`.
    case refuse(actor: ActorReference, action: Name, object: ObjectLiteral?)
    /// `seul acteur[, acteur] peut action [objet]`: those are permitted, every other actor refused.
    case only(actors: [ActorReference], action: Name, object: ObjectLiteral?)
}

/// An assertion with its span.
public struct LocatedAssertion: Sendable, Hashable {
    /// The assertion.
    public var assertion: Assertion
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// `test "libellé" { assertions }`.
public struct TestDecl: Sendable, Hashable {
    /// Its label.
    public var label: StringLiteral
    /// Its assertions, in order.
    public var assertions: [LocatedAssertion]
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

// MARK: - Conditions

/// Comparison operators.
public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// A condition of the expression language.
public indirect enum ConditionKind: Sendable, Hashable {
    case or(Condition, Condition)
    case and(Condition, Condition)
    case not(Condition)
    case comparison(ComparisonOperator, LocatedValue, LocatedValue)
    case membership(LocatedValue, [LocatedValue])
    /// A lone operand: a boolean attribute, `vrai` or `faux`.
    case value(LocatedValue)
    /// A placeholder where parsing failed (already reported).
    case invalid
}

/// A condition with its span.
public struct Condition: Sendable, Hashable {
    /// The condition itself.
    public var kind: ConditionKind
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span

    /// Creates a condition.
    public init(_ kind: ConditionKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}
