import Testing
import Foundation
@testable import Charte
@testable import CharteCLI

/// The interactive HTML page without a browser: its embedded decisions (exact classes, sizes,
/// what is left to `charte peut`), its data's safety inside `<script>`, and its golden file.
@Suite("The interactive HTML page")
struct HTMLPageTests {
    static func load(_ path: String) throws -> CheckedCharter {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repositoryPath(path))))
        return try #require(CharterLoader.check(bytes: bytes, name: path).checked)
    }

    @Test("the threshold fixture's page is golden")
    func golden() throws {
        let checked = try Self.load("Tests/CharteTests/Fixtures/page/seuils.charte")
        let html = CharterExporter.render(checked, format: .html)
        expectGolden(html, "Tests/CharteTests/Fixtures/page/seuils.html")
        #expect(CharterExporter.render(checked, format: .html) == html, "output must be deterministic")
    }

    @Test("docs/exemple-charte.html is the example charter's page (scripts/page-chromium.sh --captures rewrites it)")
    func examplePage() throws {
        let path = "rules/etablissement-exemple.charte"
        expectGolden(CharterExporter.render(try Self.load(path), format: .html), "docs/exemple-charte.html")
    }

    @Test("the embedded answers of the bundled charters, counted", arguments: [
        // 12 actors × 42 classes of objects over the 19 actions; 53 distinct decisions citing 39 rules
        // (with the purchase orders signed before they are engaged, issue 13; the referent's
        // licence forbid split in two so that the documentaliste's suppléance means something, issue 15).
        ("rules/etablissement-exemple.charte", 504, 53, 39),
        ("rules/college-petit.charte", 143, 15, 13),
        ("rules/lycee-region.charte", 297, 35, 22),
    ])
    func sizes(path: String, answers: Int, decisions: Int, rules: Int) throws {
        let size = HTMLQuestions.size(try Self.load(path).model)
        #expect(size.answers == answers && size.decisions == decisions && size.rules == rules, "\(path): \(size)")
    }

    @Test("ordered attributes split at each constant, with the gaps between them")
    func orderedClasses() throws {
        let charter = try Self.load("Tests/CharteTests/Fixtures/page/seuils.charte").model
        let commander = try #require(charter.action(named: "commander"))
        guard case .success(let splits) = HTMLDecisions.splits(of: commander, in: charter) else {
            Issue.record("commander must be embedded")
            return
        }
        let type = try #require(charter.actions[commander].objectType)
        let names = splits.map { charter.objectTypes[type].attributes[$0.attribute].name }
        #expect(names == ["montant", "lignes", "livraison", "discipline", "urgente", "nature"])
        #expect(splits[0].split == .ordered(cuts: [.amount(400_000)]))
        #expect(splits[1].split == .ordered(cuts: [.number(50)]))
        #expect(splits[3].split == .text(named: ["Géographie", "Histoire", "Lettres"]))
        #expect(splits[4].split == .finite(count: 2, isBoolean: true))
        // Unknown, below 4 000 €, at 4 000 €, above.
        #expect((0..<4).map { HTMLDecisions.representative(slot: $0, of: splits[0].split) } == [nil, .amount(399_999), .amount(400_000), .amount(400_001)])
        #expect(HTMLDecisions.representative(slot: 4, of: splits[3].split) == .text("autre"))
    }

    @Test("an empty gap between two consecutive integers has no object and no answer")
    func emptyGap() {
        let split = HTMLDecisions.Split.ordered(cuts: [.number(3), .number(4)])
        #expect((0..<split.size).map { HTMLDecisions.representative(slot: $0, of: split) }
                == [nil, .number(2), .number(3), nil, .number(4), .number(5)])
    }

    @Test("an action comparing two numbers with each other is left to charte peut")
    func comparedAttributes() throws {
        let loaded = check("""
        role a "A"
        objet commande { montant: euros  plafond: euros  nature: x | y }
        action commander "Commander" sur commande
        action choisir "Choisir" sur commande
        etape e { tache t { responsable a  action commander si montant <= plafond  action choisir si nature == x } }
        """)
        let charter = try #require(loaded.checked?.model, "\(loaded.diagnostics.map(\.message.text))")
        let html = HTMLExport.render(charter, file: loaded.file)
        #expect(html.contains(#""id":"commander","libelle":"Commander","objet":0,"hors":"ses règles comparent deux attributs entre eux ; la page ne tranche pas cette question"}"#))
        #expect(html.contains(#""id":"choisir","libelle":"Choisir","objet":0,"lus":[[2,"fini",2]],"reponses":[0,1,2]}"#))
    }

    @Test("an action's scope splits its objects too: outside it the page refuses as peut does")
    func scopeIsRead() throws {
        let loaded = check("""
        role a "A"
        objet ressource { financement: region | etablissement }
        action devis "Devis" sur ressource si financement == region
        etape e { tache t { responsable a  action devis } }
        """)
        let charter = try #require(loaded.checked?.model, "\(loaded.diagnostics.map(\.message.text))")
        let devis = try #require(charter.action(named: "devis"))
        guard case .success(let splits) = HTMLDecisions.splits(of: devis, in: charter) else {
            Issue.record("devis must be embedded")
            return
        }
        #expect(splits.map(\.attribute) == [0])
        #expect(splits[0].split == .finite(count: 2, isBoolean: false))
        let decisions = HTMLDecisions(charter: charter, file: loaded.file)
        let answers = decisions.tables[devis].answers.map { decisions.decisions[$0].outcome }
        // region, etablissement, unknown — as `charte peut` answers each.
        #expect(answers == [.allowed, .refused, .undetermined])
    }

    @Test("the data cannot close its script element, whatever the labels say")
    func hostileData() throws {
        let charter = try ExportSupport.hostile()
        let html = HTMLExport.render(charter, file: nil)
        let data = HTMLQuestions.data(charter, file: nil)
        #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
        #expect(html.components(separatedBy: "</script>").count == 3, "the data's and the code's, nothing else")
        #expect(html.components(separatedBy: "<script").count == 3)
        let json = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
        #expect((json?["acteurs"] as? [[Any]])?.isEmpty == false)
    }

    @Test("the page prints without its questions and hides them until the script runs")
    func printAndNoScript() throws {
        let html = CharterExporter.render(try Self.load("rules/etablissement-exemple.charte"), format: .html)
        #expect(html.contains("<div class=\"questions\" id=\"questions\" hidden>"))
        #expect(html.contains("@media print {\n  .questions { display: none !important; }"))
        #expect(html.contains("@media (max-width: 760px) {"))
        #expect(html.contains("<td data-role=\"Gestionnaire\"><ul class=\"cases\">"))
        for outside in ["http:", "https:", "src=", "<link", "@import", "url(", "fetch(", "XMLHttpRequest", "import("] {
            #expect(!html.contains(outside), "\(outside)")
        }
    }
}
