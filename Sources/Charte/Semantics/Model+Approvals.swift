// Approval before an action, in the checked model.

/// `exige signer par proviseur avant commander si …`, resolved.
public struct Requirement: Sendable, Hashable {
    /// The action that must come first, by index.
    public var prior: Int
    /// The actors who may do it (those named by `par`, or the approbateurs of the tasks doing `action`).
    public var actors: [Int]
    /// Whether `actors` are the approbateurs (no `par` was written).
    public var byApprovers: Bool
    /// The action it must come before, by index.
    public var action: Int
    /// The objects of `action` it concerns; nil: every object.
    public var condition: Predicate?
    /// The object type both actions act on.
    public var objectType: Int
    /// Where it is written.
    public var span: Span
}
