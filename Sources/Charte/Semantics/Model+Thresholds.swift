// The checked form of `seuils`: the limits `charte analyser` holds a charter to.

/// The limits of a charter's balance of roles (`seuils { consultes_max 4, taches_par_mois_max 6 }`),
/// with the defaults a charter without `seuils` is held to.
public struct Thresholds: Sendable, Hashable {
    /// A threshold a charter can set.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The most actors a task may consult (C).
        case consultedMax = "consultes_max"
        /// The most tasks an actor may have due in one month (as R, A or S).
        case tasksPerMonthMax = "taches_par_mois_max"

        /// The value used when the charter does not set it.
        public var defaultValue: Int {
            switch self {
            case .consultedMax: 3
            case .tasksPerMonthMax: 6
            }
        }

        /// The smallest and largest values a charter may write.
        public static let range = 1...999
    }

    /// The values the charter wrote, by kind.
    public var written: [Kind: Int] = [:]
    /// Where the `seuils` declaration is written, if there is one.
    public var span: Span?

    /// Creates the default thresholds.
    public init() {}

    /// The value of a threshold: the charter's, else the default.
    public func value(_ kind: Kind) -> Int { written[kind] ?? kind.defaultValue }

    /// Whether the charter set this threshold.
    public func isWritten(_ kind: Kind) -> Bool { written[kind] != nil }
}

extension Thresholds.Kind {
    /// The kind a keyword of the table names (`consultes_max`), if it names one.
    public init?(keyword: Keyword) {
        switch keyword {
        case .consultesMax: self = .consultedMax
        case .tachesParMoisMax: self = .tasksPerMonthMax
        default: return nil
        }
    }
}
