import Testing
@testable import Charte

/// A small valid base every snippet extends.
private let base = """
calendrier "2026-2027" {
  rentree 2026-09-01
  toussaint 2026-10-17 .. 2026-11-01
  fin_annee 2027-07-03
}
role direction "Direction"
role cpe "CPE"
objet incident "Incident" { gravite: faible | forte, recidive: booleen, titre: texte, cout: nombre, jour: date }
action traiter "Traiter" sur incident
evenement signalement sur incident

"""

private let cleanTasks = """
etape suivi "Suivi" {
  tache petits { responsable cpe  action traiter si gravite == faible }
  tache graves { responsable direction  action traiter si gravite == forte }
}

"""

@Suite struct CheckerTests {
    @Test func theBaseIsClean() {
        #expect(codes(base + cleanTasks) == [])
    }

    @Test(arguments: [
        ("etape e { tache t { responsable cpee } }", ["E100 cpee"]),
        ("etape e { tache t { responsable traiter } }", ["E100 traiter"]),
        ("role cpe \"bis\"", ["E101 cpe"]),
        ("etape direction { tache t2 { responsable cpe } }", ["E101 direction"]),
        ("etape e apres inexistante { tache t2 { responsable cpe } }", ["E102 inexistante"]),
        ("etape e { tache t2 { responsable cpe  apres petit } }", ["E102 petit"]),
        ("etape e { tache t2 { responsable cpe  action traite } }", ["E103 traite"]),
        ("etape e { tache t2 { responsable cpe  quand signalemant  delai 2 jours } }", ["E104 signalemant"]),
        ("action voir sur incidant", ["E105 incidant"]),
        ("autorise cpe traiter si gravit == faible", ["E106 gravit"]),
        ("autorise cpe traiter si gravite == grave", ["E106 grave"]),
        ("etape e { tache t2 { responsable cpe  echeance rentre } }", ["E107 rentre"]),
        ("autorise cpe traiter si gravite == 3", ["E200 3"]),
        ("autorise cpe traiter si titre == faible", ["E200 faible"]),
        ("autorise cpe traiter si gravite < faible", ["E200 gravite < faible"]),
        ("autorise cpe traiter si titre", ["E200 titre"]),
        ("autorise cpe traiter si cout < \"dix\"", ["E200 \"dix\""]),
        ("autorise cpe traiter si gravite dans [faible, moyenne]", ["E106 moyenne"]),
        ("etape e { tache t2 { responsable cpe  quand signalement } }", ["E202 quand signalement"]),
        ("etape e { tache t2 { responsable cpe  delai 2 jours } }", ["E202 delai 2 jours"]),
        ("etape e { tache t2 { informe cpe } }", ["E300 t2"]),
        ("etape e { tache t2 { responsable cpe  approbateur direction, cpe } }", ["W301 cpe", "W304 cpe"]),
        ("role inutile", ["W302 inutile"]),
        ("etape vide { }", ["W303 vide"]),
        ("etape e { tache t2 { responsable cpe  informe cpe } }", ["W304 cpe"]),
        ("etape e { tache a { responsable cpe  apres b } tache b { responsable cpe  apres a } }", ["E305 b"]),
        ("etape e apres f { tache a { responsable cpe } } etape f apres e { tache b { responsable cpe } }", ["E305 f"]),
        ("etape e { tache a { responsable cpe  echeance 2026-10-09 } tache b { responsable cpe  apres a  echeance 2026-10-02 } }", ["E400 2026-10-02"]),
        ("etape e { tache a { responsable cpe  echeance 2026-10-09 } tache m { responsable cpe  apres a } tache b { responsable cpe  apres m  echeance rentree } }", ["E400 rentree"]),
        ("etape e { tache a { responsable cpe  echeance fin_annee + 1 jour } }", ["W401 fin_annee + 1 jour"]),
        ("etape e { tache a { responsable cpe  echeance 2026-10-20 } }", ["W402 2026-10-20"]),
        ("etape e { tache a { responsable cpe  echeance toussaint } }", ["W402 toussaint"]),
        ("interdit cpe traiter si gravite == faible", ["E500 interdit cpe traiter si gravite == faible"]),
        ("interdit tous traiter", ["E500 interdit tous traiter", "E500 interdit tous traiter"]),
        ("interdit cpe traiter si recidive", ["W503 interdit cpe traiter si recidive"]),
        // Exact over numbers since issue 13: `cout > 100` takes part of what `petits` covers.
        ("interdit cpe traiter si cout > 100", ["W503 interdit cpe traiter si cout > 100"]),
    ])
    func semanticDiagnostics(snippet: String, expected: [String]) {
        #expect(underlined(base + cleanTasks + snippet) == expected)
    }

