import Testing
@testable import Charte

/// A span for hand-written trees: spans do not take part in `==`.
private let nowhere = Span(file: FileID(0), start: 0, end: 0)
private func name(_ text: String) -> Name { Name(text, span: nowhere) }
private func value(_ text: String) -> LocatedValue { LocatedValue(value: .name(name(text)), span: nowhere) }
private func equal(_ a: String, _ b: String) -> Condition { Condition(.comparison(.equal, value(a), value(b)), span: nowhere) }

private func parse(_ text: String) -> (tree: SyntaxTree, codes: [String]) {
    let loaded = CharterLoader.check(text: text)
    return (loaded.tree, loaded.diagnostics.filter { $0.code.rawValue < "E1" }.map(\.code.rawValue))
}

private func condition(_ text: String) -> ConditionKind? {
    let tree = parse("permission_de_test\ninterdit tous x si \(text)").tree
    for declaration in tree.declarations {
        if case .permission(let permission) = declaration { return permission.condition?.kind }
    }
    return nil
}

@Suite struct ParserTests {
    @Test func parsesATaskToTheTreeWrittenByHand() {
        let source = """
        etape gerer "Gérer" apres acquerir {
          tache licences "Attribuer" {
            responsable gestionnaire
            aide admin_ent, direction
            action attribuer si categorie == manuel
            echeance rentree + 2 semaines
            quand mouvement
            delai 3 jours
            note « La cellule »
          }
        }
        """
        let expected = Declaration.step(StepDecl(
            name: name("gerer"), label: StringLiteral("Gérer", span: nowhere), after: [name("acquerir")],
            tasks: [TaskDecl(name: name("licences"), label: StringLiteral("Attribuer", span: nowhere), clauses: [
                LocatedClause(clause: .actors(.responsible, [name("gestionnaire")]), span: nowhere),
                LocatedClause(clause: .actors(.support, [name("admin_ent"), name("direction")]), span: nowhere),
                LocatedClause(clause: .action(name("attribuer"), condition: equal("categorie", "manuel")), span: nowhere),
                LocatedClause(clause: .deadline(DateExpr(base: .name(name("rentree")), offsets: [
                    DateOffset(isAddition: true, duration: Duration(amount: 2, unit: .weeks, span: nowhere)),
                ], span: nowhere)), span: nowhere),
                LocatedClause(clause: .when(name("mouvement")), span: nowhere),
                LocatedClause(clause: .delay(Duration(amount: 3, unit: .days, span: nowhere)), span: nowhere),
                LocatedClause(clause: .note(StringLiteral("La cellule", span: nowhere)), span: nowhere),
            ], span: nowhere)],
            span: nowhere))
        let result = parse(source)
        #expect(result.codes == [])
        #expect(result.tree.declarations == [expected])
    }

