// The RACI letters live here, below Syntax and Diagnostics, because the parser reads them
// and the diagnostics name them (their French words are in Diagnostics/MessageValues.swift).

/// The RACI letters (plus S for `aide`).
public enum Letter: String, Sendable, Hashable, CaseIterable, Comparable {
    case responsible = "R", approver = "A", support = "S", consulted = "C", informed = "I"

    private var rank: Int { Letter.allCases.firstIndex(of: self) ?? 0 }
    /// Letters in RACI order.
    public static func < (lhs: Letter, rhs: Letter) -> Bool { lhs.rank < rhs.rank }
}
