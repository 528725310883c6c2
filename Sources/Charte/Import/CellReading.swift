/// What the importer guesses from one cell's text: a short label, the councils it names, the
/// actions its verbs are, a deadline or a delay, and the other roles it names with how.
///
/// Every guess keeps the words it comes from (`phrase`), so the charter and the report can
/// say why. Nothing here decides identifiers: `CharterSkeleton` shares the guesses between
/// cells by their `key` and names them once.
struct CellReading {
    /// A council named in the cell (`en conseil pédagogique`).
    struct Council: Hashable {
        /// `conseil_pedagogique`: the same council in every cell.
        let key: String
        /// `Conseil pédagogique`.
        let label: String
        /// Whether the cell says the council validates (`validé en conseil pédagogique`).
        let validates: Bool
    }

    /// An action a verb of the cell names (`attribue les licences` → `attribuer_licence`).
    struct Action: Hashable {
        /// `attribuer_licence`: the same action in every cell that says the same thing.
        let key: String
        /// `Attribuer des licences dans le GAR`.
        let label: String
        /// The words it comes from.
        let phrase: String
    }

    /// A deadline the cell writes (`avant la fin juin`).
    struct Deadline: Hashable {
        /// The expression after `echeance` (`fin_juin`, `toussaint - 1 jour`).
        let expression: String
        /// A calendar entry the expression needs (`fin_juin "Fin juin" 2027-06-30`), if any.
        let entry: CalendarEntry?
        /// The words it comes from.
        let phrase: String
    }

    /// A date the importer adds to the proposed calendar.
    struct CalendarEntry: Hashable {
        /// `fin_juin`, `le_4_decembre`.
        let name: String
        /// `Fin juin`, `4 décembre`.
        let label: String
        /// The date.
        let date: CalendarDate
    }

    /// A delay the cell writes (`dans les trois jours ouvrés suivant l'arrivée d'un élève`).
    struct Delay: Hashable {
        /// The duration after `delai` (`3 jours ouvres`).
        let duration: String
        /// What sets it running, if the cell says (`arrivee_eleve`, `Arrivée d'un élève`).
        let trigger: (key: String, label: String)?
        /// The words it comes from.
        let phrase: String

        static func == (a: Delay, b: Delay) -> Bool {
            a.duration == b.duration && a.trigger?.key == b.trigger?.key && a.trigger?.label == b.trigger?.label
                && a.phrase == b.phrase
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(duration)
            hasher.combine(trigger?.key)
            hasher.combine(phrase)
        }
    }

    /// How another role named in the cell takes part.
    enum Relation: String, Hashable {
        /// `en collaboration avec` → `aide`.
        case aide
        /// `signale au`, `transmet à` → `informe`.
        case informe
        /// `auprès de` → `consulte`.
        case consulte
        /// Named, but how is not clear.
        case cite
    }

    /// Another role named in the cell.
    struct Mention: Hashable {
        /// The role's index in the table.
        let role: Int
        /// How it takes part.
        let relation: Relation
        /// The words it comes from.
        let phrase: String
    }

    /// The label: the cell's first clause, without the role's name as subject.
    let label: String
    /// Councils, in the order of the text.
    let councils: [Council]
    /// Actions, in the order of the text, each once.
    let actions: [Action]
    /// The first deadline written.
    let deadline: Deadline?
    /// The first delay written.
    let delay: Delay?
    /// Other roles named, each once, in the order of the text.
    let mentions: [Mention]

    /// Reads `text`, the cell of the column `role`; `roleKeys[i]` are the folded word
    /// sequences that name role `i` (its name's significant words, and aliases).
    init(text: String, role: Int, roleKeys: [[[String]]]) {
        let words = CellWords(text)
        label = CellReading.shortLabel(text, ownKeys: role < roleKeys.count ? roleKeys[role] : [])
        councils = CellReading.councils(in: words)
        actions = CellReading.actions(in: words)
        deadline = CellReading.deadline(in: words)
        delay = CellReading.delay(in: words)
        mentions = CellReading.mentions(in: words, role: role, roleKeys: roleKeys)
    }

