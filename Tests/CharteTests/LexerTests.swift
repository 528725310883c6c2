import Testing
@testable import Charte

/// Lexes a string and describes its tokens as `kind:text`.
private func lex(_ text: String) -> (tokens: [String], codes: [String]) {
    let file = SourceFile(id: FileID(0), name: "t", text: text)
    let lexer = Lexer.tokenize(file)
    let tokens = lexer.tokens.dropLast().map { token -> String in
        switch token.value {
        case .text(let t): return token.kind == .word ? (token.keyword.map { "kw:\($0.rawValue)" } ?? "id:\(t)") : "str:\(t)"
        case .integer(let n): return "int:\(n.map(String.init) ?? "?")"
        case .date(let d): return "date:\(d?.description ?? "?")"
        case .number(let n): return "num:\(n.integral.map(String.init) ?? "?")" + (n.fraction.isEmpty ? "" : ",\(n.fraction)")
            + (n.isAmount ? "€" : "") + (n.isGrouped ? "g" : "")
        case .none: return file.text(token.span.range)
        }
    }
    return (tokens, lexer.diagnostics.map(\.code.rawValue))
}

@Suite struct LexerTests {
    @Test(arguments: [
        ("échéance Echeance ECHEANCE echeance", ["kw:echeance", "kw:echeance", "kw:echeance", "kw:echeance"]),
        ("Tâche tache TÂCHE", ["kw:tache", "kw:tache", "kw:tache"]),
        ("rôle Role événement", ["kw:role", "kw:role", "kw:evenement"]),
        ("jours jour semaines mois", ["kw:jour", "kw:jour", "kw:semaine", "kw:mois"]),
        ("documentaliste _x élève2", ["id:documentaliste", "id:_x", "id:élève2"]),
        ("a == b != c <= d >= e < f > g", ["id:a", "==", "id:b", "!=", "id:c", "<=", "id:d", ">=", "id:e", "<", "id:f", ">", "id:g"]),
        ("{ } ( ) [ ] , : | + - = ..", ["{", "}", "(", ")", "[", "]", ",", ":", "|", "+", "-", "=", ".."]),
        ("2026-09-01 .. 2027-01-03", ["date:2026-09-01", "..", "date:2027-01-03"]),
        ("2026-09-01..2027-01-03", ["date:2026-09-01", "..", "date:2027-01-03"]),
        ("30/06/2027 1/9/2026 29/02/2028", ["date:2027-06-30", "date:2026-09-01", "date:2028-02-29"]),
        ("19/12/2026..03/01/2027", ["date:2026-12-19", "..", "date:2027-01-03"]),
        ("rentree + 2", ["id:rentree", "+", "int:2"]),
        ("rentree + 2 semaines", ["id:rentree", "+", "int:2", "kw:semaine"]),
        ("\"a \\\"b\\\" \\\\ \\n\\t\"", ["str:a \"b\" \\ \n\t"]),
        ("«  Texte libre  »", ["str:Texte libre"]),
        ("« avec \u{A0}espaces\u{202F} »", ["str:avec \u{A0}espaces"]),
        ("x # commentaire \"pas une chaîne\"\ny", ["id:x", "id:y"]),
        ("\u{FEFF}role", ["kw:role"]),
        ("role\r\ndirection\r\n", ["kw:role", "id:direction"]),
        ("9223372036854775807", ["int:9223372036854775807"]),
    ])
    func tokens(source: String, expected: [String]) {
        let result = lex(source)
        #expect(result.tokens == expected)
        #expect(result.codes == [])
    }

