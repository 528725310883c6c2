import Testing
@testable import Charte

/// `tous sauf …` in permissions and the `seul … peut` test assertion (issue 13, item 1).
@Suite struct RulesExceptionTests {
    private static let base = """
    role direction "Direction"
    role referent "Référent numérique"
    role gestionnaire "Gestionnaire"
    objet ressource "Ressource" { categorie: manuel | logiciel, niveau: seconde | cap }
    action attribuer "Attribuer" sur ressource
    etape gerer "Gérer" {
      tache licences "Licences" { responsable referent  aide gestionnaire  informe direction  action attribuer }
    }

    """

    @Test func exemptedActorsAreNotRefusedSoNoE500() {
        // Without `sauf` the forbid kills the référent's task (E500); with it only the aide is carved (W503).
        #expect(codes(Self.base + "interdit tous attribuer si categorie == manuel") == ["W503", "W503"])
        #expect(codes(Self.base + "interdit tous attribuer") == ["E500", "E500"])
        #expect(underlined(Self.base + "interdit tous sauf referent attribuer").map { String($0.prefix(4)) } == ["E500"])
        #expect(codes(Self.base + "interdit tous sauf referent, gestionnaire attribuer") == [])
    }

    @Test(arguments: [
        ("direction", "refuse"), ("referent", "autorise"), ("gestionnaire", "refuse"),
    ])
    func decisions(actor: String, outcome: String) throws {
        let engine = try queryEngine(text: Self.base + "interdit tous sauf referent attribuer si categorie == manuel")
        let answer = try engine.answer("peut \(actor) attribuer ressource(categorie: manuel)")
        guard case .may(let may) = answer else { Issue.record("not a decision"); return }
        #expect(may.outcome.rawValue == outcome)
    }

    @Test func autoriseTousSaufGrantsEveryoneElse() throws {
        let engine = try queryEngine(text: Self.base + "autorise tous sauf gestionnaire attribuer si categorie == logiciel")
        for (actor, outcome) in [("direction", Outcome.allowed), ("gestionnaire", .allowed), ("referent", .allowed)] {
            guard case .may(let may) = try engine.answer("peut \(actor) attribuer ressource(categorie: logiciel)") else { continue }
            #expect(may.outcome == outcome, "\(actor)")
        }
        guard case .may(let may) = try engine.answer("peut direction attribuer ressource(categorie: manuel)") else { return }
        #expect(may.outcome == .refused)
    }

    @Test func anActionCalledSaufKeepsItsV1Meaning() {
        let text = """
        role direction "Direction"
        objet o { a: booleen }
        action sauf "Sauf" sur o
        etape e { tache t { responsable direction  action sauf si a } }
        interdit tous sauf si non a
        interdit tous sauf
        role autre "Autre"
        """
        let loaded = check(text)
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["W501", "E500", "W302"])
        #expect(loaded.model.permissions.map(\.exceptions) == [[], []])
        #expect(loaded.model.permissions.map { loaded.model.actions[$0.action].id } == ["sauf", "sauf"])
    }

    @Test func unknownExceptionIsE100AndTheRestIsStillChecked() {
        #expect(underlined(Self.base + "interdit tous sauf referant attribuer\nautorise direction attribuer si categorie == manul")
                == ["E100 referant", "E106 manul"])
    }

    @Test func seulAssertions() throws {
        let engine = try queryEngine(text: Self.base + """
        interdit tous sauf referent attribuer si categorie == manuel
        test "exclusivité" {
          seul referent peut attribuer ressource(categorie: manuel)
          seule gestionnaire peut attribuer ressource(categorie: logiciel)
          qui attribuer =
          seul referent peut attribuer ressource(categorie: logiciel)
          seuls referent, gestionnaire peut attribuer ressource(categorie: logiciel)
        }
        """)
        let report = engine.runTests()
        #expect(report.results.map(\.passed) == [true, false, false, false, true])
        guard case .only(_, let others) = report.results[1].check else { Issue.record("not seul"); return }
        #expect(others.map(\.actor) == ["referent"])
        guard case .only(let named, _) = report.results[1].check else { return }
        #expect(named.map(\.outcome) == [.allowed])
    }

    @Test func seulAfterAnEmptyQuiAndAnActorCalledSeul() {
        // v1: an actor may be called `seul`; `qui … = seul` keeps naming it.
        let text = """
        role seul "Seul"
        objet o { a: booleen }
        action faire "Faire" sur o
        etape e { tache t { responsable seul  action faire } }
        test "v1" {
          qui faire = seul
          peut seul faire
        }
        """
        let loaded = check(text)
        #expect(loaded.diagnostics.map(\.code.rawValue) == [])
        #expect(loaded.checked?.model.tests.first?.assertions.count == 2)
    }

    @Test func badSeulIsAClearSyntaxErrorAndTheRestIsChecked() {
        let text = Self.base + """
        test "t" {
          seul referent attribuer ressource(categorie: manuel)
          peut referent attribuer ressource(categorie: manuel)
        }
        autorise direction attribuer si categorie == manuek
        """
        let loaded = check(text)
        #expect(loaded.diagnostics.map(\.code.rawValue) == ["E010", "E106"])
        #expect(loaded.diagnostics.first?.message.text.contains("« peut »") == true)
    }

    @Test func formatterKeepsSaufAndSeul() {
        let text = Self.base + """
        interdit   tous  SAUF referent,gestionnaire attribuer si categorie == manuel
        test "t" { seules referent , gestionnaire peut attribuer ressource(categorie: manuel) }
        """
        let once = Formatter.format(text: text).text ?? ""
        #expect(once.contains("interdit tous sauf referent, gestionnaire attribuer si categorie == manuel"))
        #expect(once.contains("seuls referent, gestionnaire peuvent attribuer ressource(categorie: manuel)"))
        #expect(Formatter.format(text: once).text == once)
    }

    @Test func goldenTestReport() throws {
        let engine = try queryEngine(text: try fixtureText("Tests/CharteTests/Fixtures/regles/sauf-seul.charte"))
        let report = engine.runTests()
        expectGolden(TestReportOutput.text([report]), "Tests/CharteTests/Golden/regles/sauf-seul.test.attendu")
        expectGolden(TestReportOutput.json([report]).rendered(pretty: true) + "\n", "Tests/CharteTests/Golden/regles/sauf-seul.test.json")
    }
}

/// The text of a file of the repository.
func fixtureText(_ relative: String) throws -> String {
    guard let bytes = FileAccess.read(repositoryPath(relative)) else { throw FixtureMissing(path: relative) }
    return String(decoding: bytes, as: UTF8.self)
}