    // MARK: - Label

    /// The most characters of a label before it is shortened with `…`.
    static let labelLimit = 72

    /// The first clause of `text`: up to the first sentence end, colon, semicolon or
    /// parenthesis, then up to the first comma if still long, without the role as subject,
    /// capitalised, at most `labelLimit` characters (cut between words, `…` added).
    static func shortLabel(_ text: String, ownKeys: [[String]]) -> String {
        var clause = Substring(text)
        for delimiter in [". ", ".\n", "\n", " : ", ": ", " ; ", "; ", " (", "…", "etc."] {
            if let range = clause.firstRange(of: delimiter) { clause = clause[..<range.lowerBound] }
        }
        if clause.count > 60, let comma = clauseComma(in: clause, after: 20) { clause = clause[..<comma] }
        var label = String(clause).trimmingTrailing(of: ". ,;:")
        label = withoutSubject(label, ownKeys: ownKeys)
        if label.count > labelLimit {
            let words = CellWords(String(label.prefix(labelLimit - 1)))
            // Keep whole words: drop the last (perhaps cut) one, then small words left dangling.
            var end = max(1, words.count - 1)
            while end > 1, ImportLexicon.danglingWords.contains(words[end - 1]) { end -= 1 }
            if end <= words.count, end > 0 {
                let last = words.words[end - 1]
                let stop = label.index(last.start, offsetBy: last.text.count)
                label = String(label[..<stop]) + "…"
            }
        }
        let capitalized = CellWords.capitalized(label)
        return capitalized.isEmpty ? CellWords.capitalized(String(text.prefix(labelLimit))) : capitalized
    }

    /// The first comma, `offset` characters in or more, that opens a new clause (`, pour`,
    /// `, en collaboration`) rather than continues a list (`au documentaliste, au gestionnaire`).
    private static func clauseComma(in text: Substring, after offset: Int) -> Substring.Index? {
        var index = text.startIndex, count = 0
        while index < text.endIndex {
            if text[index] == ",", count >= offset {
                let next = CellWords(String(text[text.index(after: index)...].prefix(16)))
                if ImportLexicon.clauseOpeners.contains(next[0]) { return index }
            }
            index = text.index(after: index)
            count += 1
        }
        return nil
    }

    /// `Le professeur documentaliste identifie…` → `identifie…` when the words before the
    /// verb are an article and the column role's name (or a pronoun).
    private static func withoutSubject(_ label: String, ownKeys: [[String]]) -> String {
        let words = CellWords(label)
        guard words.count >= 3 else { return label }
        if ImportLexicon.subjectPronouns.contains(words[0]) {
            return String(label[words.words[1].start...])
        }
        var index = 0
        if ImportLexicon.articles.contains(words[index]) { index += 1 }
        let nameWords = Set(ownKeys.joined())
        var named = 0
        while index < words.count - 1, nameWords.contains(CellWords.singular(words[index]))
                || nameWords.contains(words[index]) || (named > 0 && ["de", "d", "du", "l"].contains(words[index])) {
            if nameWords.contains(CellWords.singular(words[index])) || nameWords.contains(words[index]) { named += 1 }
            index += 1
        }
        guard named > 0, index < words.count, words.sameClause(0, index), !["et", "ou"].contains(words[index]) else {
            return label
        }
        return String(label[words.words[index].start...])
    }

    // MARK: - Councils