    @Test func parsesEveryDeclarationKind() {
        let source = """
        etablissement "Collège" { uai "0750001A" }
        calendrier "2026-2027" { rentree 2026-09-01  noel 2026-12-19 .. 2027-01-03 }
        role direction "Direction" { personnes "Mme A", "M. B" }
        instance conseil "Conseil" { membres direction }
        externe editeurs
        objet ressource "Ressource" { categorie: manuel | outil, abonnement: booleen
          discipline: texte  prix: nombre  fin: date  note: note | date }
        action commander "Commander" sur ressource
        action piloter
        evenement arrivee sur ressource
        autorise direction, conseil commander si abonnement
        interdit tous commander si non abonnement
        test "t" {
          qui commander ressource(categorie: manuel, abonnement: vrai) = direction
          qui piloter =
          peut "Mme A" commander ressource()
          refuse editeurs commander
        }
        """
        let result = parse(source)
        #expect(result.codes == [])
        #expect(result.tree.declarations.count == 12)
        guard case .object(let object) = result.tree.declarations[5] else {
            Issue.record("expected an object")
            return
        }
        #expect(object.attributes.map(\.type) == [
            .enumeration([name("manuel"), name("outil")]), .boolean, .text, .number, .date,
            .enumeration([name("note"), name("date")]),
        ])
    }

    @Test(arguments: [
        ("a == b ou c == d et e == f", ConditionKind.or(equal("a", "b"), Condition(.and(equal("c", "d"), equal("e", "f")), span: nowhere))),
        ("(a == b ou c == d) et e == f", ConditionKind.and(Condition(.or(equal("a", "b"), equal("c", "d")), span: nowhere), equal("e", "f"))),
        ("non a == b et c == d", ConditionKind.and(Condition(.not(equal("a", "b")), span: nowhere), equal("c", "d"))),
        ("a ou b ou c", ConditionKind.or(Condition(.or(Condition(.value(value("a")), span: nowhere), Condition(.value(value("b")), span: nowhere)), span: nowhere), Condition(.value(value("c")), span: nowhere))),
        ("a dans [b, c]", ConditionKind.membership(value("a"), [value("b"), value("c")])),
    ])
    func precedence(source: String, expected: ConditionKind) {
        #expect(condition(source) == expected)
    }

    @Test(arguments: [
        ("role si", ["E010 si"]),
        ("role r \"R\" {\n  personnes 3\n}", ["E010 3"]),
        ("etape e {\n  tache t {\n    responsabel r\n  }\n}", ["E010 responsabel"]),
        ("etape e {\n  tache t {\n    responsable r\n  }\n", ["E011 {"]),
        ("etape e {\n  tache t {\n    responsable r\n}\nrole r", ["E011 {"]),
        ("role a \"A\"\nrole b \"B\" {\n  personnes \"x\"\nrole c", ["E011 {"]),
        ("autorise r x si a = b", ["E010 ="]),
        ("bonjour", ["E010 bonjour"]),
        ("etape e {\n  tache t {\n    delai 3 heures\n  }\n}", ["E010 heures"]),
    ])
    func syntaxErrors(source: String, expected: [String]) {
        let loaded = CharterLoader.check(text: source)
        let found = loaded.diagnostics.filter { $0.code.rawValue.hasPrefix("E0") }.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range))" }
        #expect(found == expected)
    }

    @Test func reportsIndependentErrorsWithoutCascade() {
        let source = """
        role a "A"
        role 3 "mauvais"
        objet o { x: booleen }
        action f sur o
        etape e {
          tache t {
            responsable a
            action f si x ==
            echeance 2026-09-01
          }
          tache u {
            responsable a
            informe a a
          }
        }
        autorise a f si (x et
        role b "B"
        """
        let loaded = CharterLoader.check(text: source)
        let found = loaded.diagnostics.map { "\($0.code.rawValue) \(loaded.file.text($0.span.range))" }
        #expect(found == ["E010 3", "E010 echeance", "E010 a", "E010 role"])
        #expect(loaded.model.actor(named: "b") != nil)
    }

    @Test func deepNestingIsADiagnosticNotACrash() {
        let depth = 100_000
        let source = "objet o { x: booleen }\naction f sur o\nautorise tous f si " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth) + "\nrole r"
        let loaded = CharterLoader.check(text: source)
        #expect(loaded.diagnostics.map(\.code) == [.E012])
    }

    @Test func contextualKeywordsAreIdentifiersElsewhere() {
        let source = """
        objet licence { licence: flottante | nominative | etablissement, note: booleen, date: date }
        action donner sur licence
        role responsable_ent
        etape e { tache t { responsable responsable_ent action donner si licence == etablissement et note } }
        etape f { tache u { responsable responsable_ent action donner si licence != etablissement ou non note } }
        """
        #expect(codes(source) == [])
    }

    @Test func reservedWordsAreRefusedAsNames() {
        #expect(underlined("role et \"x\"") == ["E010 et"])
        #expect(underlined("objet o { x: a | si }") == ["E010 si"])
    }
}
