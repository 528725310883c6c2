import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

private let fixture = "Tests/Golden/Queries/suppleance-natures.charte"

/// The fixture's engine: the documentaliste away from 12 January to 6 February 2027, a
/// délégation de signature to the référent (licences) and one of pouvoir to the CPE
/// (formation as responsable, accueil as aide).
private func natureEngine() throws -> QueryEngine {
    guard let bytes = FileAccess.read(repositoryPath(fixture)) else { throw FixtureMissing(path: fixture) }
    return QueryEngine(try CharterLoader.check(bytes: bytes, name: fixture).requireChecked())
}

/// `qui … le DATE`: a délégation de pouvoir puts the deputy on the card, a délégation de
/// signature keeps the absent actor there and names the deputy as signing.
@Suite("Suppléances : fiches de qui datées")
struct DeputyCardsTests {
    static let cases: [(name: String, query: String)] = [
        ("suppleance-pouvoir-qui-tache", "qui formation le 2027-01-20"),
        ("suppleance-pouvoir-qui-aide", "qui accueil le 2027-01-20"),
        ("suppleance-pouvoir-qui-action", "qui former le 2027-01-20"),
        ("suppleance-pouvoir-hors-periode", "qui formation le 2027-02-07"),
        ("suppleance-signature-qui-tache", "qui licences le 2027-01-20"),
        ("suppleance-signature-qui-action", "qui attribuer ressource(categorie: outil) le 2027-01-20"),
    ]

    @Test("fiche datée en texte, en mots et en JSON", arguments: cases)
    func golden(_ name: String, _ query: String) throws {
        let engine = try natureEngine()
        let answer = try engine.answer(query)
        expectGolden(QueryText.render(answer), "Tests/Golden/Queries/\(name).txt")
        expectGolden(QueryText.render(answer, charter: engine.charter), "Tests/Golden/Queries/\(name).mots.txt")
        expectGolden(QueryJSON.encode(answer).rendered(pretty: true) + "\n", "Tests/Golden/Queries/\(name).json")
    }

    @Test("pouvoir : le suppléant tient la lettre de l'absente ce jour-là, la suppléance est citée")
    func pouvoir() throws {
        let engine = try natureEngine()
        guard case .who(let who) = try engine.answer("qui formation le 2027-01-20"), let card = who.results.first else {
            Issue.record("pas de fiche")
            return
        }
        #expect(card.responsables == ["cpe"])
        #expect(card.informes == ["referent"])
        #expect(card.deputies.map(\.letter) == [.responsible])
        #expect(card.deputies.map(\.window.nature) == [.power])
        guard case .who(let aide) = try engine.answer("qui accueil le 2027-01-20"), let helped = aide.results.first else {
            Issue.record("pas de fiche")
            return
        }
        #expect(helped.responsables == ["gestionnaire"] && helped.aides == ["cpe"])
        #expect(helped.deputies.map(\.letter) == [.support])
        // Outside the window, and undated, the card is the charter's.
        for query in ["qui formation le 2027-02-07", "qui formation"] {
            guard case .who(let other) = try engine.answer(query), let plain = other.results.first else { continue }
            #expect(plain.responsables == ["documentaliste"] && plain.deputies.isEmpty, "\(query)")
        }
    }

    @Test("signature : l'absente reste responsable, le suppléant signe")
    func signature() throws {
        let engine = try natureEngine()
        guard case .who(let who) = try engine.answer("qui licences le 2027-01-20"), let card = who.results.first else {
            Issue.record("pas de fiche")
            return
        }
        #expect(card.responsables == ["documentaliste"] && card.approbateurs == ["gestionnaire"])
        #expect(card.deputies.map(\.window.deputy) == ["referent"])
        #expect(card.deputies.map(\.window.nature) == [.signature])
        #expect(QueryText.render(.who(who)).contains("suppléance   referent signe pour documentaliste, qui reste responsable"))
    }

    @Test("une question sans date garde sa forme JSON (pas de suppleances par tâche)")
    func undatedShape() throws {
        let json = QueryJSON.encode(try natureEngine().answer("qui formation")).rendered()
        #expect(!json.contains("suppleances") && !json.contains("\"date\""))
    }

    @Test("la ligne de commande (--date) et la boucle interactive (le DATE) répondent pareil", arguments: [
        ("formation", "qui formation le 2027-01-20"),
        ("licences", "qui licences le 20/01/2027"),
    ])
    func cliAndRepl(_ task: String, _ query: String) throws {
        let cli = runCLI(["qui", repositoryPath(fixture), task, "--date", "2027-01-20"])
        #expect(cli.status == 0 && cli.err.isEmpty)
        var session = ReplSession()
        session.width = 80
        #expect(!session.submit(":charger \(repositoryPath(fixture))").isError)
        let output = session.submit(query)
        #expect(!output.isError)
        #expect(portable(output.text) == portable(cli.out))
        expectGolden(portable(cli.out), "Tests/Golden/Queries/suppleance-cli-qui-\(task).txt")
        let json = runCLI(["qui", repositoryPath(fixture), task, "--date", "2027-01-20", "--format", "json"])
        #expect(json.status == 0)
        #expect(portable(json.out) == portable(QueryJSON.encode(try natureEngine().answer(query)).rendered(pretty: true) + "\n"))
    }
}
