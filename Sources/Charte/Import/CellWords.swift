/// The words of a table cell, as the importer's guesses read them: each word folded
/// (`Référent` → `referent`), with the text written before it and the clause it belongs to.
///
/// Apostrophes, hyphens, slashes and spaces separate words (`d'enseignement` is `d`,
/// `enseignement`); `, ; . : ( ) ! ?` also end a clause. Phrases are matched on folded words,
/// and labels are rebuilt from the words as written, so accents and capitals are kept.
struct CellWords {
    /// One word of the cell.
    struct Word: Hashable {
        /// The folded form, for matching.
        let folded: String
        /// The word as written.
        let text: String
        /// What separates it from the previous word, as written (`" "`, `"'"`, `", "`).
        let before: String
        /// The 0-based clause the word is in.
        let clause: Int
        /// Where the word starts in the cell's text.
        let start: String.Index
    }

    /// The words, in order.
    let words: [Word]

    /// Splits `text` into words and clauses.
    init(_ text: String) {
        var words: [Word] = []
        var current = "", separator = "", clause = 0
        var start = text.startIndex
        func flush() {
            guard !current.isEmpty else { return }
            words.append(Word(folded: Folding.fold(current), text: current, before: separator, clause: clause, start: start))
            current = ""
            separator = ""
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if current.isEmpty { start = index }
                current.append(character)
            } else {
                flush()
                separator.append(character)
                if CellWords.clauseEnds.contains(character) { clause += 1 }
            }
            index = text.index(after: index)
        }
        flush()
        self.words = words
    }

    /// Characters that end a clause.
    static let clauseEnds: Set<Character> = [",", ";", ".", ":", "(", ")", "!", "?", "…", "\n"]

    /// The number of words.
    var count: Int { words.count }

    /// The folded word at `index`, or "" outside the cell.
    subscript(index: Int) -> String { index >= 0 && index < words.count ? words[index].folded : "" }

    /// Whether the folded words from `index` on are `phrase` (`["fin", "juin"]`), within one clause.
    func matches(_ phrase: [String], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= words.count else { return false }
        for (offset, word) in phrase.enumerated() {
            let candidate = words[index + offset]
            guard candidate.folded == word, candidate.clause == words[index].clause else { return false }
        }
        return true
    }

    /// Whether `index` and `other` are in the same clause.
    func sameClause(_ index: Int, _ other: Int) -> Bool {
        index >= 0 && other >= 0 && index < words.count && other < words.count && words[index].clause == words[other].clause
    }

    /// The words `range` as written, with their separators inside the range (`d'enseignement`).
    func written(_ range: Range<Int>) -> String {
        var out = ""
        for index in range where index >= 0 && index < words.count {
            if index > range.lowerBound { out += CellWords.squeezed(words[index].before) }
            out += words[index].text
        }
        return out
    }

    /// A separator as it reads inside a phrase: its apostrophe or hyphen kept, spaces
    /// collapsed to one.
    private static func squeezed(_ separator: String) -> String {
        if separator.contains("'") { return "'" }
        if separator.contains("’") { return "’" }
        if separator.contains("/") { return "/" }
        if separator.contains("-"), !separator.contains(" ") { return "-" }
        return " "
    }

    /// `text` with its first letter in capitals.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The singular of a folded French noun: `licences` → `licence`, `bureaux` → `bureau`.
    static func singular(_ word: String) -> String {
        if word.count > 3, word.hasSuffix("s") || word.hasSuffix("x") { return String(word.dropLast()) }
        return word
    }
}
