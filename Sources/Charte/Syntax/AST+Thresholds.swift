// The limits of the balance of roles: the `seuils` declaration.

/// One line of `seuils`: a threshold's name and its value (`consultes_max 4`).
public struct ThresholdItem: Sendable, Hashable {
    /// The threshold's name as written; what it stands for is decided by the checker.
    public var name: Name
    /// The value; nil when the number was malformed (already reported).
    public var value: Int64?
    /// Where the value is written.
    @NotCompared public var valueSpan: Span
    /// The whole line.
    @NotCompared public var span: Span
}

/// `seuils { consultes_max 4, taches_par_mois_max 6 }`: the limits `charte analyser` reports against.
public struct ThresholdsDecl: Sendable, Hashable {
    /// The lines, in source order.
    public var items: [ThresholdItem]
    /// Where it is written.
    @NotCompared public var span: Span
}

extension Keyword {
    /// The names a `seuils` line may give, in the order messages list them.
    static let thresholdKeywords: [Keyword] = [.consultesMax, .tachesParMoisMax]
}
