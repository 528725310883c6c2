// The syntax tree: value types, each node with a span that does not take part in `==`,
// so a test can compare a parse with a tree written by hand.

/// A span stored in a node but ignored by `==`.
@propertyWrapper
public struct NotCompared: Sendable, Hashable {
    /// The span.
    public var wrappedValue: Span
    /// Wraps a span.
    public init(wrappedValue: Span) { self.wrappedValue = wrappedValue }
    public static func == (lhs: NotCompared, rhs: NotCompared) -> Bool { true }
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
        }
    }
}

/// `etablissement "Nom" { uai "…" }`.
public struct EstablishmentDecl: Sendable, Hashable {
    public var label: StringLiteral
    public var metadata: [MetadataEntry]
    @NotCompared public var span: Span
}

/// One `cle "valeur"` pair of an `etablissement` block.
public struct MetadataEntry: Sendable, Hashable {
    public var key: Name
    public var value: StringLiteral
}

/// `calendrier "2026-2027" { rentree 2026-09-01 … }`.
public struct CalendarDecl: Sendable, Hashable {
    public var label: StringLiteral?
    /// `zone B`: the official school calendar of that zone for the year of the label.
    public var zone: Name?
    public var entries: [CalendarEntry]
    @NotCompared public var span: Span
}

/// A named date (`rentree 2026-09-01`) or period (`noel 2026-12-19 .. 2027-01-03`).
public struct CalendarEntry: Sendable, Hashable {
    public var name: Name
    /// `noel "Vacances de Noël" …`: the words every output shows instead of the name.
    public var label: StringLiteral?
    public var start: CalendarDate?
    /// The last day of a period; nil for a single date.
    public var end: CalendarDate?
    /// Whether `..` was written (a period), even if its end date was invalid.
    public var isPeriod: Bool
    @NotCompared public var span: Span
    /// Where the first date is written.
    @NotCompared public var startSpan: Span
    /// Where the end date is written (the first date's span for a single date).
    @NotCompared public var endSpan: Span
}

/// The three kinds of actor.
public enum ActorKind: String, Sendable, Hashable, CaseIterable {
    case role, instance, externe
}

/// `role|instance|externe id "Libellé" { personnes …  membres … }`.
public struct ActorDecl: Sendable, Hashable {
    public var kind: ActorKind
    public var name: Name
    public var label: StringLiteral?
    public var persons: [StringLiteral]
    public var members: [Name]
    @NotCompared public var span: Span
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
    public var name: Name
    public var type: AttributeType
    @NotCompared public var span: Span
}

/// `objet id "Libellé" { attributs }`.
public struct ObjectDecl: Sendable, Hashable {
    public var name: Name
    public var label: StringLiteral?
    public var attributes: [AttributeDecl]
    @NotCompared public var span: Span
}

/// `action id "Libellé" sur objet`.
public struct ActionDecl: Sendable, Hashable {
    public var name: Name
    public var label: StringLiteral?
    public var objectType: Name?
    @NotCompared public var span: Span
}

/// `evenement id "Libellé" sur objet`.
public struct EventDecl: Sendable, Hashable {
    public var name: Name
    public var label: StringLiteral?
    public var objectType: Name?
    @NotCompared public var span: Span
}

/// `etape id "Libellé" apres … { taches }`.
public struct StepDecl: Sendable, Hashable {
    public var name: Name
    public var label: StringLiteral?
    public var after: [Name]
    public var tasks: [TaskDecl]
    @NotCompared public var span: Span
}

/// The RACI letters (plus S for `aide`).
public enum Letter: String, Sendable, Hashable, CaseIterable, Comparable {
    case responsable = "R", approbateur = "A", aide = "S", consulte = "C", informe = "I"

    /// The keyword introducing the clause.
    public var keyword: Keyword {
        switch self {
        case .responsable: .responsable
        case .approbateur: .approbateur
        case .aide: .aide
        case .consulte: .consulte
        case .informe: .informe
        }
    }

    private var rank: Int { Letter.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Letter, rhs: Letter) -> Bool { lhs.rank < rhs.rank }
}

/// A duration unit.
public enum DurationUnit: String, Sendable, Hashable {
    /// Working days (`jours ouvres`): Saturdays, Sundays, holiday periods and public holidays skipped.
    case jours, semaines, mois, joursOuvres = "jours_ouvres"
}

/// `3 jours`, `2 semaines`, `1 mois`.
public struct Duration: Sendable, Hashable {
    /// The amount; nil when the number was malformed (already reported).
    public var amount: Int64?
    public var unit: DurationUnit
    @NotCompared public var span: Span
}

/// The base of a date expression.
public enum DateBase: Sendable, Hashable {
    case literal(CalendarDate?)
    case name(Name)
}

/// `rentree + 2 semaines`, `2026-09-15`, `fin_annee - 1 mois`.
public struct DateExpr: Sendable, Hashable {
    public var base: DateBase
    /// Each offset with its sign (true for `+`).
    public var offsets: [DateOffset]
    @NotCompared public var span: Span
}

/// One `± durée` of a date expression.
public struct DateOffset: Sendable, Hashable {
    public var isAddition: Bool
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
    public var clause: TaskClause
    @NotCompared public var span: Span
}

/// `tache id "Libellé" { clauses }`.
public struct TaskDecl: Sendable, Hashable {
    public var name: Name
    public var label: StringLiteral?
    public var clauses: [LocatedClause]
    @NotCompared public var span: Span
}

/// `autorise` or `interdit`.
public enum PermissionKind: String, Sendable, Hashable {
    case autorise, interdit
}

/// `autorise|interdit acteurs|tous action si condition`.
public struct PermissionDecl: Sendable, Hashable {
    public var kind: PermissionKind
    /// The actors; empty with `everyone` true for `tous`.
    public var actors: [Name]
    public var everyone: Bool
    /// The actors left out of `tous` by `sauf` (empty without `sauf`).
    public var exceptions: [Name] = []
    public var action: Name
    public var condition: Condition?
    @NotCompared public var span: Span
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
    public var value: LiteralValue
    @NotCompared public var span: Span
}

/// `ressource(categorie: manuel, licence: nominative)`.
public struct ObjectLiteral: Sendable, Hashable {
    public var type: Name
    public var fields: [ObjectField]
    @NotCompared public var span: Span
}

/// One `attribut: valeur` of an object literal.
public struct ObjectField: Sendable, Hashable {
    public var name: Name
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
    public var assertion: Assertion
    @NotCompared public var span: Span
}

/// `test "libellé" { assertions }`.
public struct TestDecl: Sendable, Hashable {
    public var label: StringLiteral
    public var assertions: [LocatedAssertion]
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
    public var kind: ConditionKind
    @NotCompared public var span: Span

    /// Creates a condition.
    public init(_ kind: ConditionKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}
