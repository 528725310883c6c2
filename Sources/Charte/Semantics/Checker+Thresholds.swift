// `seuils`: each line names a threshold of the one Keyword table, once, with a value in range.

extension Checker {
    /// Reads every `seuils` declaration into the model's thresholds (several blocks add up).
    mutating func checkThresholds() {
        var firstSpans: [Thresholds.Kind: Span] = [:]
        for case .thresholds(let decl) in tree.declarations {
            if charter.thresholds.span == nil { charter.thresholds.span = decl.span }
            for item in decl.items {
                let keyword = Keyword.lookup(folded: Folding.fold(item.name.text))
                guard let kind = keyword.flatMap(Thresholds.Kind.init(keyword:)) else {
                    let candidates = Suggestions.closest(to: item.name.text,
                                                         among: Keyword.thresholdKeywords.map { Candidate(name: $0.spelling, span: nil) })
                    report(.unknownThreshold(item.name.text), at: item.name.span, candidates: candidates)
                    continue
                }
                if let first = firstSpans[kind] {
                    report(.duplicateThreshold(kind.rawValue), at: item.name.span, notes: [Note(.firstDeclaredHere, at: first)])
                    continue
                }
                firstSpans[kind] = item.name.span
                guard let value = item.value else { continue }
                guard value >= Int64(Thresholds.Kind.range.lowerBound), value <= Int64(Thresholds.Kind.range.upperBound) else {
                    report(.thresholdOutOfRange(name: kind.rawValue, value: String(value)), at: item.valueSpan)
                    continue
                }
                charter.thresholds.written[kind] = Int(value)
            }
        }
    }
}
