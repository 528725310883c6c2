// Steps, tasks and their clauses, durations and date expressions.

extension Parser {
    static let clauseKeywords: [Keyword] = [
        .responsable, .approbateur, .aide, .consulte, .informe, .action,
        .echeance, .quand, .delai, .apres, .en, .note,
    ]

    static func isClauseStart(_ token: Token) -> Bool {
        guard token.kind == .word, let keyword = token.keyword else { return false }
        return clauseKeywords.contains(keyword)
    }

    /// `etape = "etape" IDENT [ STRING ] [ "apres" noms ] "{" { tache } "}"`
    mutating func parseStep() throws(Recovery) -> StepDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        let after = match(.apres) ? try parseNameList(.step) : []
        var tasks: [TaskDecl] = []
        try parseBlock(block: .step, name: name.text, isItemStart: { token, next in token.is(.tache) || Parser.startsLockedTask(token, next) },
                       endsBlock: { token, next in Parser.looksLikeDeclaration(token, next) }) {
            (parser: inout Parser) throws(Recovery) in
            if Parser.startsLockedTask(parser.current, parser.next) {
                let lockSpan = parser.advance().span
                var task = try parser.parseTask()
                task.isLocked = true
                task.span = lockSpan.to(task.span)
                tasks.append(task)
                return
            }
            guard parser.current.is(.tache) else {
                try parser.fail(expected: .oneOf([.spelled("tache"), .spelled("}")]),
                                candidates: parser.current.kind == .word
                                    ? Suggestions.closest(to: parser.current.text, among: Parser.keywordCandidates([.tache]))
                                    : [])
            }
            tasks.append(try parser.parseTask())
        }
        finish()
        return StepDecl(name: name, label: label, after: after, tasks: tasks, span: span(from: start))
    }

    /// `verrouille tache …`: a locked task of a model.
    static func startsLockedTask(_ token: Token, _ next: Token) -> Bool { token.is(.verrouille) && next.is(.tache) }

    /// `tache = [ "verrouille" ] "tache" IDENT [ STRING ] "{" { clause } "}"`
    mutating func parseTask() throws(Recovery) -> TaskDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        // Clauses are gathered in a buffer kept from task to task, then copied at their exact
        // count: no growing 1, 2, 4, 8 per task, and no unused capacity kept in the tree.
        var clauses = clauseBuffer
        clauseBuffer = []
        clauses.removeAll(keepingCapacity: true)
        defer { clauseBuffer = clauses }
        try parseBlock(block: .task, name: name.text, isItemStart: { token, _ in Parser.isClauseStart(token) || token.is(.tache) },
                       endsBlock: { token, next in
                           (token.is(.tache) && next.kind == .word) || Parser.startsLockedTask(token, next)
                               || (!token.is(.action) && Parser.looksLikeDeclaration(token, next))
                       }) { (parser: inout Parser) throws(Recovery) in
            clauses.append(try parser.parseClause())
        }
        finish()
        let exact = [LocatedClause](unsafeUninitializedCapacity: clauses.count) { buffer, count in
            clauses.withUnsafeBufferPointer { source in
                if let target = buffer.baseAddress, let origin = source.baseAddress {
                    target.initialize(from: origin, count: source.count)
                }
            }
            count = clauses.count
        }
        return TaskDecl(name: name, label: label, clauses: exact, span: span(from: start))
    }

    /// `clause = lettre noms | "action" IDENT [ "si" condition ] | "echeance" date_expr | "quand" IDENT
    ///         | "delai" duree | "apres" noms | "en" noms | "note" STRING`
    mutating func parseClause() throws(Recovery) -> LocatedClause {
        let start = current.span
        let keyword = current.kind == .word ? current.keyword : nil
        let clause: TaskClause
        switch keyword {
        case .responsable, .approbateur, .aide, .consulte, .informe:
            advance()
            let letter = Letter.allCases.first { $0.keyword == keyword } ?? .responsible
            clause = .actors(letter, try parseNameList(.actor))
        case .action:
            advance()
            let action = try expectName(.action)
            clause = .action(action, condition: match(.si) ? try parseCondition() : nil)
        case .echeance:
            advance()
            clause = .deadline(try parseDateExpr())
        case .quand:
            advance()
            clause = .when(try expectName(.event))
        case .delai:
            advance()
            clause = .delay(try parseDuration())
        case .apres:
            advance()
            clause = .after(try parseNameList(.task))
        case .en:
            advance()
            clause = .place(try parseNameList(.instance))
        case .note:
            advance()
            let token = try expect(.string)
            clause = .note(StringLiteral(token.text, span: token.span))
        default:
            let candidates = current.kind == .word
                ? Suggestions.closest(to: current.text, among: Parser.keywordCandidates(Parser.clauseKeywords))
                : []
            try fail(expected: .oneOf([.taskClause, .spelled("}")]),
                     candidates: candidates)
        }
        return LocatedClause(clause: clause, span: span(from: start))
    }

    /// `duree = INTEGER ( "jour" [ "ouvres" ] | "semaine" | "mois" )`
    mutating func parseDuration() throws(Recovery) -> Duration {
        let token = try expect(.integer)
        var amount: Int64?
        if case .integer(let value) = token.value { amount = value }
        let unit: DurationUnit
        switch current.kind == .word ? current.keyword : nil {
        case .jour: unit = .days
        case .semaine: unit = .weeks
        case .mois: unit = .months
        default: try fail(expected: .durationUnit)
        }
        advance()
        if unit == .days, current.is(.ouvre) {
            advance()
            return Duration(amount: amount, unit: .workingDays, span: span(from: token.span))
        }
        return Duration(amount: amount, unit: unit, span: span(from: token.span))
    }

    /// `date_expr = ( DATE | IDENT ) { ( "+" | "-" ) duree }`
    mutating func parseDateExpr() throws(Recovery) -> DateExpr {
        let start = current.span
        let base: DateBase
        if current.kind == .date {
            base = .literal(try expectDate())
        } else {
            base = .name(try expectName(.oneOf([.isoDate, .calendarName])))
        }
        var offsets: [DateOffset] = []
        while current.kind == .plus || current.kind == .minus {
            let isAddition = advance().kind == .plus
            offsets.append(DateOffset(isAddition: isAddition, duration: try parseDuration()))
        }
        return DateExpr(base: base, offsets: offsets, span: span(from: start))
    }
}