    @Test func coverageNamesTheMissingObjectsAsLiterals() {
        let source = base + """
        etape suivi "Suivi" {
          tache petits { responsable cpe  action traiter si gravite == faible et recidive }
          tache graves { responsable direction  action traiter si gravite == forte }
        }
        """
        let loaded = check(source)
        #expect(loaded.diagnostics.map(\.message.text) == [CoverageWords.gap("traiter", "incident(gravite: faible, recidive: faux)")])
    }

    @Test func overlapNamesTheDoublyCoveredObjects() {
        let source = base + """
        etape suivi "Suivi" {
          tache petits { responsable cpe  action traiter }
          tache graves { responsable direction  action traiter si gravite == forte }
        }
        """
        #expect(check(source).diagnostics.map(\.message.text) == [
            CoverageWords.overlap("traiter", "petits", "graves", "incident(gravite: forte)"),
        ])
    }

    @Test func conditionsOnOpenTypesGiveNoUncertainDiagnostic() {
        let source = base + """
        etape suivi "Suivi" {
          tache petits { responsable cpe  action traiter si cout < 100 }
          tache graves { responsable direction  action traiter si cout >= 100 }
        }
        """
        #expect(codes(source) == [])
    }

    @Test func suggestionsNameTheDeclarationLine() throws {
        let loaded = check(base + "etape e { tache t { responsable directon } }")
        let diagnostic = try #require(loaded.diagnostics.first { $0.code == .E100 })
        #expect(diagnostic.candidates.map(\.name) == ["direction"])
        let rendered = HumanRenderer(colour: false).render(diagnostic, sources: loaded.sources)
        #expect(rendered.contains("= aide: vouliez-vous dire « direction » ? (déclaré ligne 6)"))
    }

    @Test func deadlinesResolveAgainstTheCalendar() {
        let loaded = check(base + """
        etape e {
          tache a { responsable cpe  echeance rentree + 2 semaines }
          tache b { responsable cpe  echeance 2027-01-31 + 1 mois }
          tache c { responsable direction  echeance fin_annee - 1 mois - 3 jours }
        }
        """)
        #expect(loaded.model.tasks.map { $0.deadline?.description } == ["2026-09-15", "2027-02-28", "2027-05-31"])
    }

    @Test func aCharterWithErrorsIsNeverUsable() {
        #expect(check(base + "role cpe").checked?.model == nil)
        #expect(check(base + cleanTasks).checked?.model != nil)
    }

    @Test func declarationOrderDoesNotMatter() {
        let source = """
        autorise r faire si x
        etape e { tache t { responsable r  action faire si x ou non x } }
        action faire sur o
        objet o { x: booleen }
        role r
        """
        #expect(codes(source) == [])
    }

    /// The spec's own examples, put together: exactly the warnings they imply.
    @Test func theSpecExamplesCheckAsExpected() throws {
        expectGolden(try renderedDiagnostics("Tests/CharteTests/Fixtures/spec-exemples.charte"), "Tests/CharteTests/Golden/spec-exemples.attendu")
    }

    @Test func relativeDateWithoutCalendar() {
        #expect(underlined("role r\netape e { tache t { responsable r  echeance rentree } }") == ["E107 rentree"])
    }
}

