// The words of names and labels, to meet a reader halfway: `affecter_licence` shares
// "affecter" and "licence" with the action labelled "Affecter des licences dans le GAR".

/// Folded content words, and when two of them are the same word (plural, verb ending).
enum LabelWords {
    /// The folded words of a text or an identifier, without the small words of a French
    /// question (articles, prepositions, RACI verbs): `qui est responsable des manuels ?` → `manuels`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let word = String(current)
            current = String.UnicodeScalarView()
            if word.unicodeScalars.count >= 2, !ignored.contains(word), !words.contains(word) { words.append(word) }
        }
        for scalar in Folding.fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { current.append(scalar) } else { flush() }
        }
        flush()
        return words
    }

    /// Whether two folded words are the same word: equal, equal but for a plural `s`/`x`, or
    /// one the start of the other when both have five letters or more (`affecte`, `affecter`).
    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = stem(a), y = stem(b)
        if x == y { return true }
        return min(x.count, y.count) >= 5 && (x.hasPrefix(y) || y.hasPrefix(x))
    }

    /// How many of `asked` occur among `words`.
    static func matched(_ asked: [String], in words: [String]) -> Int {
        asked.filter { word in words.contains { same(word, $0) } }.count
    }

    private static func stem(_ word: String) -> String {
        word.count > 3 && (word.hasSuffix("s") || word.hasSuffix("x")) ? String(word.dropLast()) : word
    }

    /// Small words that say nothing of what is looked for (folded).
    static let ignored: Set<String> = [
        "de", "des", "du", "la", "le", "les", "un", "une", "et", "ou", "au", "aux", "en", "dans", "sur", "par",
        "pour", "avec", "sans", "chez", "qui", "que", "quoi", "quel", "quelle", "quels", "quelles", "est", "sont",
        "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "on", "se", "sa", "son", "ses", "leur", "leurs",
        "ne", "pas", "qu", "je", "nous", "vous", "tu", "me", "moi", "comment", "quand", "tout", "tous", "toute",
        "toutes", "fait", "faire", "font", "peut", "peuvent", "doit", "doivent", "occupe", "occupent", "charge",
        "responsable", "responsables", "approbateur", "approbateurs", "aide", "aident", "consulte", "consultes",
        "informe", "informes", "taches", "tache", "echeances", "echeance", "montre", "montrer", "est-ce",
    ]
}

extension NameResolver {
    /// The declared names of a kind whose id or label shares words with `name`, most shared
    /// words first (at most three), each with its label: offered for a query's unknown name
    /// when no name is close by spelling. The checker does not use it, so a charter's
    /// diagnostics stay as they were.
    static func sharingWords(with name: String, among kind: NameKind, in charter: Charter) -> [Candidate] {
        let asked = LabelWords.words(name)
        guard !asked.isEmpty else { return [] }
        var scored: [(score: Int, candidate: Candidate)] = []
        for (id, symbol) in charter.symbols where kind.matches(symbol) {
            let label = charter.label(of: symbol)
            let score = LabelWords.matched(asked, in: LabelWords.words(id) + LabelWords.words(label ?? ""))
            if score > 0 {
                scored.append((score, Candidate(name: id, span: charter.declarationSpan(of: symbol), label: label)))
            }
        }
        guard let best = scored.map(\.score).max() else { return [] }
        return scored.filter { $0.score == best }.map(\.candidate).sorted { $0.name < $1.name }.prefix(3).map { $0 }
    }
}

extension Charter {
    /// The label of a declared name, if it has one.
    func label(of symbol: Symbol) -> String? {
        switch symbol {
        case .actor(let index): actors.indices.contains(index) ? actors[index].label : nil
        case .objectType(let index): objectTypes.indices.contains(index) ? objectTypes[index].label : nil
        case .action(let index): actions.indices.contains(index) ? actions[index].label : nil
        case .event(let index): events.indices.contains(index) ? events[index].label : nil
        case .step(let index): steps.indices.contains(index) ? steps[index].label : nil
        case .task(let index): tasks.indices.contains(index) ? tasks[index].label : nil
        }
    }
}
