import Testing
@testable import Charte

/// The query parser: each form against a tree written by hand, and syntax errors with their spans.
@Suite("Requêtes : analyse")
struct QueriesParserTests {
    /// A span for hand-written trees (spans take no part in `==`).
    static let here = Span(file: FileID(0), start: 0, end: 0)

    static func name(_ text: String) -> Name { Name(text, span: here) }

    static func object(_ type: String, _ fields: [(String, LiteralValue)]) -> ObjectLiteral {
        ObjectLiteral(type: name(type), fields: fields.map { ObjectField(name: name($0.0), value: LocatedValue(value: $0.1, span: here)) },
                      span: here)
    }

    static func parse(_ text: String) -> ParsedQuery {
        var sources = SourceMap()
        return QueryParser.parse(text, into: &sources)
    }

    static let forms: [(String, Query)] = [
        ("qui preter livre(genre: album)", .who(target: name("preter"), object: object("livre", [("genre", .name(name("album")))]))),
        ("qui preter", .who(target: name("preter"), object: nil)),
        ("qui selection", .who(target: name("selection"), object: nil)),
        ("qui preter livre()", .who(target: name("preter"), object: object("livre", []))),
        ("qui \"licences des manuels\"", .search(StringLiteral("licences des manuels", span: here))),
        ("qui « licences »", .search(StringLiteral("licences", span: here))),
        ("peut doc preter livre(genre: album, prix: 12)",
         .may(actor: .id(name("doc")), action: name("preter"),
              object: object("livre", [("genre", .name(name("album"))), ("prix", .integer(12))]))),
        ("peut \"Mme Blanc\" preter", .may(actor: .person(StringLiteral("Mme Blanc", span: here)), action: name("preter"), object: nil)),
        ("taches doc", .tasks(actor: .id(name("doc")))),
        ("Tâches \"Mme Blanc\"", .tasks(actor: .person(StringLiteral("Mme Blanc", span: here)))),
        ("echeances", .deadlines(from: nil)),
        ("ÉCHÉANCES 2026-09-10", .deadlines(from: .literal(CalendarDate(year: 2026, month: 9, day: 10)))),
        ("echeances rentree", .deadlines(from: .name(name("rentree")))),
        ("montre selection", .show(name("selection"))),
        ("  qui   preter  # un commentaire\n", .who(target: name("preter"), object: nil)),
    ]

    @Test("chaque forme de requête", arguments: forms)
    func form(_ text: String, _ expected: Query) {
        let parsed = QueriesParserTests.parse(text)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.message.text))")
        #expect(parsed.query == expected)
        #expect(parsed.file.name == "<requete>")
    }

    static let errors: [(query: String, code: String, underlined: String, message: String)] = [
        ("qui", "E010", "", "attendu : une action, une tâche ou un texte entre guillemets ; trouvé : la fin de la requête"),
        ("quoi preter", "E010", "quoi", "attendu : une requête (qui, peut, taches, echeances, montre) ; trouvé : « quoi »"),
        ("qui preter livre", "E010", "", "attendu : « ( » ; trouvé : la fin de la requête"),
        ("qui preter livre(genre album)", "E010", "album", "attendu : « : » ; trouvé : « album »"),
        ("qui preter livre(genre: album) en trop", "E010", "en", "attendu : la fin de la requête ; trouvé : « en »"),
        ("peut et preter", "E010", "et", "« et » est un mot réservé et ne peut pas servir de nom"),
        ("qui \"sans fin", "E002", "\"", "chaîne non terminée"),
        ("echeances 2026-02-30", "E003", "2026-02-30", "date impossible « 2026-02-30 »"),
        ("montre", "E010", "", "attendu : le nom d'une déclaration ; trouvé : la fin de la requête"),
        ("qui preter $", "E001", "$", "caractère inattendu « $ »"),
    ]

    @Test("erreurs de syntaxe : code, texte souligné, message", arguments: errors)
    func syntaxError(_ query: String, _ code: String, _ underlined: String, _ message: String) throws {
        let parsed = QueriesParserTests.parse(query)
        #expect(parsed.query == nil)
        let first = try #require(parsed.diagnostics.first)
        #expect(first.code.rawValue == code)
        #expect(parsed.file.text(first.span.range) == underlined)
        #expect(first.message.text == message)
    }

    @Test("un verbe mal tapé reçoit une suggestion")
    func verbSuggestion() throws {
        let first = try #require(QueriesParserTests.parse("quii preter").diagnostics.first)
        #expect(first.candidates.map(\.name) == ["qui"])
    }

    @Test("une requête trop longue est refusée (E013), sans être lue")
    func lengthLimit() throws {
        var limits = Limits()
        limits.queryLength = 20
        var sources = SourceMap()
        let parsed = QueryParser.parse("qui \"" + String(repeating: "a", count: 30) + "\"", into: &sources, limits: limits)
        #expect(parsed.query == nil)
        #expect(parsed.diagnostics.map(\.code) == [.E013])
        #expect(parsed.diagnostics.first?.span.start == 20)
    }

    @Test("la requête s'ajoute aux sources de la charte, qui restent intactes")
    func virtualSource() {
        var sources = SourceMap()
        sources.add(name: "charte.charte", bytes: Array("role a".utf8))
        let parsed = QueryParser.parse("taches a", into: &sources)
        #expect(sources.files.count == 2)
        #expect(parsed.file.id == FileID(1))
        #expect(sources[FileID(0)].name == "charte.charte")
    }
}
