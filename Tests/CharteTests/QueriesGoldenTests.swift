import Testing
import Foundation
@testable import Charte

/// Golden answers, text and JSON, of every query form; `CHARTE_REGOLDEN=1` rewrites them.
@Suite("Requêtes : réponses de référence")
struct QueriesGoldenTests {
    /// A golden file's base name, the fixture charter and the query.
    static let cases: [(name: String, charter: String, query: String)] = [
        ("qui-action", "college.charte", "qui attribuer_licence ressource(categorie: manuel)"),
        ("qui-selon", "college.charte", "qui attribuer_licence ressource(categorie: documentaire)"),
        ("qui-sans-objet", "college.charte", "qui commander"),
        ("qui-ambigu", "college.charte", "qui diffuser ressource(categorie: documentaire, abonnement: vrai)"),
        ("qui-aucune", "college.charte", "qui diffuser ressource(categorie: manuel, abonnement: faux)"),
        ("qui-tache", "college.charte", "qui licences_manuels"),
        ("qui-texte", "college.charte", "qui \"licences\""),
        ("peut-autorise", "college.charte", "peut \"Mme Martin\" attribuer_licence ressource(categorie: documentaire, licence: nominative)"),
        ("peut-interdit", "college.charte", "peut documentaliste commander ressource(abonnement: vrai)"),
        ("peut-indetermine", "college.charte", "peut documentaliste commander ressource()"),
        ("peut-defaut", "college.charte", "peut direction commander ressource(abonnement: faux)"),
        ("taches-role", "college.charte", "taches documentaliste"),
        ("taches-personne", "college.charte", "taches \"M. Petit\""),
        ("taches-instance", "college.charte", "taches conseil_numerique"),
        ("echeances", "college.charte", "echeances"),
        ("echeances-depuis", "college.charte", "echeances 2026-09-20"),
        ("montre-tache", "college.charte", "montre licences_manuels"),
        ("montre-etape", "college.charte", "montre acquerir"),
        ("montre-objet", "college.charte", "montre ressource"),
        ("mini-qui", "mini.charte", "qui acheter livre(prix: 5000)"),
        ("mini-peut", "mini.charte", "peut compta preter livre(genre: album)"),
        ("mini-taches", "mini.charte", "taches directrice"),
    ]

    @Test("réponse en texte et en JSON", arguments: cases)
    func golden(_ name: String, _ charter: String, _ query: String) throws {
        let answer = try QueryEngine(try queryFixture(charter).requireChecked()).answer(query)
        // In words and wrapped to 80 columns, as `charte requete` prints it when not on a terminal.
        let model = try queryFixture(charter).requireChecked().model
        expectGolden(QueryText.render(answer, charter: model, width: 80), "Tests/Golden/Queries/\(name).txt")
        expectGolden(QueryJSON.encode(answer).rendered(pretty: true) + "\n", "Tests/Golden/Queries/\(name).json")
    }

    /// The diagnostics of a bad query, as `charte requete` prints them.
    static let errorCases: [(name: String, query: String)] = [
        ("erreur-action", "qui atribuer_licence ressource(categorie: manuel)"),
        ("erreur-valeur", "qui attribuer_licence ressource(categorie: manuels)"),
        ("erreur-personne", "peut \"Mme Martine\" commander"),
        ("erreur-syntaxe", "peut documentaliste commander ressource(abonnement vrai)"),
    ]

    @Test("diagnostics d'une requête fautive", arguments: errorCases)
    func goldenError(_ name: String, _ query: String) throws {
        let engine = try queryEngine()
        do {
            let answer = try engine.answer(query)
            Issue.record("réponse inattendue : \(answer)")
        } catch {
            expectGolden(error.description, "Tests/Golden/Queries/\(name).txt")
        }
    }
}

/// The JSON contract of spec section 7, checked with Foundation's parser.
@Suite("Requêtes : forme du JSON")
struct QueriesJSONShapeTests {
    static let taskKeys: Set<String> = ["tache", "etape", "libelle", "responsable", "approbateur", "aide", "consulte", "informe", "fichier", "ligne"]

    static func json(_ query: String, charter: String = "college.charte") throws -> [String: Any] {
        let answer = try QueryEngine(try queryFixture(charter).requireChecked()).answer(query)
        return try #require(try parsedJSON(QueryJSON.encode(answer).rendered()) as? [String: Any])
    }

    @Test("qui : resultats et selon, exactement les clés de la spécification")
    func whoShape() throws {
        let object = try QueriesJSONShapeTests.json("qui attribuer_licence ressource(licence: flottante)")
        #expect(Set(object.keys) == ["resultats", "selon"])
        let selon = try #require(object["selon"] as? [[String: Any]])
        #expect(selon.count == 2)
        for entry in selon {
            #expect(Set(entry.keys) == QueriesJSONShapeTests.taskKeys.union(["manquants"]))
            #expect(entry["manquants"] as? [String] == ["categorie"])
        }
        let certain = try QueriesJSONShapeTests.json("qui attribuer_licence ressource(categorie: manuel)")
        let results = try #require(certain["resultats"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(Set(results[0].keys) == QueriesJSONShapeTests.taskKeys)
        #expect(results[0]["approbateur"] as? [String] == ["conseil_pedagogique"])
        #expect(results[0]["ligne"] as? Int == 61)
        #expect(results[0]["fichier"] as? String == "Tests/Fixtures/Queries/college.charte")
    }

