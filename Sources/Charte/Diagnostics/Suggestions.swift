/// "Vouliez-vous dire" suggestions: close declared names by edit distance, compared folded.
public enum Suggestions {
    /// At most three names close to `name`: distance ≤ 2 for names of five letters or more, ≤ 1 below.
    public static func closest(to name: String, among candidates: [Candidate]) -> [Candidate] {
        let folded = Folding.fold(name)
        let limit = folded.count >= 5 ? 2 : 1
        var scored: [(distance: Int, candidate: Candidate)] = []
        var seen = Set<String>()
        for candidate in candidates where !seen.contains(candidate.name) {
            seen.insert(candidate.name)
            let distance = editDistance(folded, Folding.fold(candidate.name), limit: limit)
            if distance <= limit, candidate.name != name {
                scored.append((distance, candidate))
            }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate.name < $1.candidate.name }
        return scored.prefix(3).map(\.candidate)
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count 1), capped just above `limit`.
    public static func editDistance(_ a: String, _ b: String, limit: Int = Int.max) -> Int {
        editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The same distance over scalars already split (the index keeps its names folded and split).
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}

/// Declared names prepared once for many "vouliez-vous dire" look-ups: folded, split into
/// scalars and grouped by length, so a look-up only measures the names within reach
/// (a name whose length differs by more than the limit is never close).
///
/// `closest(to:)` gives exactly what `Suggestions.closest(to:among:)` gives for the same candidates.
struct SuggestionIndex {
    private struct Entry {
        let candidate: Candidate
        let folded: [Unicode.Scalar]
    }

    /// Entries by the number of scalars of their folded name.
    private var byLength: [Int: [Entry]] = [:]
    /// The number of candidates indexed.
    private(set) var count = 0

    /// Indexes candidates; of several with one name, the first is kept (as `closest(to:among:)` does).
    init(_ candidates: [Candidate]) {
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate.name).inserted {
            let folded = Array(Folding.fold(candidate.name).unicodeScalars)
            byLength[folded.count, default: []].append(Entry(candidate: candidate, folded: folded))
            count += 1
        }
    }

    /// At most three names close to `name`, closest first, then by name.
    func closest(to name: String) -> [Candidate] {
        let foldedName = Folding.fold(name)
        let folded = Array(foldedName.unicodeScalars)
        let limit = foldedName.count >= 5 ? 2 : 1
        var scored: [(distance: Int, candidate: Candidate)] = []
        for length in max(0, folded.count - limit)...(folded.count + limit) {
            for entry in byLength[length] ?? [] {
                let distance = Suggestions.editDistance(folded, entry.folded, limit: limit)
                if distance <= limit, entry.candidate.name != name {
                    scored.append((distance, entry.candidate))
                }
            }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate.name < $1.candidate.name }
        return scored.prefix(3).map(\.candidate)
    }
}
