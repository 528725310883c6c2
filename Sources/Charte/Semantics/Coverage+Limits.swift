// Bounds on the static analysis over objects, so a hostile file cannot make it hang.

extension Coverage {
    /// The most predicate evaluations and comparisons spent over one check. Actions are
    /// analysed in declaration order; one whose analysis would exceed what is left is skipped
    /// (no W501, W502, E500, W503 for it). A real charter spends a few thousand.
    static let maximumWork = 20_000_000

    /// The work the analysis of one action costs: every task and forbid evaluated on every
    /// object, and every pair of tasks compared.
    static func work(objects: Int, performers: Int, forbids: Int) -> Int {
        let perObject = performers + performers * (performers - 1) / 2 + forbids * (1 + performers)
        let (total, overflow) = perObject.multipliedReportingOverflow(by: max(objects, 1))
        return overflow ? Int.max : total
    }
}

extension Predicate {
    /// The disjunction of predicates as a balanced tree: depth log n, so a task with a
    /// million `action` clauses cannot overflow the stack when evaluated.
    static func anyOf(_ predicates: ArraySlice<Predicate>) -> Predicate {
        switch predicates.count {
        case 0: return .constant(false)
        case 1: return predicates[predicates.startIndex]
        default:
            let middle = predicates.startIndex + predicates.count / 2
            return .or(anyOf(predicates[..<middle]), anyOf(predicates[middle...]))
        }
    }
}
