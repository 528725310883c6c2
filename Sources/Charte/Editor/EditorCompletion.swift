/// What may be typed at the cursor (`textDocument/completion`).
///
/// The text before the cursor is read with the language's own lexer. The block the cursor
/// is in (top level, step, task, test…) and the clause keyword before it decide the
/// candidates: the actors after `responsable` or `membres`, the actions after `action`, the
/// attributes after `si`, an attribute's values after `==`, the clause keywords at the start
/// of a clause. Inside a `test` block the assertions are queries, completed by the REPL's
/// own `QueryCompletion`. Names come from the `NameIndex`, so a charter with errors still
/// completes; matching ignores case and accents, like the keywords.
enum EditorCompletion {
    /// One candidate.
    struct Item: Hashable {
        let label: String
        /// The protocol's completion item kind.
        let kind: Int
        let detail: String?
    }

    /// The blocks a cursor may be in.
    enum Block { case top, establishment, calendar, actor, object, step, task, test }

    static let declarationKeywords: [Keyword] = [.etablissement, .calendrier, .role, .instance, .externe, .objet, .action,
                                                 .evenement, .etape, .autorise, .interdit, .test, .seuils]
    static let clauseKeywords: [Keyword] = [.responsable, .approbateur, .aide, .consulte, .informe, .action, .echeance,
                                            .quand, .delai, .apres, .en, .note]

    /// The candidates at a byte offset, and the span of the word they replace.
    static func complete(at offset: Int, in document: EditorDocument) -> (items: [Item], replacing: Span) {
        let file = document.file
        let prefix = SourceFile(id: file.id, name: file.name, bytes: Array(file.bytes[..<min(offset, file.bytes.count)]))
        var tokens = Lexer.tokenize(prefix).tokens.filter { $0.kind != .endOfFile }
        var typed = ""
        var start = offset
        if let last = tokens.last, last.kind == .word, last.span.end == offset {
            typed = last.text
            start = last.span.start
            tokens.removeLast()
        } else if let last = tokens.last, last.span.end == offset, last.kind != .comma, last.kind != .leftParen,
                  last.kind != .colon, last.kind != .leftBrace, last.kind != .leftBracket {
            return ([], Span(file: file.id, start: offset, end: offset))
        }
        let replacing = Span(file: file.id, start: start, end: offset)
        let candidates = candidates(after: tokens, prefix: prefix, document: document)
        let folded = Folding.fold(typed)
        let matching = Set(candidates.filter { Folding.fold($0.label).hasPrefix(folded) })
        return (matching.sorted { $0.label < $1.label }, replacing)
    }

    // MARK: - Contexts

    private static func candidates(after tokens: [Token], prefix: SourceFile, document: EditorDocument) -> [Item] {
        let block = self.block(of: tokens)
        if block == .test { return testCandidates(tokens, prefix: prefix, document: document) }
        guard let last = tokens.last else { return keywords(declarationKeywords) }
        let index = document.index
        // The keyword of the list being written: `informe |` or `informe a, b, |`.
        var position = tokens.count - 1
        if last.kind == .comma {
            position -= 1
            while position >= 2, tokens[position].kind == .word, tokens[position - 1].kind == .comma { position -= 2 }
            position -= 1
        }
        let opener = position >= 0 ? tokens[position] : last
        let listOpen = position >= 0 && (last.kind == .comma || position == tokens.count - 1)
        if listOpen, opener.kind == .word, let keyword = opener.keyword {
            switch keyword {
            case .responsable, .approbateur, .aide, .consulte, .informe, .membres, .en, .sauf, .seul:
                return names(.shared, index) { if case .actor = $0 { true } else { false } }
            case .autorise, .interdit:
                return names(.shared, index) { if case .actor = $0 { true } else { false } } + [keywordItem(.tous)]
            case .tous where block == .top:
                return keywords([.sauf]) + names(.shared, index) { $0 == .action }
            case .action:
                // At the top level `action` declares a new name: nothing to offer.
                return block == .task ? names(.shared, index) { $0 == .action } : []
            case .apres:
                return names(.shared, index) { block == .task ? $0 == .task : $0 == .step }
            case .quand:
                return names(.shared, index) { $0 == .event }
            case .sur:
                return names(.shared, index) { $0 == .objectType }
            case .echeance:
                return names(.calendar, index) { _ in true }
            case .si:
                guard position > 0, let type = conditionType(before: position, tokens, index: index) else { return [] }
                return names(.attribute(type: type), index) { _ in true }
            case .exige, .avant:
                return names(.shared, index) { $0 == .action }
            case .par where block == .top:
                return names(.shared, index) { if case .actor = $0 { true } else { false } }
            default:
                break
            }
        }
        // After `autorise a, b` or `interdit tous sauf a`: the action.
        if last.kind == .word, let permission = tokens.lastIndex(where: { $0.is(.autorise) || $0.is(.interdit) || $0.is(.sauf) }),
           tokens[(permission + 1)...].allSatisfy({ $0.kind == .word || $0.kind == .comma }),
           tokens[(permission + 1)...].allSatisfy({ $0.keyword == nil || $0.kind == .comma }) {
            return names(.shared, index) { $0 == .action }
        }
        // After a comparison in a condition: the attribute's values.
        if let values = conditionValues(tokens, index: index) { return values }
        switch block {
        case .top: return keywords(declarationKeywords)
        case .task: return keywords(clauseKeywords)
        case .step: return keywords([.tache])
        case .actor: return keywords([.personnes, .membres])
        case .object, .calendar, .establishment, .test: return []
        }
    }

