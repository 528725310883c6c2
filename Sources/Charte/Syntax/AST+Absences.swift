// Absences and the separation of duties: `suppleance` and `incompatibles` declarations.

/// The nature of a suppléance (French administrative law).
public enum DeputyNature: String, Sendable, Hashable, CaseIterable {
    /// Délégation de signature: the deputy signs, the deputised actor stays accountable and keeps the competence.
    case signature
    /// Délégation de pouvoir: the competence moves to the deputy for the window; the deputised actor loses it.
    case power = "pouvoir"
}

/// One clause of a suppléance's block.
public enum DeputyClause: Sendable, Hashable {
    /// `tache t1, t2`: what the deputised actor holds in those tasks.
    case tasks([Name])
    /// `action a [si condition]`: that action, on the objects meeting the condition.
    case action(Name, condition: Condition?)
    /// `nature signature|pouvoir`.
    case nature(DeputyNature)
    /// `note "…"`.
    case note(StringLiteral)
}

/// A suppléance clause with its span.
public struct LocatedDeputyClause: Sendable, Hashable {
    /// The clause.
    public var clause: DeputyClause
    /// The whole clause.
    @NotCompared public var span: Span
}

/// `suppleance TITULAIRE par SUPPLEANT du DATE au DATE [ "{" clauses "}" ]`.
public struct DeputyDecl: Sendable, Hashable {
    /// The actor who is away.
    public var deputised: Name
    /// The actor standing in.
    public var deputy: Name
    /// The first and last days of the window (both included); nil when malformed (already reported).
    public var from: DateExpr?
    public var to: DateExpr?
    /// The block's clauses, in source order: without `tache` or `action`, everything the
    /// deputised actor holds as responsable or aide is delegated; without `nature`, a signature.
    public var clauses: [LocatedDeputyClause]
    @NotCompared public var span: Span
}

/// `incompatibles A, B`: two actors, two actions or two letters that must never meet.
public struct IncompatibilityDecl: Sendable, Hashable {
    /// The names as written (two or more); what they stand for is decided by the checker.
    public var names: [Name]
    /// `note "…"`, the reason given.
    public var note: StringLiteral?
    @NotCompared public var span: Span
}