    @Test(arguments: [
        ("x $ y", "E001 $"),
        ("\"abc", "E002 \""),
        ("role cpe \"CPE\nrole x", "E002 \""),
        ("2026-02-30", "E003 2026-02-30"),
        ("0000-01-01", "E003 0000-01-01"),
        ("2026-9-1", "E003 2026-9-1"),
        ("2027-13-01", "E003 2027-13-01"),
        ("31/06/2027", "E003 31/06/2027"),
        ("29/02/2027", "E003 29/02/2027"),
        ("1/2/26", "E003 1/2/26"),
        ("001/02/2026", "E003 001/02/2026"),
        ("01/02/2026/3", "E003 01/02/2026/3"),
        ("99999999999999999999", "E004 99999999999999999999"),
        ("3jours", "E004 3jours"),
        ("\"a\\qb\"", "E001 \\q"),
        ("x \u{FF} y", "E005 \u{FFFD}"),
        ("rоle", "W600 rоle"),
        ("\"abc\u{202E}def\"", "W601 \u{202E}"),
    ])
    func diagnostics(source: String, expected: String) {
        let file = SourceFile(id: FileID(0), name: "t", bytes: source == "x \u{FF} y" ? [0x78, 0x20, 0xFF, 0x20, 0x79] : Array(source.utf8))
        let lexer = Lexer.tokenize(file)
        let rendered = lexer.diagnostics.map { "\($0.code.rawValue) \(file.text($0.span.range))" }
        #expect(rendered == [expected])
    }

    @Test func invalidUTF8ReportsItsByteOffset() {
        let bytes: [UInt8] = Array("# ok\nrole x \"a".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        let file = SourceFile(id: FileID(0), name: "t", bytes: bytes)
        let lexer = Lexer.tokenize(file)
        #expect(lexer.diagnostics.map(\.message) == [.invalidUTF8(offset: 14)])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let file = SourceFile(id: FileID(0), name: "t", bytes: [0x61, 0x20] + bytes)
            let lexer = Lexer.tokenize(file)
            #expect(lexer.diagnostics.allSatisfy { $0.code == .E005 })
            #expect(!lexer.diagnostics.isEmpty)
        }
    }

    @Test func identifiersCompareAfterNormalisation() {
        let composed = lex("élève").tokens, decomposed = lex("e\u{301}le\u{300}ve").tokens
        #expect(composed == decomposed)
    }

    @Test func everyTokenCutAtEndOfFileIsDiagnosedOrAccepted() {
        let source = "etablissement \"É\" calendrier { rentree 2026-09-01 } role r \"R\" « x » 12 == != <= .."
        let bytes = Array(source.utf8)
        for cut in 0...bytes.count {
            let file = SourceFile(id: FileID(0), name: "t", bytes: Array(bytes[..<cut]))
            let lexer = Lexer.tokenize(file)
            #expect(lexer.tokens.last?.kind == .endOfFile)
            #expect(lexer.tokens.allSatisfy { $0.span.end <= cut })
        }
    }
}

@Suite struct FoldingTests {
    @Test(arguments: [
        ("Échéance", "echeance"), ("TÂCHE", "tache"), ("Cœur", "coeur"), ("e\u{301}", "e"), ("ÀÇÉÈÊËÎÏÔÙÛÜŸ", "aceeeeiiouuuy"),
    ])
    func folds(input: String, expected: String) {
        #expect(Folding.fold(input) == expected)
    }

    @Test func editDistanceCountsTranspositions() {
        #expect(Suggestions.editDistance("documentalist", "documentaliste") == 1)
        #expect(Suggestions.editDistance("cep", "cpe") == 1)
        #expect(Suggestions.editDistance("abc", "xyz") == 3)
    }

    @Test func suggestionsRespectTheDistanceLimits() {
        let names = ["cpe", "documentaliste", "direction", "gestionnaire"].map { Candidate(name: $0, span: nil) }
        #expect(Suggestions.closest(to: "cep", among: names).map(\.name) == ["cpe"])
        #expect(Suggestions.closest(to: "documantalist", among: names).map(\.name) == ["documentaliste"])
        #expect(Suggestions.closest(to: "xyz", among: names).isEmpty)
        #expect(Suggestions.closest(to: "Direction", among: names).map(\.name) == ["direction"])
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: [
        ("2027-01-31", 1, "2027-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-09-01", -1, "2026-08-01"),
        ("2026-12-15", 1, "2027-01-15"), ("2027-03-31", -1, "2027-02-28"),
    ])
    func addingMonthsClampsTheDay(start: String, months: Int, expected: String) throws {
        let date = try #require(CalendarDate(iso: Substring(start)))
        #expect(date.adding(months: months)?.description == expected)
    }

    @Test func dayNumbersRoundTrip() throws {
        let date = try #require(CalendarDate(iso: "2026-09-01"))
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 14)?.description == "2026-09-15")
        #expect(date.adding(days: Int.max) == nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    }
}
