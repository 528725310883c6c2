import Foundation
import Testing
@testable import Charte
import CharteCLI

/// `charte analyser`: golden outputs on the bundled charters and the fixture, exact figures of
/// the evaluator, bad input.
@Suite("charte analyser")
struct AnalysisTests {
    static let fixture = "Tests/Fixtures/Analyse/equilibre.charte"
    static let events = "Tests/Fixtures/Analyse/evenements.csv"
    static let example = "rules/etablissement-exemple.charte"
    static let journal = "rules/journal-2026-2027.csv"

    /// Runs `charte analyser` on repository files, the paths in its output made relative.
    static func run(_ arguments: [String]) -> CLIResult {
        // Relative paths when the tests run from the repository (the text output wraps lines, so an
        // absolute path would make the goldens depend on where the repository is checked out).
        let fromRoot = FileManager.default.currentDirectoryPath == repositoryRoot
        let absolute = arguments.map { !fromRoot && !$0.hasPrefix("/") && ($0.hasSuffix(".charte") || $0.hasSuffix(".csv")) ? repositoryPath($0) : $0 }
        let result = runCLI(["analyser"] + absolute)
        let strip = { (text: String) in text.replacingOccurrences(of: repositoryRoot + "/", with: "") }
        return CLIResult(status: result.status, out: strip(result.out), err: strip(result.err))
    }

