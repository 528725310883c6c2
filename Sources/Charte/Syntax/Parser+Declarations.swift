// Declarations other than steps and tasks.

extension Parser {
    // MARK: - Blocks

    /// Parses `"{" { item } "}"`, recovering item by item.
    ///
    /// `isItemStart` says where an item may begin (used to resynchronise after an error);
    /// `endsBlock` recognises a token that can only mean the block was left unclosed.
    mutating func parseBlock(
        block: BlockKind, name: String,
        isItemStart: (Token, Token) -> Bool,
        endsBlock: (Token, Token) -> Bool = Parser.looksLikeDeclaration,
        item: (inout Parser) throws(Recovery) -> Void
    ) throws(Recovery) {
        let opener = try expect(.leftBrace).span
        while true {
            if abandoningBlocks { return }
            if match(.rightBrace) { return }
            if atEnd || endsBlock(current, next) {
                reportUnclosed(block, name: name, opener: opener)
                return
            }
            let start = index
            let level = declaring.count
            do {
                try item(&self)
            } catch {
                abandonDeclarations(above: level)
                if index == start { advance() }
                synchronize { token, next in isItemStart(token, next) || Parser.looksLikeDeclaration(token, next) }
            }
        }
    }

    /// A declaration keyword followed by something a declaration head starts with.
    static func looksLikeDeclaration(_ token: Token, _ next: Token) -> Bool {
        isDeclarationStart(token) && (next.kind == .word || next.kind == .string)
    }

    // MARK: - etablissement, calendrier

    /// `etablissement = "etablissement" STRING [ "{" { IDENT STRING } "}" ]`
    mutating func parseEstablishment() throws(Recovery) -> EstablishmentDecl {
        let start = advance().span
        let labelToken = try expect(.string)
        let label = StringLiteral(labelToken.text, span: labelToken.span)
        var metadata: [MetadataEntry] = []
        if current.kind == .leftBrace {
            try parseBlock(block: .establishment, name: label.value, isItemStart: { $0.kind == .word && $1.kind == .string }) {
                (parser: inout Parser) throws(Recovery) in
                let key = try parser.expectName(.metadataKey)
                let value = try parser.expect(.string)
                metadata.append(MetadataEntry(key: key, value: StringLiteral(value.text, span: value.span)))
            }
        }
        return EstablishmentDecl(label: label, metadata: metadata, span: span(from: start))
    }

    /// `calendrier = "calendrier" [ STRING ] "{" { IDENT DATE [ ".." DATE ] } "}"`
    mutating func parseCalendar() throws(Recovery) -> CalendarDecl {
        let start = advance().span
        let label = optionalLabel()
        var entries: [CalendarEntry] = []
        var zone: Name?
        var zoneSpan = start
        try parseBlock(block: .calendar, name: label?.value ?? "calendrier", isItemStart: Parser.isCalendarItemStart) {
            (parser: inout Parser) throws(Recovery) in
            if parser.current.is(.zone), parser.next.kind == .word {
                zoneSpan = parser.advance().span
                zone = try parser.expectName(.zone)
                return
            }
            let name = try parser.expectName(.calendarEntryName)
            let entryLabel = parser.optionalLabel()
            let startSpan = parser.current.span
            let first = try parser.expectDate()
            var end: CalendarDate?
            var endSpan = startSpan
            var isPeriod = false
            if parser.match(.dotDot) {
                isPeriod = true
                endSpan = parser.current.span
                end = try parser.expectDate()
            }
            entries.append(CalendarEntry(name: name, label: entryLabel, start: first, end: end, isPeriod: isPeriod,
                                         span: parser.span(from: name.span), startSpan: startSpan, endSpan: endSpan))
        }
        return CalendarDecl(label: label, zone: zone, entries: entries, span: span(from: start), zoneSpan: zoneSpan)
    }

    /// `entree_calendrier = IDENT [ STRING ] DATE [ ".." DATE ] | 'zone' IDENT`: where an item starts.
    static func isCalendarItemStart(_ token: Token, _ next: Token) -> Bool {
        guard token.kind == .word else { return false }
        return next.kind == .date || next.kind == .string || (token.is(.zone) && next.kind == .word)
    }

    mutating func expectDate() throws(Recovery) -> CalendarDate? {
        let token = try expect(TokenKind.date)
        if case .date(let date) = token.value { return date }
        return nil
    }

    // MARK: - Actors, objects, actions, events

