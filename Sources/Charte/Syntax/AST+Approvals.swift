// Approval before an action: `exige signer par proviseur avant commander si montant > 4 000 €`.

/// `exige PRIOR [par ACTEURS] avant ACTION [si condition]`: every `ACTION` on an object
/// meeting the condition needs an earlier `PRIOR` on the same object (the same key) by one
/// of the actors (without `par`: an approbateur of the tasks doing `ACTION`).
public struct RequirementDecl: Sendable, Hashable {
    /// The action that must come first (`signer`).
    public var prior: Name
    /// Who must do it; empty without `par`.
    public var actors: [Name]
    /// The action it must come before (`commander`).
    public var action: Name
    /// On which objects of `action` it is required; nil: every object.
    public var condition: Condition?
    /// Where it is written.
    @NotCompared public var span: Span
}
