// A question that is not a query, met halfway: its words are looked for in the charter's
// ids, labels and notes, and each find comes with the exact query to type next.

/// What the charter says of the words of a question that did not parse.
public struct WordSearch: Sendable, Hashable {
    /// One declaration that has some of the words, with the query that asks about it.
    public struct Find: Sendable, Hashable {
        /// Its id.
        public let id: String
        /// Its label, if it has one.
        public let label: String?
        /// The query to type next (`qui attribuer_licence ressource(categorie: manuel)`).
        public let query: String
    }

    /// The words looked for, folded, in the order written.
    public let words: [String]
    /// Tasks whose id, label or notes have the words (`qui TACHE`), most words first.
    public let tasks: [Find]
    /// Actions whose id or label, or the values of whose object, have the words (`qui ACTION OBJET`).
    public let actions: [Find]
    /// Actors whose id, label or people have the words (`taches ACTEUR`).
    public let actors: [Find]
    /// How many more tasks had some of the words than are listed.
    public let moreTasks: Int

    /// The most finds listed per kind (tasks; actions and actors list three).
    public static let shownTasks = 5
}

extension QueryEngine {
    /// The words of `text` looked for in the charter, when `text` does not parse as a query,
    /// has no parenthesis, colon or quote (the marks of a query being written), has words to
    /// look for, and some declaration has them; nil otherwise (then the query's
    /// diagnostics are what to show). The CLI and the REPL both answer through it.
    public func wordSearch(_ text: String) -> WordSearch? {
        // A text with the marks of a query being written (an object, a quoted name) gets the
        // parser's diagnostics: they say what to fix.
        guard !text.contains(where: { "()\":«»".contains($0) }) else { return nil }
        var scratch = sources
        guard QueryParser.parse(text, into: &scratch, limits: limits).query == nil else { return nil }
        let words = LabelWords.words(text)
        guard !words.isEmpty else { return nil }

        var tasks: [(score: Int, order: Int, find: WordSearch.Find)] = []
        // How many tasks named by the words (in their id or label) do each action.
        var namedBy: [Int: Int] = [:]
        for (index, task) in charter.tasks.enumerated() {
            let named = LabelWords.matched(words, in: LabelWords.words(task.id) + LabelWords.words(task.label ?? ""))
            let noted = LabelWords.matched(words, in: LabelWords.words(task.id + " " + (task.label ?? "") + " " + task.notes.joined(separator: " ")))
            guard noted > 0 else { continue }
            // A word in the id or the label counts twice a word only in the notes.
            tasks.append((named + noted, index, WordSearch.Find(id: task.id, label: task.label, query: "qui \(task.id)")))
            if named > 0 { for action in Set(task.actions.map(\.action)) { namedBy[action, default: 0] += 1 } }
        }

        var actions: [(score: Int, order: Int, find: WordSearch.Find)] = []
        for (index, action) in charter.actions.enumerated() {
            let own = LabelWords.matched(words, in: LabelWords.words(action.id) + LabelWords.words(action.label ?? ""))
            let (object, values) = literal(for: action, words: words)
            guard own + values > 0 else { continue }
            // An action named by the words ranks first, then by the values of its object the words
            // name, then by how many tasks named by the words do it.
            let score = 100 * own + 10 * values + min(9, namedBy[index] ?? 0)
            let query = "qui \(action.id)" + (object.map { " " + $0 } ?? "")
            actions.append((score, index, WordSearch.Find(id: action.id, label: action.label, query: query)))
        }

        var actors: [(score: Int, order: Int, find: WordSearch.Find)] = []
        for (index, actor) in charter.actors.enumerated() {
            let haystack = LabelWords.words(actor.id) + LabelWords.words(([actor.label ?? ""] + actor.persons).joined(separator: " "))
            let score = LabelWords.matched(words, in: haystack)
            guard score > 0 else { continue }
            actors.append((score, index, WordSearch.Find(id: actor.id, label: actor.label, query: "taches \(actor.id)")))
        }

        guard !tasks.isEmpty || !actions.isEmpty || !actors.isEmpty else { return nil }
        func ranked(_ finds: [(score: Int, order: Int, find: WordSearch.Find)]) -> [WordSearch.Find] {
            finds.sorted { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }.map(\.find)
        }
        let allTasks = ranked(tasks)
        return WordSearch(words: words, tasks: Array(allTasks.prefix(WordSearch.shownTasks)),
                          actions: Array(ranked(actions).prefix(3)), actors: Array(ranked(actors).prefix(3)),
                          moreTasks: max(0, allTasks.count - WordSearch.shownTasks))
    }

    /// The object literal of an action for the enumeration values the words name
    /// (`ressource(categorie: manuel)`), with how many attributes they settle; nil without an object type.
    private func literal(for action: Action, words: [String]) -> (String?, Int) {
        guard let typeIndex = action.objectType, charter.objectTypes.indices.contains(typeIndex) else { return (nil, 0) }
        let type = charter.objectTypes[typeIndex]
        var fields: [String] = []
        for attribute in type.attributes {
            guard case .enumeration(let values) = attribute.type else { continue }
            let named = values.filter { value in words.contains { LabelWords.same($0, Folding.fold(value)) } }
            if named.count == 1, let value = named.first { fields.append("\(attribute.name): \(value)") }
        }
        return (fields.isEmpty ? nil : "\(type.id)(" + fields.joined(separator: ", ") + ")", fields.count)
    }
}