    @Test("peut : decision, manquants, regles avec genre, id, fichier, ligne")
    func mayShape() throws {
        let object = try QueriesJSONShapeTests.json("peut documentaliste commander ressource()")
        #expect(Set(object.keys) == ["decision", "manquants", "regles"])
        #expect(object["decision"] as? String == "indetermine")
        #expect(object["manquants"] as? [String] == ["abonnement"])
        let rules = try #require(object["regles"] as? [[String: Any]])
        #expect(rules.map { $0["genre"] as? String } == ["tache", "interdit"])
        for rule in rules { #expect(Set(rule.keys) == ["genre", "id", "fichier", "ligne"]) }
        let refused = try QueriesJSONShapeTests.json("peut direction commander ressource(abonnement: faux)")
        let defaultRule = try #require((refused["regles"] as? [[String: Any]])?.first)
        #expect(defaultRule["genre"] as? String == "defaut")
        #expect(defaultRule["fichier"] is NSNull && defaultRule["ligne"] is NSNull)
    }

    /// The public contract `shared/fixtures/valid/queries.tsv`, on a copy of `mini.charte`.
    static let contract: [(String, @Sendable ([String: Any]) -> Bool)] = [
        ("qui preter livre(genre: album)", { responsables($0) == [["doc"]] }),
        ("qui preter livre(genre: manuel)", { responsables($0) == [["directrice"]] }),
        ("qui acheter livre(prix: 50)", { tasks($0, "resultats") == ["achats"] && first($0)?["informe"] as? [String] == ["directrice"] }),
        ("qui acheter livre(prix: 5000)", { tasks($0, "resultats") == ["gros_achats"] && first($0)?["aide"] as? [String] == ["compta"] }),
        ("qui preter livre()", { tasks($0, "resultats") == [] && tasks($0, "selon").sorted() == ["prets", "prets_manuels"] }),
        ("peut doc preter livre(genre: dictionnaire)", { $0["decision"] as? String == "autorise" }),
        ("peut compta preter livre(genre: album)", {
            $0["decision"] as? String == "refuse" && (($0["regles"] as? [[String: Any]]) ?? []).contains { $0["genre"] as? String == "interdit" }
        }),
        ("peut compta acheter livre(prix: 1500)", { $0["decision"] as? String == "autorise" }),
        ("peut doc acheter livre(prix: 10)", { $0["decision"] as? String == "refuse" }),
        ("peut doc preter livre()", { $0["decision"] as? String == "indetermine" && $0["manquants"] as? [String] == ["genre"] }),
        ("peut \"Mme Blanc\" preter livre(genre: album)", { $0["decision"] as? String == "autorise" }),
    ]

    static func responsables(_ object: [String: Any]) -> [[String]] {
        ((object["resultats"] as? [[String: Any]]) ?? []).map { ($0["responsable"] as? [String]) ?? [] }
    }

    static func tasks(_ object: [String: Any], _ key: String) -> [String] {
        ((object[key] as? [[String: Any]]) ?? []).compactMap { $0["tache"] as? String }
    }

    static func first(_ object: [String: Any]) -> [String: Any]? { (object["resultats"] as? [[String: Any]])?.first }

    @Test("le contrat public queries.tsv", arguments: contract.indices)
    func publicContract(_ index: Int) throws {
        let (query, holds) = QueriesJSONShapeTests.contract[index]
        let object = try QueriesJSONShapeTests.json(query, charter: "mini.charte")
        #expect(holds(object), "\(query)")
    }

    @Test("taches, echeances, montre : les formes documentées")
    func otherShapes() throws {
        let sheet = try QueriesJSONShapeTests.json("taches documentaliste")
        #expect(Set(sheet.keys) == ["acteur", "roles", "instances", "etapes"])
        let step = try #require((sheet["etapes"] as? [[String: Any]])?.first)
        #expect(Set(step.keys) == ["etape", "libelle", "taches"])
        let line = try #require((step["taches"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["tache", "libelle", "lettre", "titulaire", "par_instance", "echeance", "expression",
                                   "evenement", "delai", "actions", "fichier", "ligne"])
        let deadlines = try QueriesJSONShapeTests.json("echeances")
        #expect(Set(deadlines.keys) == ["depuis", "echeances", "sur_evenement"])
        let event = try #require((deadlines["sur_evenement"] as? [[String: Any]])?.first)
        #expect(event["delai"] as? String == "3 jours")
        let shown = try QueriesJSONShapeTests.json("montre gratuites")
        #expect(Set(shown.keys) == ["nom", "genre", "texte", "fichier", "ligne"])
        #expect(shown["genre"] as? String == "tache")
    }
}