@Suite struct ThreeValuedLogicTests {
    @Test func kleeneTables() {
        let values: [Truth] = [.yes, .no, .unknown]
        let and: [[Truth]] = [[.yes, .no, .unknown], [.no, .no, .no], [.unknown, .no, .unknown]]
        let or: [[Truth]] = [[.yes, .yes, .yes], [.yes, .no, .unknown], [.yes, .unknown, .unknown]]
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                #expect((a && b) == and[i][j])
                #expect((a || b) == or[i][j])
            }
        }
        #expect(!Truth.unknown == .unknown)
    }

    @Test func missingAttributesAreOnlyThoseThatMatter() throws {
        let loaded = check(base + cleanTasks + "autorise direction traiter si (gravite == faible et recidive) ou cout > 10\n")
        let charter = try #require(loaded.checked?.model)
        let predicate = try #require(charter.permissions.first?.condition)
        func object(_ values: [Value?]) -> ObjectValue { ObjectValue(type: 0, values: values) }
        #expect(predicate.evaluateExplaining(object([nil, nil, nil, nil, nil])).missing == [0, 1, 3])
        #expect(predicate.evaluateExplaining(object([.enumeration(1), nil, nil, nil, nil])).missing == [3])
        #expect(predicate.evaluateExplaining(object([nil, nil, nil, .number(20), nil])).truth == .yes)
        #expect(predicate.evaluateExplaining(object([.enumeration(0), .boolean(false), nil, .number(1), nil])).truth == .no)
    }
}

@Suite struct DecisionTests {
    let charter: Charter
    let authorizer: Authorizer

    init() throws {
        let loaded = try CharterLoader.load(path: repositoryPath("Tests/CharteTests/Fixtures/public/valid/mini.charte"))
        charter = try #require(loaded.checked?.model)
        authorizer = Authorizer(charter: charter)
    }

    func decide(_ actor: String, _ action: String, _ values: [String: Value] = [:]) throws -> Decision {
        let actors = try #require(charter.actors(for: actor))
        let actionIndex = try #require(charter.action(named: action))
        let type = try #require(charter.actions[actionIndex].objectType)
        var object = ObjectValue.unknown(type: type, attributeCount: charter.objectTypes[type].attributes.count)
        for (name, value) in values {
            object.values[try #require(charter.objectTypes[type].attribute(named: name))] = value
        }
        let decision = authorizer.decide(actors: actors, action: actionIndex, object: object)
        #expect(authorizer.outcome(actors: actors, action: actionIndex, object: object) == decision.outcome)
        return decision
    }

    @Test func decisionsFollowTheSpec() throws {
        #expect(try decide("doc", "preter", ["genre": .enumeration(2)]).outcome == .allowed)
        let refused = try decide("compta", "preter", ["genre": .enumeration(1)])
        #expect(refused.outcome == .refused)
        #expect(refused.rules.map(\.kind) == [.forbid])
        #expect(try decide("compta", "acheter", ["prix": .number(1500)]).rules.map(\.id) == ["gros_achats"])
        let byDefault = try decide("doc", "acheter", ["prix": .number(10)])
        #expect(byDefault.outcome == .refused)
        #expect(byDefault.rules.map(\.kind) == [.default])
        let unknown = try decide("doc", "preter")
        #expect(unknown.outcome == .undetermined)
        #expect(unknown.missing == ["genre"])
        #expect(try decide("Mme Blanc", "preter", ["genre": .enumeration(1)]).outcome == .allowed)
        #expect(try decide("mme blanc", "preter", ["genre": .enumeration(1)]).outcome == .allowed)
    }

    @Test func anUnknownForbidNeverPermits() throws {
        let loaded = check(base + cleanTasks + "interdit direction traiter si recidive\n")
        let charter = try #require(loaded.checked?.model)
        let authorizer = Authorizer(charter: charter)
        let direction = try #require(charter.actor(named: "direction"))
        let object = ObjectValue(type: 0, values: [.enumeration(1), nil, nil, nil, nil])
        let decision = authorizer.decide(actors: [direction], action: 0, object: object)
        #expect(decision.outcome == .undetermined)
        #expect(decision.missing == ["recidive"])
        // Without any permission, an unknown forbid is a refusal by default.
        let cpe = try #require(charter.actor(named: "cpe"))
        #expect(authorizer.decide(actors: [cpe], action: 0, object: object).outcome == .refused)
    }
}
