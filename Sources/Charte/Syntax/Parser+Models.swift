// Models and adaptations: `modele`, `adapte`, `modifie`, `retire`, `verrouille`.

extension Parser {
    /// Whether a token pair starts a model or adaptation declaration: the word alone is not
    /// enough (a v1 charter may call an actor `retire`), so the next token must fit.
    static func startsAdaptation(_ token: Token, _ next: Token) -> Bool {
        guard token.kind == .word, let keyword = token.keyword else { return false }
        switch keyword {
        case .modele, .adapte: return next.kind == .string
        case .modifie: return [.tache, .etape, .role, .instance, .externe, .calendrier].contains { next.is($0) }
        case .retire: return next.is(.tache) || next.is(.etape) || next.is(.role) || next.is(.test) || next.is(.autorise) || next.is(.interdit)
        case .verrouille: return next.is(.tache) || next.is(.autorise) || next.is(.interdit)
        default: return false
        }
    }

    /// `modele = "modele" STRING [ "version" STRING ]`
    mutating func parseModelHeader() throws(Recovery) -> AdaptationDecl {
        let start = advance().span
        let label = try expectString(.modelLabel)
        let version = try optionalVersion()
        return AdaptationDecl(kind: .model(label: label, version: version), span: span(from: start))
    }

    /// `adapte = "adapte" STRING [ "version" STRING ]`
    mutating func parseAdapts() throws(Recovery) -> AdaptationDecl {
        let start = advance().span
        let path = try expectString(.modelPath)
        let version = try optionalVersion()
        return AdaptationDecl(kind: .adapts(path: path, version: version), span: span(from: start))
    }

    mutating func optionalVersion() throws(Recovery) -> StringLiteral? {
        guard match(.version) else { return nil }
        return try expectString(.modelVersion)
    }

    mutating func expectString(_ what: Expected) throws(Recovery) -> StringLiteral {
        guard current.kind == .string else { try fail(expected: what) }
        let token = advance()
        return StringLiteral(token.text, span: token.span)
    }

    /// `modification = "modifie" ( "tache" IDENT [ STRING ] "{" { clause | "retire" mot_de_clause } "}"
    ///                | etape | acteur | calendrier )`
    mutating func parseChange() throws(Recovery) -> AdaptationDecl {
        let start = advance().span
        let kind: AdaptationKind
        switch current.kind == .word ? current.keyword : nil {
        case .tache: kind = .changeTask(try parseTaskChange())
        case .etape: kind = .changeStep(try parseStep())
        case .role: kind = .changeActor(try parseActor(.role))
        case .instance: kind = .changeActor(try parseActor(.instance))
        case .externe: kind = .changeActor(try parseActor(.external))
        case .calendrier: kind = .changeCalendar(try parseCalendar())
        default: try fail(expected: .modifiable)
        }
        return AdaptationDecl(kind: kind, span: span(from: start))
    }

    /// `"tache" IDENT [ STRING ] "{" { clause | "retire" mot_de_clause } "}"`, after `modifie`.
    mutating func parseTaskChange() throws(Recovery) -> TaskAdaptation {
        advance()
        let name = try expectName(.modelTask)
        begin(name)
        let label = optionalLabel()
        var clauses: [LocatedClause] = []
        var removed: [LocatedClauseKind] = []
        try parseBlock(block: .taskChange, name: name.text,
                       isItemStart: { token, _ in Parser.isClauseStart(token) || token.is(.retire) },
                       endsBlock: { token, next in
                           Parser.startsAdaptation(token, next) || (!token.is(.action) && Parser.looksLikeDeclaration(token, next))
                       }) { (parser: inout Parser) throws(Recovery) in
            if parser.current.is(.retire) {
                let start = parser.advance().span
                guard let kind = parser.clauseKindHere() else {
                    try parser.fail(expected: .removableClause)
                }
                parser.advance()
                removed.append(LocatedClauseKind(kind: kind, span: parser.span(from: start)))
            } else {
                clauses.append(try parser.parseClause())
            }
        }
        finish()
        return TaskAdaptation(name: name, label: label, clauses: clauses, removed: removed)
    }

    /// The clause kind the current keyword writes, if it writes one.
    func clauseKindHere() -> ClauseKind? {
        guard current.kind == .word, let keyword = current.keyword else { return nil }
        if let letter = Letter.allCases.first(where: { $0.keyword == keyword }) { return .letter(letter) }
        switch keyword {
        case .action: return .action
        case .echeance: return .deadline
        case .quand: return .when
        case .delai: return .delay
        case .apres: return .after
        case .en: return .place
        case .note: return .note
        default: return nil
        }
    }

    /// `retrait = "retire" ( "tache" IDENT | "etape" IDENT | "role" IDENT | "test" STRING | permission ) STRING`
    mutating func parseRemoval() throws(Recovery) -> AdaptationDecl {
        let start = advance().span
        let removal: Removal
        switch current.kind == .word ? current.keyword : nil {
        case .tache:
            advance()
            removal = .task(try expectName(.modelTask))
        case .etape:
            advance()
            removal = .step(try expectName(.modelStep))
        case .role:
            advance()
            removal = .role(try expectName(.modelRole))
        case .test:
            advance()
            removal = .test(try expectString(.testLabel))
        case .autorise: removal = .rule(try parsePermission(.permit))
        case .interdit: removal = .rule(try parsePermission(.forbid))
        default: try fail(expected: .removable)
        }
        let reason = try expectString(.removalReason)
        return AdaptationDecl(kind: .removal(removal, reason: reason), span: span(from: start))
    }

    /// `"verrouille" permission` at the top level (a locked task is read inside its step).
    mutating func parseLockedRule() throws(Recovery) -> Declaration {
        let lockSpan = advance().span
        guard current.is(.autorise) || current.is(.interdit) else {
            try fail(expected: .ruleOrTaskInStep)
        }
        var rule = try parsePermission(current.is(.autorise) ? .permit : .forbid)
        rule.isLocked = true
        rule.span = lockSpan.to(rule.span)
        return .permission(rule)
    }
}
