import Charte

/// `charte test FICHIER…`: runs the `test` blocks of charters.
enum TestCommand {
    /// The output formats of test reports.
    enum Format: String, CaseIterable {
        case texte, json, junit

        static func parse(_ value: String?) throws(UsageError) -> Format {
            guard let value else { return .texte }
            guard let format = Format(rawValue: value) else {
                throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return format
        }
    }

    static let command = Command(
        name: "test", aliases: ["tester"],
        synopsis: "charte test [--format texte|json|junit] FICHIER…",
        summary: "lance les tests écrits dans les chartes (blocs « test »)",
        description: """
        Chaque assertion est rapportée avec sa ligne, le résultat attendu et le résultat obtenu :
        pour « qui … = A, B », les responsables manquants et en trop ; pour « peut » et « refuse »,
        la décision et les règles qui l'ont prise. Le rapport va sur la sortie standard ; les
        diagnostics d'une charte en erreur vont sur la sortie d'erreur (ses tests ne sont pas lancés).
        --format junit écrit un rapport JUnit XML pour l'intégration continue.
        Code de sortie : 0 toutes les assertions réussissent, 1 une assertion échoue ou une charte
        contient une erreur, 2 usage incorrect ou fichier illisible.
        Exemple : charte test --format junit rules/*.charte > rapport.xml
        """,
        options: [.value("--format", "-f", name: "FORMAT", values: Format.allCases.map(\.rawValue), help: "texte (par défaut), json ou junit")],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try Format.parse(arguments.value("--format"))
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "aucun fichier à tester") }
        var reports: [TestReport] = []
        var unreadable = false
        for path in arguments.positionals {
            let loaded: LoadedCharter
            do {
                loaded = try CharterLoader.load(path: path, models: console.modelSearch)
            } catch {
                console.err("charte test : \(error.message)\n")
                unreadable = true
                continue
            }
            do {
                reports.append(QueryEngine(try loaded.requireChecked()).runTests())
            } catch {
                // Refused as by every command; its tests are reported as not run.
                console.err(error.text(colour: console.colourOnErr))
                reports.append(TestReport(file: path, results: [], charterErrors: error.count.errors))
            }
        }
        switch format {
        case .texte: console.out(TestReportOutput.text(reports))
        case .json: console.out(TestReportOutput.json(reports).rendered(pretty: true) + "\n")
        case .junit: console.out(JUnitReport.render(reports))
        }
        if unreadable { return ExitCode.usage }
        return reports.allSatisfy(\.succeeded) ? ExitCode.success : ExitCode.problems
    }
}
