// Académie models and school adaptations: `modele`, `adapte`, `modifie`, `retire` (and `tient`, `verrouille` in AST.swift).

/// A declaration about models: what a model says of itself, or what a school's charter
/// changes in the model it adapts. The merge (`Adaptation`, Semantics) turns a model's tree
/// and these declarations into the effective tree the checker reads.
public struct AdaptationDecl: Sendable, Hashable {
    /// What is declared.
    public var kind: AdaptationKind
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}

/// The declarations about models.
public enum AdaptationKind: Sendable, Hashable {
    /// `modele "Nom" version "2026.1"`: this file is a model others adapt.
    case model(label: StringLiteral, version: StringLiteral?)
    /// `adapte "modeles/academie.charte" version "2026.1"`: this file adapts that model.
    case adapts(path: StringLiteral, version: StringLiteral?)
    /// `modifie tache ID ["Libellé"] { clauses }`: the clauses written replace the model's of the same kind.
    case changeTask(TaskAdaptation)
    /// `modifie etape ID ["Libellé"] [apres …] { tache … }`: tasks added to a model's step.
    case changeStep(StepDecl)
    /// `modifie role|instance|externe ID ["Libellé"] { personnes … membres … }`: people and members added.
    case changeActor(ActorDecl)
    /// `modifie calendrier { … }`: dates added, or the model's dates of the same name replaced.
    case changeCalendar(CalendarDecl)
    /// `retire tache|etape|role ID "raison"`, `retire test "libellé" "raison"`, `retire interdit … "raison"`.
    case removal(Removal, reason: StringLiteral)
}

/// What a `retire` declaration removes from the model.
public enum Removal: Sendable, Hashable {
    /// A task, by id.
    case task(Name)
    /// A step, by id: only once none of its tasks is kept (E713).
    case step(Name)
    /// A role, by id: only once nothing the school keeps names it (E713).
    case role(Name)
    /// A test, by its label.
    case test(StringLiteral)
    /// A rule, written as in the model (compared without positions).
    case rule(PermissionDecl)
}

/// The kinds of task clause a `modifie tache` replaces or removes as a whole.
public enum ClauseKind: Sendable, Hashable, Comparable {
    case letter(Letter), action, deadline, when, delay, after, place, note

    /// The kind of a clause.
    public init(_ clause: TaskClause) {
        switch clause {
        case .actors(let letter, _): self = .letter(letter)
        case .action: self = .action
        case .deadline: self = .deadline
        case .when: self = .when
        case .delay: self = .delay
        case .after: self = .after
        case .place: self = .place
        case .note: self = .note
        }
    }

    /// The keyword that writes the clause.
    public var keyword: Keyword {
        switch self {
        case .letter(let letter): letter.keyword
        case .action: .action
        case .deadline: .echeance
        case .when: .quand
        case .delay: .delai
        case .after: .apres
        case .place: .en
        case .note: .note
        }
    }

    private var rank: Int {
        switch self {
        case .letter(let letter): Letter.allCases.firstIndex(of: letter) ?? 0
        case .action: 5
        case .deadline: 6
        case .when: 7
        case .delay: 8
        case .after: 9
        case .place: 10
        case .note: 11
        }
    }

    public static func < (lhs: ClauseKind, rhs: ClauseKind) -> Bool { lhs.rank < rhs.rank }
}

/// `modifie tache ID ["Libellé"] { clauses  retire aide }`.
public struct TaskAdaptation: Sendable, Hashable {
    /// The model's task changed.
    public var name: Name
    /// A new label, if written.
    public var label: StringLiteral?
    /// The clauses written: each kind present replaces all of the model's clauses of that kind.
    public var clauses: [LocatedClause]
    /// `retire aide`, `retire echeance`…: kinds of clause removed from the model's task.
    public var removed: [LocatedClauseKind]
}

/// A clause kind with where it is written.
public struct LocatedClauseKind: Sendable, Hashable {
    /// The kind.
    public var kind: ClauseKind
    /// Where it is written in the source (not compared).
    @NotCompared public var span: Span
}