    static func analysis(_ relative: String, journal: String? = nil) throws -> (Analysis, Charter) {
        let loaded = try CharterLoader.load(path: repositoryPath(relative))
        let charter = try #require(loaded.checked)
        let report = try journal.map { path in
            try JournalChecker(charter: charter, date: try #require(CalendarDate(year: 9999, month: 12, day: 31)))
                .check(path: repositoryPath(path))
        }
        return (Analysis(charter: charter, journal: report), charter.model)
    }

    // MARK: - Goldens

    static let goldens: [(name: String, arguments: [String], status: Int32)] = [
        ("exemple.txt", [example], 0),
        ("exemple.json", [example, "--format", "json"], 0),
        ("exemple.html", [example, "--format", "html"], 0),
        ("exemple-journal.txt", [example, "--journal", journal], 1),
        ("exemple-journal.json", [example, "-j", journal, "-f", "json"], 1),
        ("exemple-journal.html", [example, "-j", journal, "-f", "html"], 1),
        ("college-petit.txt", ["rules/college-petit.charte"], 0),
        ("college-petit.json", ["rules/college-petit.charte", "--format", "json"], 0),
        ("lycee-region.txt", ["rules/lycee-region.charte"], 0),
        ("lycee-region.json", ["rules/lycee-region.charte", "--format", "json"], 0),
        ("equilibre.txt", [fixture], 1),
        ("equilibre-journal.txt", [fixture, "--journal", events], 1),
        ("equilibre-journal.json", [fixture, "--journal", events, "--format", "json"], 1),
        ("equilibre-journal.html", [fixture, "--journal", events, "--format", "html"], 1),
    ]

    @Test("golden outputs and exit codes", arguments: goldens.indices)
    func golden(_ index: Int) {
        let golden = Self.goldens[index]
        let result = Self.run(golden.arguments)
        #expect(result.status == golden.status, "\(golden.name): \(result.err)")
        expectGolden(result.out, "Tests/Golden/Analyse/" + golden.name)
        #expect(Self.run(golden.arguments).out == result.out, "\(golden.name) is not deterministic")
    }

    @Test("text lines fit in 80 columns", arguments: [[example], [example, "-j", journal], ["rules/college-petit.charte"],
                                                      ["rules/lycee-region.charte"], [fixture, "-j", events]])
    func width(_ arguments: [String]) {
        for line in Self.run(arguments).out.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test("the HTML page loads nothing from outside and describes its chart")
    func selfContained() {
        let page = Self.run([Self.fixture, "-j", Self.events, "-f", "html"]).out
        for forbidden in ["http:", "https:", "<script", "src=", "<link", "url(", "@import"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
        #expect(page.contains("<svg viewBox=\"0 0 "))
        #expect(page.contains("role=\"img\" aria-labelledby=\"graphe-titre graphe-desc\""))
        #expect(page.contains("<title id=\"graphe-titre\">Charge par mois et par rôle, de septembre 2026 à janvier 2027</title>"))
        #expect(page.contains("<rect x=\"50\" y=\"32\" width=\"36\" height=\"94\" fill=\"#9d174d\"><title>Administrateur de l&#39;ENT : 8 tâches en septembre 2026</title></rect>"))
        #expect(page.contains("<td class=\"n depasse\">8</td>"))
    }

    // MARK: - Exact figures

    @Test("letters, months, single points and thresholds of the fixture")
    func figures() throws {
        let (analysis, charter) = try Self.analysis(Self.fixture, journal: Self.events)
        let id = { (task: Int) in charter.tasks[task].id }
        let admin = try #require(charter.actor(named: "admin_ent"))
        #expect(analysis.letters[admin].counts == [7, 0, 1, 0, 0])
        #expect(analysis.months.map { "\($0.year)-\($0.month):\($0.total)" } == ["2026-9:13", "2026-10:1", "2026-11:0", "2026-12:4", "2027-1:1"])
        #expect(analysis.months[0].load[admin] == 8)
        #expect(analysis.overloads == [Analysis.Overload(actor: admin, year: 2026, month: 9, count: 8)])
        #expect(analysis.manyConsulted.map { "\(id($0.task)) \($0.count)" } == ["commandes 4"])
        // inventaire: two roles, one person; affectation has an aide; licences_arrivee a suppléant;
        // projet and accueil: direction has two people; veille: one person.
        #expect(analysis.singlePoints.map { id($0.task) } == ["inventaire", "commandes", "annuaire", "comptes", "portail",
                                                               "sauvegarde", "droits", "tutoriels", "bilan", "veille"])
        #expect(analysis.singlePoints[0].holder == .person("Mme Martin", actors: [try #require(charter.actor(named: "documentaliste")),
                                                                                 try #require(charter.actor(named: "referent"))]))
        #expect(analysis.triggered.map { "\(id($0.task)) \($0.occurrences ?? -1)" } == ["licences_arrivee 4", "accueil 4"])
        #expect(analysis.undated.map(id) == ["veille"])
        #expect(analysis.journal == Analysis.JournalFigures(events: 4, notVerifiable: 0))
        #expect(analysis.hasProblems)
    }

    @Test("without a journal, event-triggered tasks are listed, not counted")
    func withoutJournal() throws {
        let (analysis, _) = try Self.analysis(Self.fixture)
        #expect(analysis.triggered.allSatisfy { $0.occurrences == nil })
        #expect(analysis.months.map(\.total) == [10, 0, 0, 0, 1])
        #expect(analysis.journal == nil)
    }

    // MARK: - Thresholds

    @Test("seuils: accents, case and commas do not matter; the defaults fill the rest", arguments: [
        ("seuils { consultés_max 4, Tâches_par_mois_max 2 }", 4, 2, "(fixés par la charte)."),
        ("seuils {\n  taches_par_mois_max 9\n}", 3, 9, "(consultes_max : valeur par défaut)."),
        ("seuils { consultes_max 1 }\nseuils { taches_par_mois_max 999 }", 1, 999, "(fixés par la charte)."),
        ("", 3, 6, "(valeurs par défaut, qu'une déclaration « seuils » de la charte peut changer)."),
    ])
    func thresholds(_ declaration: String, _ consulted: Int, _ perMonth: Int, _ ending: String) throws {
        let loaded = check("role direction\netape e { tache t { responsable direction } }\n" + declaration + "\n")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.code.rawValue))")
        let charter = try #require(loaded.checked)
        #expect(charter.model.thresholds.value(.consultedMax) == consulted)
        #expect(charter.model.thresholds.value(.tasksPerMonthMax) == perMonth)
        #expect(AnalysisWords.thresholdsSentence(charter.model.thresholds).hasSuffix(ending))
    }

    @Test("bad seuils are errors, underlined where they are written", arguments: [
        ("seuils { consultes_maxi 4 }", ["E330 consultes_maxi"]),
        ("seuils { taches_par_mois_max 0 }", ["E331 0"]),
        ("seuils { taches_par_mois_max 1000 }", ["E331 1000"]),
        ("seuils { consultes_max 2, consultes_max 3 }", ["E332 consultes_max"]),
        ("seuils { consultes_max 2 }\nseuils { consultés_max 3 }", ["E332 consultés_max"]),
        ("seuils { consultes_max }", ["E010 }"]),
        ("seuils { consultes_max 4", ["E011 {"]),
    ])
    func badThresholds(_ declaration: String, _ expected: [String]) {
        #expect(underlined("role direction\netape e { tache t { responsable direction } }\n" + declaration + "\n") == expected)
    }

    @Test("a charter's seuils change what is exceeded, nothing else")
    func lowered() throws {
        let text = try String(contentsOfFile: repositoryPath(Self.example), encoding: .utf8)
        let lowered = check(text + "\nseuils { consultes_max 1, taches_par_mois_max 4 }\n", name: "abaisse.charte")
        let charter = try #require(lowered.checked)
        let analysis = Analysis(charter: charter)
        #expect(analysis.manyConsulted.map { charter.model.tasks[$0.task].id } 
            == ["politique_documentaire", "choix_disciplines", "problemes_editeurs"])
        #expect(analysis.overloads.map { "\(charter.model.actors[$0.actor].id) \($0.month) \($0.count)" } == ["direction 6 5"])
        #expect(analysis.hasProblems)
    }

    // MARK: - Bad input

    @Test("usage problems exit 2 with a French message", arguments: [
        (["__FIXTURE__", "--format", "pdf"], "charte analyser : format inconnu « pdf » (formats : texte, json, html)\n"),
        (["/nonexistent.charte"], "charte analyser : impossible de lire le fichier « /nonexistent.charte »\n"),
        (["__FIXTURE__", "--journal", "/nonexistent.csv"], "charte analyser : impossible de lire le journal « /nonexistent.csv »\n"),
        ([], "charte analyser : aucune charte à analyser\n"),
        (["__FIXTURE__", "__FIXTURE__"], "charte analyser : une seule charte à la fois"),
        (["__FIXTURE__", "--journal", "Tests/Fixtures/Analyse/illisible.csv"],
         "charte analyser : le journal « Tests/Fixtures/Analyse/illisible.csv » est illisible (ligne 1 : colonne « date » absente"),
    ])
    func usage(_ arguments: [String], _ message: String) {
        let result = Self.run(arguments.map { $0 == "__FIXTURE__" ? Self.fixture : $0 })
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix(message), "\(result.err)")
    }

    @Test("journal rows that cannot be read are not counted, said so, and exit 1")
    func partialJournal() {
        let result = Self.run([Self.fixture, "--journal", "Tests/Fixtures/Analyse/partielle.csv"])
        #expect(result.status == 1)
        #expect(result.out.contains("""
        Journal : 1 événement compté. 2 lignes non lues ou non vérifiables : leurs
        événements ne sont pas comptés (détail : charte journal).
        """))
        #expect(result.err == "charte analyser : 2 ligne(s) du journal non lue(s) ou non vérifiable(s) : leurs événements ne sont pas comptés (détail : charte journal)\n")
    }

    @Test("-o writes the file (its extension chooses the format), stdout stays empty")
    func outputFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charte-analyse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("analyse.html").path
        let result = Self.run([Self.example, "-o", path])
        #expect(result.status == 0)
        #expect(result.out.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: repositoryRoot + "/", with: "")
        #expect(written == Self.run([Self.example, "--format", "html"]).out)
    }

    @Test("a charter with errors is refused like by every other command")
    func refused() {
        let result = runCLI(["analyser", RefusalTests.path])
        #expect(result.status == ExitCode.problems)
        #expect(result.out.isEmpty)
        #expect(result.err == RefusalTests.refusal)
    }

    @Test("charte help analyser describes the command in French")
    func help() {
        let result = runCLI(["help", "analyser"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Usage : charte analyser CHARTE [--format texte|json|html] [--journal JOURNAL.csv] [-o SORTIE]\n"))
        #expect(result.out.contains("seuils { consultes_max 3, taches_par_mois_max 6 }"))
    }
}
