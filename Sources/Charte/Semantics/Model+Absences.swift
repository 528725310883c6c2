// The checked form of `suppleance` and `incompatibles`.

/// A suppléance: an actor stands in for another between two dates, for part or all of its work.
public struct Deputy: Sendable, Hashable {
    /// The actor who is away.
    public var deputised: Int
    /// The actor standing in.
    public var deputy: Int
    /// The first and last days of the window, both included.
    public var from: CalendarDate
    /// The last day of the window, included.
    public var to: CalendarDate
    /// Signature (the deputised actor keeps the competence) or pouvoir (it moves to the deputy).
    public var nature: DeputyNature
    /// The tasks whose work is delegated: those named by `tache`, or, without `tache` nor
    /// `action`, every task where the deputised actor is responsable or aide.
    public var tasks: [Int]
    /// The actions delegated by `action` clauses, with the condition on their objects.
    public var actions: [TaskAction]
    /// Whether no `tache` or `action` clause narrowed the scope (everything is delegated).
    public var isWholeRole: Bool
    /// The reason given by `note`.
    public var note: String?
    /// Where it is written.
    public var span: Span

    /// Whether the window contains a day.
    public func isActive(on date: CalendarDate) -> Bool { from <= date && date <= to }
}

/// Two actors, two actions or two letters that must never meet.
public struct Incompatibility: Sendable, Hashable {
    /// What the two names stand for.
    public enum Kind: Sendable, Hashable {
        /// Two actors that must never be one person.
        case actors(Int, Int)
        /// Two actions the same person must not do on the same object.
        case actions(Int, Int)
        /// Two letters the same actor must not hold in one task (R and A, say).
        case letters(Letter, Letter)
    }

    /// The pair.
    public var kind: Kind
    /// The reason given by `note`.
    public var note: String?
    /// Where it is written.
    public var span: Span
}
