/// Bounds the work spent on "vouliez-vous dire" suggestions over one check.
///
/// Each suggestion compares a name with every candidate of its kind; a hostile file with a
/// million unknown names and a million declared ones would take hours. Past the budget,
/// diagnostics are still given, only without suggestions. A real charter spends a few
/// thousand comparisons.
struct SuggestionBudget: Sendable {
    /// The most candidate comparisons spent over one check.
    static let limit = 200_000

    /// The comparisons spent so far.
    private(set) var spent = 0

    /// Charges the comparison of one name with `count` candidates; false once the budget is spent.
    mutating func charge(_ count: Int) -> Bool {
        spent = min(spent, SuggestionBudget.limit + 1) + min(count, SuggestionBudget.limit + 1)
        return spent <= SuggestionBudget.limit
    }
}