    /// `acteur = ("role" | "instance" | "externe") IDENT [ STRING ] [ "tient" noms ] [ "{" { "personnes" chaines | "membres" noms } "}" ]`
    mutating func parseActor(_ kind: ActorKind) throws(Recovery) -> ActorDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        let holds = match(.tient) ? try parseNameList(.modelRole) : []
        var persons: [StringLiteral] = []
        var members: [Name] = []
        if current.kind == .leftBrace {
            let block: BlockKind = kind == .instance ? .instance : kind == .role ? .role : .externalActor
            try parseBlock(block: block, name: name.text,
                           isItemStart: { token, _ in token.is(.personnes) || token.is(.membres) }) { (parser: inout Parser) throws(Recovery) in
                if parser.match(.personnes) {
                    repeat {
                        let token = try parser.expect(.string)
                        persons.append(StringLiteral(token.text, span: token.span))
                    } while parser.match(.comma)
                } else if parser.match(.membres) {
                    members.append(contentsOf: try parser.parseNameList(.actor))
                } else {
                    try parser.fail(expected: .oneOf([.spelled("personnes"), .spelled("membres"), .spelled("}")]),
                                    candidates: parser.current.kind == .word
                                        ? Suggestions.closest(to: parser.current.text, among: Parser.keywordCandidates([.personnes, .membres]))
                                        : [])
                }
            }
        }
        finish()
        return ActorDecl(kind: kind, name: name, label: label, persons: persons, members: members, span: span(from: start), holds: holds)
    }

    /// `objet = "objet" IDENT [ STRING ] [ "{" attribut { [ "," ] attribut } "}" ]`
    mutating func parseObject() throws(Recovery) -> ObjectDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        // `cle numero`: the attribute that identifies one real object (version 2).
        var key: Name?
        if current.kind == .word, current.keyword == .cle, next.kind == .word {
            advance()
            key = try expectName(.keyAttribute)
        }
        var attributes: [AttributeDecl] = []
        if current.kind == .leftBrace {
            try parseBlock(block: .objectType, name: name.text, isItemStart: { $0.kind == .word && $1.kind == .colon },
                           endsBlock: { token, next in Parser.looksLikeDeclaration(token, next) && next.kind != .colon }) {
                (parser: inout Parser) throws(Recovery) in
                attributes.append(try parser.parseAttribute())
                _ = parser.match(.comma)
            }
        }
        finish()
        return ObjectDecl(name: name, label: label, attributes: attributes, span: span(from: start), key: key)
    }

    /// `attribut = IDENT ":" ( "booleen" | "texte" | "nombre" | "date" | "euros" | IDENT { "|" IDENT } )`
    mutating func parseAttribute() throws(Recovery) -> AttributeDecl {
        let name = try expectName(.attributeName)
        _ = try expect(.colon)
        let basic: AttributeType? = switch current.keyword {
        case .booleen: .boolean
        case .texte: .text
        case .nombre: .number
        case .date: AttributeType.date
        case .euros: .euros
        default: nil
        }
        if let basic, current.kind == .word, next.kind != .pipe {
            advance()
            return AttributeDecl(name: name, type: basic, span: span(from: name.span))
        }
        var values = [try expectName(.attributeType)]
        while match(.pipe) {
            values.append(try expectName(.value))
        }
        return AttributeDecl(name: name, type: .enumeration(values), span: span(from: name.span))
    }

    /// `action = "action" IDENT [ STRING ] [ "sur" IDENT [ "si" condition ] ]`
    ///
    /// A scope written without `sur` is parsed too, for the checker's clear E110.
    mutating func parseAction() throws(Recovery) -> ActionDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        let objectType = match(.sur) ? try expectName(.objectType) : nil
        let scope = match(.si) ? try parseCondition() : nil
        finish()
        return ActionDecl(name: name, label: label, objectType: objectType, span: span(from: start), scope: scope)
    }

    /// `evenement = "evenement" IDENT [ STRING ] [ "sur" IDENT ]`
    mutating func parseEvent() throws(Recovery) -> EventDecl {
        let start = advance().span
        let name = try expectName()
        begin(name)
        let label = optionalLabel()
        let objectType = match(.sur) ? try expectName(.objectType) : nil
        finish()
        return EventDecl(name: name, label: label, objectType: objectType, span: span(from: start))
    }

    // MARK: - Permissions

    /// `permission = ("autorise" | "interdit") ( "tous" [ "sauf" IDENT { "," IDENT } ] | IDENT { "," IDENT } ) IDENT [ "si" condition ]`
    mutating func parsePermission(_ kind: PermissionKind) throws(Recovery) -> PermissionDecl {
        let start = advance().span
        var actors: [Name] = []
        var exceptions: [Name] = []
        let everyone = match(.tous)
        if !everyone {
            actors = try parseNameList(.oneOf([.actor, .spelled("tous")]))
        } else if startsExceptions {
            advance()
            exceptions = try parseNameList(.actorAfter("sauf"))
        }
        let action = try expectName(.action)
        let condition = match(.si) ? try parseCondition() : nil
        return PermissionDecl(kind: kind, actors: actors, everyone: everyone, exceptions: exceptions, action: action,
                              condition: condition, span: span(from: start))
    }

    /// Whether `sauf` after `tous` starts the list of exceptions rather than naming the action
    /// (a v1 charter may call an action `sauf`): it does when a name follows that is neither
    /// `si` nor the start of the next declaration.
    var startsExceptions: Bool {
        current.is(.sauf) && next.isIdentifier && !Parser.isDeclarationStart(next)
    }

    // MARK: - Tests

    /// `test = "test" STRING "{" { assertion } "}"`
    mutating func parseTest() throws(Recovery) -> TestDecl {
        let start = advance().span
        let labelToken = try expect(.string)
        let label = StringLiteral(labelToken.text, span: labelToken.span)
        var assertions: [LocatedAssertion] = []
        let starts: [Keyword] = [.qui, .peut, .refuse]
        try parseBlock(block: .test, name: label.value,
                       isItemStart: { token, next in starts.contains { token.is($0) } || Parser.startsOnly(token, next) }) { (parser: inout Parser) throws(Recovery) in
            assertions.append(try parser.parseAssertion())
        }
        return TestDecl(label: label, assertions: assertions, span: span(from: start))
    }

    /// `assertion = "qui" IDENT [ objet ] "=" [ noms ] | ("peut" | "refuse") acteur IDENT [ objet ]
    ///            | "seul" acteur { "," acteur } "peut" IDENT [ objet ]`
    mutating func parseAssertion() throws(Recovery) -> LocatedAssertion {
        let start = current.span
        if match(.qui) {
            let target = try expectName(.oneOf([.action, .task]))
            let object = current.kind == .leftParen || (current.kind == .word && next.kind == .leftParen)
                ? try parseObjectLiteral() : nil
            _ = try expect(.assign)
            var expected: [Name] = []
            if current.isIdentifier, !current.is(.qui), !current.is(.peut), !current.is(.refuse), !Parser.startsOnly(current, next) {
                expected = try parseNameList(.actor)
            }
            return LocatedAssertion(assertion: .who(target: target, object: object, expected: expected), span: span(from: start))
        }
        if Parser.startsOnly(current, next) {
            advance()
            var actors = [try parseActorReference()]
            while match(.comma) { actors.append(try parseActorReference()) }
            _ = try expect(.peut)
            let action = try expectName(.action)
            let object = current.kind == .word && next.kind == .leftParen ? try parseObjectLiteral() : nil
            return LocatedAssertion(assertion: .only(actors: actors, action: action, object: object), span: span(from: start))
        }
        let isMay = current.is(.peut)
        guard isMay || current.is(.refuse) else {
            try fail(expected: .oneOf([.assertion, .spelled("}")]),
                     candidates: current.kind == .word
                        ? Suggestions.closest(to: current.text, among: Parser.keywordCandidates([.qui, .peut, .refuse, .seul]))
                        : [])
        }
        advance()
        let actor = try parseActorReference()
        let action = try expectName(.action)
        let object = current.kind == .word && next.kind == .leftParen ? try parseObjectLiteral() : nil
        let assertion: Assertion = isMay
            ? .may(actor: actor, action: action, object: object)
            : .refuse(actor: actor, action: action, object: object)
        return LocatedAssertion(assertion: assertion, span: span(from: start))
    }

    /// Whether a token starts a `seul` assertion: `seul` followed by an actor that is not
    /// itself an assertion keyword (so an actor called `seul` in a v1 `qui … = seul` stays one).
    static func startsOnly(_ token: Token, _ next: Token) -> Bool {
        guard token.is(.seul) else { return false }
        if next.kind == .string { return true }
        return next.isIdentifier && !next.is(.qui) && !next.is(.peut) && !next.is(.refuse) && !next.is(.seul)
    }

    /// `acteur = IDENT | STRING`
    mutating func parseActorReference() throws(Recovery) -> ActorReference {
        if current.kind == .string {
            let token = advance()
            return .person(StringLiteral(token.text, span: token.span))
        }
        return .id(try expectName(.oneOf([.actor, .personName])))
    }

    /// `objet = IDENT "(" [ IDENT ":" valeur { "," IDENT ":" valeur } ] ")"`
    mutating func parseObjectLiteral() throws(Recovery) -> ObjectLiteral {
        let type = try expectName(.objectType)
        _ = try expect(.leftParen)
        var fields: [ObjectField] = []
        if current.kind != .rightParen {
            repeat {
                let name = try expectName(.attributeName)
                _ = try expect(.colon)
                fields.append(ObjectField(name: name, value: try parseValue()))
            } while match(.comma)
        }
        _ = try expect(.rightParen)
        return ObjectLiteral(type: type, fields: fields, span: span(from: type.span))
    }

    /// `valeur = IDENT | STRING | INTEGER | DATE | "vrai" | "faux"`
    mutating func parseValue() throws(Recovery) -> LocatedValue {
        let token = current
        let value: LiteralValue
        switch token.kind {
        case .string: value = .string(StringLiteral(token.text, span: token.span))
        case .integer:
            guard case .integer(let number) = token.value else { try fail(expected: .value) }
            value = .integer(number)
        case .date:
            guard case .date(let date) = token.value else { try fail(expected: .value) }
            value = .date(date)
        case .number:
            guard case .number(let number) = token.value else { try fail(expected: .value) }
            value = .number(number)
        case .word where token.is(.vrai): value = .boolean(true)
        case .word where token.is(.faux): value = .boolean(false)
        case .word where token.isIdentifier: value = .name(Name(token.text, span: token.span))
        default: try fail(expected: .valueLiteral)
        }
        advance()
        return LocatedValue(value: value, span: token.span)
    }
}