    static func councils(in words: CellWords) -> [Council] {
        var found: [Council] = []
        // The clauses that say "validated", found in one pass.
        var validating = Set<Int>()
        for word in words.words where ImportLexicon.validationStems.contains(where: { word.folded.hasPrefix($0) }) {
            validating.insert(word.clause)
        }
        var index = 0
        while index < words.count {
            guard ImportLexicon.councilHeads.contains(words[index]) else {
                index += 1
                continue
            }
            let validates = validating.contains(words.words[index].clause)
            var position = index + 1
            var first = true
            // `conseil numérique/pédagogique`: one head, two councils.
            while let qualifier = ImportLexicon.councilQualifiers.first(where: { words.matches($0.words, at: position) }),
                  first || words.words[position].before.contains("/") {
                let range = position..<(position + qualifier.words.count)
                let label = "Conseil " + words.written(range).lowercasedFirst()
                let council = Council(key: (["conseil"] + qualifier.id).joined(separator: "_"), label: label, validates: validates)
                if !found.contains(where: { $0.key == council.key }) { found.append(council) }
                position = range.upperBound
                first = false
                guard position < words.count else { break }
            }
            index = max(index + 1, position)
        }
        return found
    }

    // MARK: - Actions

    static func actions(in words: CellWords) -> [Action] {
        var found: [Action] = []
        func add(_ action: Action) {
            if !found.contains(where: { $0.key == action.key }) { found.append(action) }
        }
        let garClauses = Set(words.words.filter { $0.folded == ImportLexicon.gar }.map(\.clause))
        for index in 0..<words.count {
            let word = words[index]
            if ImportLexicon.notBeforeVerb.contains(words[index - 1]) { continue }
            if ImportLexicon.orderingVerbs.contains(word),
               let noun = (index + 1...index + 3).first(where: { words.sameClause(index, $0) && words[$0].hasPrefix("commande") }) {
                add(Action(key: "commander", label: "Passer les commandes", phrase: words.written(index..<(noun + 1))))
                continue
            }
            guard let verb = ImportLexicon.verbs.first(where: { $0.forms.contains(word) }) else { continue }
            guard verb.takesObject else {
                add(Action(key: verb.infinitive, label: verb.label, phrase: words.written(index..<(index + 1))))
                continue
            }
            let reach = (index + 1)...(index + ImportLexicon.objectReach)
            let inGAR = garClauses.contains(words.words[index].clause)
            var object: (noun: String, end: Int)?
            for other in reach where words.sameClause(index, other) {
                let noun = ImportLexicon.objects[words[other]] != nil ? words[other] : CellWords.singular(words[other])
                if ImportLexicon.objects[noun] != nil {
                    object = (noun, other)
                    break
                }
            }
            if object == nil, inGAR { object = ("licence", index) }
            guard let object, let phrase = ImportLexicon.objects[object.noun] else { continue }
            let label = verb.label + " " + phrase + (inGAR && object.noun == "licence" ? " dans le GAR" : "")
            add(Action(key: verb.infinitive + "_" + object.noun, label: label,
                       phrase: words.written(index..<(max(object.end, index) + 1))))
        }
        return found
    }

    // MARK: - Deadlines

    static func deadline(in words: CellWords) -> Deadline? {
        for index in 0..<words.count {
            guard let opener = ImportLexicon.deadlineOpeners.first(where: { words.matches($0, at: index) }) else { continue }
            let start = index + opener.count
            if let found = date(in: words, at: start, from: index) { return found }
        }
        return nil
    }

