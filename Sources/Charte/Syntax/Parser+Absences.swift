// Absences and the separation of duties.

extension Parser {
    /// `suppleance = "suppleance" IDENT "par" IDENT "du" date_expr "au" date_expr
    ///              [ "{" { "tache" noms | "action" IDENT [ "si" condition ] | "nature" ( "signature" | "pouvoir" ) | "note" STRING } "}" ]`
    mutating func parseDeputy() throws(Recovery) -> DeputyDecl {
        let start = advance().span
        let deputised = try expectName(.deputisedActor)
        _ = try expect(.par)
        let deputy = try expectName(.deputyActor)
        _ = try expect(.du)
        let from = try parseDateExpr()
        _ = try expect(.au)
        let to = try parseDateExpr()
        var clauses: [LocatedDeputyClause] = []
        if current.kind == .leftBrace {
            let keywords: [Keyword] = [.tache, .action, .nature, .note]
            try parseBlock(block: .deputy, name: deputised.text,
                           isItemStart: { token, _ in keywords.contains { token.is($0) } || token.is(.taches) },
                           endsBlock: { token, next in !token.is(.action) && Parser.looksLikeDeclaration(token, next) }) { (parser: inout Parser) throws(Recovery) in
                let clauseStart = parser.current.span
                if parser.match(.tache) || parser.match(.taches) {
                    let tasks = try parser.parseNameList(.task)
                    clauses.append(LocatedDeputyClause(clause: .tasks(tasks), span: parser.span(from: clauseStart)))
                } else if parser.match(.action) {
                    let action = try parser.expectName(.action)
                    let condition = parser.match(.si) ? try parser.parseCondition() : nil
                    clauses.append(LocatedDeputyClause(clause: .action(action, condition: condition), span: parser.span(from: clauseStart)))
                } else if parser.match(.nature) {
                    if parser.match(.signature) {
                        clauses.append(LocatedDeputyClause(clause: .nature(.signature), span: parser.span(from: clauseStart)))
                    } else if parser.match(.pouvoir) {
                        clauses.append(LocatedDeputyClause(clause: .nature(.power), span: parser.span(from: clauseStart)))
                    } else {
                        try parser.fail(expected: .oneOf([.spelled("signature"), .spelled("pouvoir")]),
                                        candidates: parser.current.kind == .word
                                            ? Suggestions.closest(to: parser.current.text, among: Parser.keywordCandidates([.signature, .pouvoir]))
                                            : [])
                    }
                } else if parser.match(.note) {
                    let token = try parser.expect(.string)
                    clauses.append(LocatedDeputyClause(clause: .note(StringLiteral(token.text, span: token.span)), span: parser.span(from: clauseStart)))
                } else {
                    try parser.fail(expected: .oneOf(["tache", "action", "nature", "note", "}"].map(Expected.spelled)),
                                    candidates: parser.current.kind == .word
                                        ? Suggestions.closest(to: parser.current.text, among: Parser.keywordCandidates(keywords))
                                        : [])
                }
            }
        }
        return DeputyDecl(deputised: deputised, deputy: deputy, from: from, to: to, clauses: clauses,
                          span: span(from: start))
    }

    /// `incompatibles = "incompatibles" IDENT "," IDENT { "," IDENT } [ "note" STRING ]`
    mutating func parseIncompatibility() throws(Recovery) -> IncompatibilityDecl {
        let start = advance().span
        var names = [try expectName(.twoIncompatibles)]
        _ = try expect(.comma)
        names.append(try expectName(.twoIncompatibles))
        while match(.comma) { names.append(try expectName(.oneOf([.actor, .action, .letter]))) }
        var note: StringLiteral?
        if match(.note) {
            let token = try expect(.string)
            note = StringLiteral(token.text, span: token.span)
        }
        return IncompatibilityDecl(names: names, note: note, span: span(from: start))
    }
}
