// Finding declared names, and wording the unknown ones, for the checker and the queries alike.

/// The kinds of declared names a reference may stand for.
enum NameKind: Hashable {
    case actor, action, objectType, event, step, task, actionOrTask, any

    /// Whether a symbol is of this kind.
    func matches(_ symbol: Symbol) -> Bool {
        switch (self, symbol) {
        case (.any, _), (.actor, .actor), (.action, .action), (.objectType, .objectType), (.event, .event),
             (.step, .step), (.task, .task), (.actionOrTask, .action), (.actionOrTask, .task): true
        default: false
        }
    }
}

/// The one resolver of names of the shared namespace: the checker and the query engine both
/// look names up and offer "vouliez-vous dire" through it, so a misspelt name gets the same
/// message and the same suggestions, with the same declaration lines, in a charter and in a query.
struct NameResolver {
    /// Declared names prepared for suggestions, built on the first unknown name of each kind
    /// (every name is declared by then): one folding of the names per kind, not one per look-up.
    private var indexes: [NameKind: SuggestionIndex] = [:]

    /// Every declared name of a kind, as candidates (with where each was declared), by name.
    static func candidates(_ kind: NameKind, in charter: Charter) -> [Candidate] {
        charter.symbols.filter { kind.matches($0.value) }
            .map { Candidate(name: $0.key, span: charter.declarationSpan(of: $0.value)) }
            .sorted { $0.name < $1.name }
    }

    /// The declared names of a kind close to `name` (at most three); each look-up is charged its
    /// candidates, and past the budget no more are offered.
    mutating func closest(to name: String, among kind: NameKind, in charter: Charter, budget: inout SuggestionBudget) -> [Candidate] {
        if indexes[kind] == nil { indexes[kind] = SuggestionIndex(NameResolver.candidates(kind, in: charter)) }
        guard let index = indexes[kind], budget.charge(index.count) else { return [] }
        return index.closest(to: name)
    }
}

extension Charter {
    /// Where a declared name was written: a task's from its entry, any other's from `nameSpans`.
    func declarationSpan(of symbol: Symbol) -> Span? {
        if case .task(let index) = symbol {
            return tasks.indices.contains(index) ? tasks[index].nameSpan : nil
        }
        return nameSpans[symbol]
    }
}

/// Where the names of actors, object types, actions, events and steps were written, by
/// kind and index (a task's name span is in the model).
struct SymbolSpans {
    private var spans: [[Span]] = Array(repeating: [], count: 5)

    private static func slot(_ symbol: Symbol) -> (kind: Int, index: Int)? {
        switch symbol {
        case .actor(let index): (0, index)
        case .objectType(let index): (1, index)
        case .action(let index): (2, index)
        case .event(let index): (3, index)
        case .step(let index): (4, index)
        case .task: nil
        }
    }

    /// Records the span of a newly declared name (indices come in order, from 0, per kind).
    mutating func record(_ symbol: Symbol, at span: Span) {
        guard let (kind, index) = SymbolSpans.slot(symbol), index >= 0 else { return }
        if index < spans[kind].count {
            spans[kind][index] = span
        } else {
            while spans[kind].count < index { spans[kind].append(span) }
            spans[kind].append(span)
        }
    }

    subscript(symbol: Symbol) -> Span? {
        guard let (kind, index) = SymbolSpans.slot(symbol), spans[kind].indices.contains(index) else { return nil }
        return spans[kind][index]
    }
}