    /// The values of the attribute compared before the cursor: `gravite == |`, `gravite dans [a, |`.
    private static func conditionValues(_ tokens: [Token], index: NameIndex) -> [Item]? {
        var position = tokens.count - 1
        while position >= 0, tokens[position].kind == .word || tokens[position].kind == .comma { position -= 1 }
        guard position >= 1 else { return nil }
        let comparison = tokens[position]
        var attributePosition = position - 1
        switch comparison.kind {
        case .equal, .notEqual: break
        case .leftBracket:
            guard attributePosition >= 1, tokens[attributePosition].is(.dans) else { return nil }
            attributePosition -= 1
        default: return nil
        }
        guard tokens.count - 1 == position || tokens.last?.kind == .comma else { return nil }
        let attribute = tokens[attributePosition].text
        guard let si = tokens[..<attributePosition].lastIndex(where: { $0.is(.si) }), si > 0,
              let type = conditionType(before: si, tokens, index: index) else { return nil }
        return names(.value(type: type, attribute: attribute), index) { _ in true }
    }

    /// Assertions are queries: the REPL's completion on the assertion being written.
    private static func testCandidates(_ tokens: [Token], prefix: SourceFile, document: EditorDocument) -> [Item] {
        let starters: [Keyword] = [.qui, .peut, .refuse, .seul]
        guard var opener = tokens.lastIndex(where: { token in token.kind == .leftBrace || starters.contains { token.is($0) } }),
              tokens[opener].kind == .word else {
            return keywords(starters)
        }
        // The `peut` of `seul A, B peut`: the assertion starts at `seul`.
        if tokens[opener].is(.peut), let only = tokens[..<opener].lastIndex(where: { $0.kind != .word && $0.kind != .comma || $0.is(.seul) }),
           tokens[only].is(.seul) {
            opener = only
        }
        let tail = tokens[opener...]
        if tail.contains(where: { $0.kind == .assign }) {
            return names(.shared, document.index) { if case .actor = $0 { true } else { false } }
        }
        var start = tokens[opener].span.start
        var lead = ""
        if tokens[opener].is(.seul) {
            // `seul A, B peut ACTION OBJET` completes as `peut A ACTION OBJET` once `peut` is written.
            guard let verb = tail.firstIndex(where: { $0.is(.peut) }) else {
                let actors = names(.shared, document.index) { if case .actor = $0 { true } else { false } }
                return tail.last?.kind == .word && tail.count > 1 ? actors + keywords([.peut]) : actors
            }
            lead = "peut " + (tail.dropFirst().first?.text ?? "") + " "
            start = tokens[verb].span.end
        }
        let text = prefix.text(start..<prefix.bytes.count)
            .map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        let line = lead + String(text).drop { $0 == " " }
        let completion = QueryCompletion.complete(line: line, cursor: line.count, charter: document.loaded.model)
        return completion.candidates.map { Item(label: $0, kind: 6, detail: nil) }
    }

    /// The innermost block the end of `tokens` is in, from the braces and the keywords opening them.
    static func block(of tokens: [Token]) -> Block {
        var stack: [Block] = []
        var pending: Block = .top
        for token in tokens {
            switch token.kind {
            case .leftBrace:
                stack.append(pending)
                pending = .top
            case .rightBrace:
                if !stack.isEmpty { stack.removeLast() }
                pending = .top
            case .word:
                // A declaration keyword at the top level (or `tache` in a step) names the next block.
                let inside = stack.last ?? .top
                if inside == .top, let keyword = token.keyword, declarationKeywords.contains(keyword) {
                    switch keyword {
                    case .etablissement: pending = .establishment
                    case .calendrier: pending = .calendar
                    case .role, .instance, .externe: pending = .actor
                    case .objet: pending = .object
                    case .etape: pending = .step
                    case .test: pending = .test
                    default: pending = .top
                    }
                } else if inside == .step, token.is(.tache) {
                    pending = .task
                }
            default:
                break
            }
        }
        return stack.last ?? .top
    }

    // MARK: - Items

    private static func keywordItem(_ keyword: Keyword) -> Item { Item(label: keyword.spelling, kind: 14, detail: "mot-clé") }

    private static func keywords(_ list: [Keyword]) -> [Item] { list.map(keywordItem) }

    /// The declared names of a namespace whose kind passes a filter.
    private static func names(_ namespace: NameIndex.Namespace, _ index: NameIndex, where keep: (NameIndex.Kind) -> Bool) -> [Item] {
        index.declarations.filter { $0.namespace == namespace && keep($0.kind) }.map { entry in
            Item(label: entry.name, kind: itemKind(entry.kind), detail: entry.label.map { "\(entry.kind.french) — \($0)" } ?? entry.kind.french)
        }
    }

    /// The protocol's item kind for a declared name.
    private static func itemKind(_ kind: NameIndex.Kind) -> Int {
        switch kind {
        case .actor: 7
        case .objectType: 22
        case .action, .task: 3
        case .event: 23
        case .step: 9
        case .calendarEntry: 21
        case .attribute: 5
        case .value: 20
        }
    }

    /// The object type a condition after `si` at `position` reads: that of the action before
    /// it, or the type named by `sur TYPE si` in an action's scope.
    private static func conditionType(before position: Int, _ tokens: [Token], index: NameIndex) -> String? {
        if position >= 2, tokens[position - 2].is(.sur) { return tokens[position - 1].text }
        return objectType(ofAction: tokens[position - 1].text, index: index)
    }

    /// The object type an action (or event) is declared on.
    private static func objectType(ofAction name: String, index: NameIndex) -> String? { index.objectType(of: name) }
}