    /// A date written at `start` (after a deadline's opener at `opener`).
    private static func date(in words: CellWords, at start: Int, from opener: Int) -> Deadline? {
        for school in ImportLexicon.schoolDates where words.matches(school.words, at: start) {
            return Deadline(expression: school.expression, entry: nil,
                            phrase: words.written(opener..<(start + school.words.count)))
        }
        // `la fin juin`, `la fin du mois de juin`, `fin juin`.
        var position = start
        if words[position] == "la" { position += 1 }
        if words[position] == "fin", words.sameClause(start, position) {
            var month = position + 1
            for filler in [["du", "mois", "de"], ["du", "mois", "d"], ["de"], ["d"]] where words.matches(filler, at: month) {
                month += filler.count
                break
            }
            if let number = ImportLexicon.months.firstIndex(of: words[month]), words.sameClause(start, month) {
                let year = number + 1 >= 8 ? ImportLexicon.schoolYear.first : ImportLexicon.schoolYear.first + 1
                guard let date = lastWeekday(month: number + 1, year: year) else { return nil }
                let name = "fin_" + ImportLexicon.months[number]
                let entry = CalendarEntry(name: name, label: "Fin " + DateText.months[number], date: date)
                return Deadline(expression: name, entry: entry, phrase: words.written(opener..<(month + 1)))
            }
            return nil
        }
        // `le 4 décembre`, `le 1er juin`.
        position = start
        if words[position] == "le" { position += 1 }
        guard let day = words[position] == "1er" ? 1 : Int(words[position]), day >= 1, day <= 31 else { return nil }
        var month = position + 1
        if words[month] == "er" { month += 1 }
        guard let number = ImportLexicon.months.firstIndex(of: words[month]), words.sameClause(start, month) else { return nil }
        let year = number + 1 >= 8 ? ImportLexicon.schoolYear.first : ImportLexicon.schoolYear.first + 1
        guard let date = CalendarDate(year: year, month: number + 1, day: day) else { return nil }
        let name = "le_\(day)_" + ImportLexicon.months[number]
        let entry = CalendarEntry(name: name, label: (day == 1 ? "1er" : "\(day)") + " " + DateText.months[number],
                                  date: date)
        return Deadline(expression: name, entry: entry, phrase: words.written(opener..<(month + 1)))
    }

    /// The last Monday-to-Friday of a month.
    static func lastWeekday(month: Int, year: Int) -> CalendarDate? {
        guard var date = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else {
            return nil
        }
        while date.isWeekend {
            guard let previous = date.adding(days: -1) else { return nil }
            date = previous
        }
        return date
    }

    // MARK: - Delays

    static func delay(in words: CellWords) -> Delay? {
        for index in 0..<words.count {
            for fixed in ImportLexicon.delayPhrases where words.matches(fixed.words, at: index) {
                let end = index + fixed.words.count
                return Delay(duration: "\(fixed.amount) \(fixed.unit)", trigger: trigger(in: words, after: end, near: index),
                             phrase: words.written(index..<end))
            }
            guard let amount = Int(words[index]) ?? ImportLexicon.numberWords[words[index]],
                  amount > 0, amount <= 365,
                  let unit = ImportLexicon.delayUnits[words[index + 1]], words.sameClause(index, index + 1),
                  ImportLexicon.delayOpeners.contains(words[index - 1]) else { continue }
            var end = index + 2
            var duration = "\(amount) \(amount > 1 ? unit : String(unit.dropLast(unit == "mois" ? 0 : 1)))"
            if unit == "jours", ImportLexicon.workingWords.contains(words[end]), words.sameClause(index, end) {
                duration = "\(amount) \(amount > 1 ? "jours ouvres" : "jour ouvre")"
                end += 1
            } else if unit == "jours", amount == 1 {
                duration = "1 jour"
            }
            // `les trois jours` alone needs `dans` before it: `les` is only an opener after `dans`.
            if words[index - 1] == "les", words[index - 2] != "dans" { continue }
            if words[index - 1] == "de", words[index - 2] != "delai" { continue }
            let opener = words[index - 1] == "les" ? index - 2 : index - 1
            return Delay(duration: duration, trigger: trigger(in: words, after: end, near: index),
                         phrase: words.written(opener..<end))
        }
        return nil
    }

