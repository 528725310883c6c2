// Queries: one line of the query language, read by the charter's lexer and parser.

/// A query read from text, with the virtual source it was read from.
public struct ParsedQuery: Sendable {
    /// The query; nil when it has a syntax error.
    public let query: Query?
    /// Lexical and syntax diagnostics, spans in `file`.
    public let diagnostics: [Diagnostic]
    /// The virtual source `<requete>` holding the query's text.
    public let file: SourceFile
}

/// Reads one query.
public enum QueryParser {
    /// The name of the virtual source a query is read from, shown in its diagnostics.
    public static let sourceName = "<requete>"

    /// Parses `text` as a query; `sources` gains the virtual file `<requete>`.
    ///
    /// The query is added to the charter's map (rather than a fresh one) so that a
    /// diagnostic can point both at the query and at declarations of the charter.
    public static func parse(_ text: String, into sources: inout SourceMap, limits: Limits = .standard) -> ParsedQuery {
        let bytes = Array(text.utf8)
        let file = sources.add(name: sourceName, bytes: bytes)
        guard bytes.count <= limits.queryLength else {
            let excess = Span(file: file.id, start: limits.queryLength, end: bytes.count)
            return ParsedQuery(query: nil, diagnostics: [Diagnostic(.queryTooLong(length: bytes.count, limit: limits.queryLength), at: excess)],
                               file: file)
        }
        let lexer = Lexer.tokenize(file)
        var parser = Parser(tokens: lexer.tokens, file: file.id)
        let query = parser.parseWholeQuery()
        let diagnostics = (lexer.diagnostics + parser.diagnostics).map { $0.renamingEndOfInput() }.sortedForDisplay()
        let failed = diagnostics.hasErrors
        return ParsedQuery(query: failed ? nil : query, diagnostics: diagnostics, file: file)
    }
}

extension Parser {
    /// Parses a query and checks that nothing follows it; nil after a syntax error.
    mutating func parseWholeQuery() -> Query? {
        do {
            let query = try parseQuery()
            if !atEnd { try fail(expected: .endOfQuery) }
            return query
        } catch {
            return nil
        }
    }

    /// `requete = question [ "le" ( DATE | IDENT ) ] | "echeances" [ DATE | IDENT ] | "montre" IDENT`
    /// `question = "qui" IDENT [ objet ] | "peut" acteur IDENT [ objet ] | "taches" acteur` (and `"qui" STRING`, never dated)
    mutating func parseQuery() throws(Recovery) -> Query {
        let query = try parseUndatedQuery()
        switch query {
        case .who, .may, .tasks:
            guard atDateClause else { return query }
            advance()
            guard let date = try parseOptionalQueryDate() else { try fail(expected: .queryDate) }
            return .dated(query, on: date)
        default:
            return query
        }
    }

    /// Whether the next words are `le DATE` (not an object type named `le`, which a `(` follows).
    var atDateClause: Bool {
        current.kind == .word && Folding.fold(current.text) == "le" && next.kind != .leftParen
    }

    /// One question, before its optional date.
    mutating func parseUndatedQuery() throws(Recovery) -> Query {
        guard current.kind == .word, let verb = QueryVerb.lookup(current.text) else {
            let verbs = QueryVerb.allCases.map { Candidate(name: $0.rawValue, span: nil) }
            try fail(expected: .query,
                     candidates: current.kind == .word ? Suggestions.closest(to: current.text, among: verbs) : [])
        }
        advance()
        switch verb {
        case .who:
            if current.kind == .string {
                let token = advance()
                return .search(StringLiteral(token.text, span: token.span))
            }
            let target = try expectName(.oneOf([.action, .task, .quotedText]))
            return .who(target: target, object: try parseOptionalObject())
        case .can:
            let actor = try parseActorReference()
            let action = try expectName(.action)
            return .may(actor: actor, action: action, object: try parseOptionalObject())
        case .tasks:
            return .tasks(actor: try parseActorReference())
        case .deadlines:
            return .deadlines(from: try parseOptionalQueryDate())
        case .show:
            return .show(try expectName(.declarationName))
        }
    }

    /// An object literal if a word follows (a missing `(` is then reported), else nil; `le DATE` is no object.
    mutating func parseOptionalObject() throws(Recovery) -> ObjectLiteral? {
        current.kind == .word && !atDateClause ? try parseObjectLiteral() : nil
    }

    /// `[ DATE | IDENT ]` after `echeances`.
    mutating func parseOptionalQueryDate() throws(Recovery) -> QueryDate? {
        if current.kind == .date {
            let token = advance()
            if case .date(let date) = token.value { return .literal(date) }
            return .literal(nil)
        }
        if current.kind == .word { return .name(try expectName(.oneOf([.date, .calendarName]))) }
        return nil
    }
}

extension Diagnostic {
    /// The same diagnostic, saying "la fin de la requête" where the parser says "la fin du fichier".
    func renamingEndOfInput() -> Diagnostic {
        guard case .unexpectedToken(let expected, let found) = message, found == .token(.endOfFile) else { return self }
        return Diagnostic(.unexpectedToken(expected: expected, found: .endOfQuery), at: span, notes: notes, candidates: candidates)
    }
}