    /// What sets a delay running: the words after `suivant`, `après`, `dès`… in the delay's
    /// clause, as an event's key and label.
    private static func trigger(in words: CellWords, after end: Int, near start: Int) -> (key: String, label: String)? {
        var candidates = Array(end..<min(words.count, end + 4))
        candidates += (0..<words.count).filter { words.sameClause($0, start) && !(start..<end).contains($0) }
        for index in candidates where words.sameClause(index, start) {
            guard let opener = ImportLexicon.triggerOpeners.first(where: { words.matches($0, at: index) }) else { continue }
            var first = index + opener.count
            if opener == ["des"], !ImportLexicon.afterDes.contains(words[first]) { continue }
            while first < words.count, ImportLexicon.articles.contains(words[first]) || words[first] == "d" || words[first] == "de" {
                first += 1
            }
            var last = first
            while last < words.count, last - first < ImportLexicon.triggerLength, words.sameClause(first, last),
                  !["les", "la", "le"].contains(words[last]) || last == first {
                last += 1
            }
            // End on a noun, not on a small word.
            while last > first, ImportLexicon.danglingWords.contains(words[last - 1]) { last -= 1 }
            guard last > first, words.sameClause(start, first) else { continue }
            let range = first..<last
            let significant = range.map { words[$0] }.filter { !ImportLexicon.stopWords.contains($0) }
            guard !significant.isEmpty else { continue }
            let label = CellWords.capitalized(words.written(range))
            return (significant.prefix(3).map(CellWords.singular).joined(separator: "_"), label)
        }
        return nil
    }

    // MARK: - Roles named

    static func mentions(in words: CellWords, role own: Int, roleKeys: [[[String]]]) -> [Mention] {
        // The significant words, with their index in `words`.
        let significant = (0..<words.count).filter { !ImportLexicon.stopWords.contains(words[$0]) }
        // Each key under its first word, so a word is compared with the few keys it may start.
        var keysByFirstWord: [String: [(role: Int, key: [String])]] = [:]
        for (role, keys) in roleKeys.enumerated() {
            for key in keys where !key.isEmpty { keysByFirstWord[CellWords.singular(key[0]), default: []].append((role, key)) }
        }
        var found: [Mention] = []
        var previous: (end: Int, relation: Relation)?
        var position = 0
        while position < significant.count {
            // The longest key that starts here, any role.
            var best: (role: Int, length: Int)?
            for (role, key) in keysByFirstWord[CellWords.singular(words[significant[position]])] ?? []
            where key.count > (best?.length ?? 0) && position + key.count <= significant.count {
                let matches = key.indices.allSatisfy { offset in
                    CellWords.singular(words[significant[position + offset]]) == CellWords.singular(key[offset])
                }
                if matches { best = (role, key.count) }
            }
            guard let best else {
                position += 1
                continue
            }
            let first = significant[position], last = significant[position + best.length - 1]
            position += best.length
            let relation = relation(in: words, before: first, previous: previous)
            previous = (last, relation)
            guard best.role != own, !found.contains(where: { $0.role == best.role }) else { continue }
            let phrase = words.written(max(0, first - ImportLexicon.relationReach)..<(last + 1))
            found.append(Mention(role: best.role, relation: relation, phrase: phrase))
        }
        return found
    }

    /// How a role named at `first` takes part, from the few words before its name; a name
    /// listed right after another one (`au gestionnaire et au chef d'établissement`) takes
    /// part as the other does.
    private static func relation(in words: CellWords, before first: Int, previous: (end: Int, relation: Relation)?) -> Relation {
        if let previous, first > previous.end, first - previous.end <= 4,
           (previous.end + 1..<first).allSatisfy({ ["et", "ou", "le", "la", "l", "les", "au", "aux", "a", "son", "sa"].contains(words[$0]) }) {
            return previous.relation
        }
        let window = (max(0, first - ImportLexicon.relationReach)..<first).map { words[$0] }
        if window.contains("avec"), window.contains("aide") { return .aide }  // `avec l'aide du gestionnaire`
        if window.contains(where: ImportLexicon.unclearWords.contains) { return .cite }
        if window.contains(where: ImportLexicon.helpWords.contains) { return .aide }
        if window.contains(where: ImportLexicon.askedWords.contains) { return .consulte }
        if window.contains(where: ImportLexicon.toldWords.contains) { return .informe }
        return .cite
    }
}

extension String {
    /// The string without the given characters at its end.
    func trimmingTrailing(of characters: String) -> String {
        var text = self
        while let last = text.last, characters.contains(last) { text.removeLast() }
        return text
    }

    /// The string with its first letter in lower case (`Pédagogique` → `pédagogique`).
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
