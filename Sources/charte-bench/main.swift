// charte-bench: performance measurements of the Charte engine, on generated inputs.
//
//   swift run -c release charte-bench [verifier] [peut] [qui] [journal] [demarrage] [lsp] [diff] [import] [analyser] [modeles] [--json] [--rapide]
//   swift run -c release charte-bench peut --charte FICHIER --requetes FICHIER [--json]
//
// Every measurement also checks its answers (exit 1 on a mismatch); `--rapide` runs tiny
// sizes for CI. Progress goes to standard error, the table (or JSON) to standard output.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Charte

let usage = """
Usage : charte-bench [verifier] [peut] [qui] [journal] [demarrage] [lsp] [diff] [import] [analyser] [modeles] [--rapide] [--json]
        charte-bench peut --charte FICHIER --requetes FICHIER [--json]

Mesure le vérificateur (lexer, parseur, checker) sur des chartes générées de 1 000,
10 000 et 100 000 tâches, les décisions « peut » et les requêtes « qui » sur la charte
d'exemple et sur une charte de 5 000 règles, un journal d'un million de lignes, et le
démarrage de « charte verifier », et le serveur de langage (d'un « didChange » aux
diagnostics publiés, sur la charte d'exemple), « charte diff » (les chartes fournies,
et une charte de 5 000 règles contre sa copie dont 1 % des règles changent), et l'import de
tableaux de 5 000, 10 000 et 20 000 lignes, et « charte analyser » (les chartes
fournies, et l'exemple avec son journal). Chaque débit est aussi donné en
fraction d'un plancher (une simple boucle sur les mêmes octets, ou des lectures dans une
table de réponses précalculées). Les réponses sont vérifiées contre un évaluateur naïf :
code de sortie 1 en cas d'écart.

  --rapide             petites tailles, pour l'intégration continue
  --tailles N,N        avec « verifier » : les nombres de tâches des chartes générées
  --json               un objet par mesure (name, size, median, min, max, unit, floor_ratio)
  --charte FICHIER     avec « peut » : la charte à interroger
  --requetes FICHIER   avec « peut » : une requête « peut ACTEUR ACTION OBJET » par ligne
  --generer taches|regles N
                       écrit sur la sortie la charte générée de N tâches (ou N règles)
  --profiler lexer|parseur|checker|tout N [TACHES]
                       répète une phase sur la charte générée (100 000 tâches), N fois,
                       sans rien mesurer : à lancer sous « perf record » ou callgrind
  --profiler journal N [LIGNES]
                       de même, la vérification du journal généré (1 000 000 lignes)

"""

func fail(_ message: String) -> Never {
    let bytes = Array("charte-bench : \(message)\n".utf8)
    bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    exit(2)
}

func output(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
}

var suites: [String] = []
var quick = false, json = false
var charterPath: String?, requestsPath: String?
var verifierSizes: [Int]?
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--rapide": quick = true
    case "--json": json = true
    case "--charte", "--requetes":
        guard !arguments.isEmpty else { fail("l'option \(argument) attend un fichier") }
        if argument == "--charte" { charterPath = arguments.removeFirst() } else { requestsPath = arguments.removeFirst() }
    case "--tailles":
        guard let list = arguments.first, case let sizes = list.split(separator: ",").compactMap({ Int($0) }),
              !sizes.isEmpty, sizes.allSatisfy({ $0 > 0 }) else { fail("--tailles attend des nombres de tâches (1000,10000)") }
        arguments.removeFirst()
        verifierSizes = sizes
    case "--interne-memoire":
        // Internal: the child process of the peak-memory measurement.
        guard let size = arguments.first.flatMap({ Int($0) }) else { fail("taille attendue") }
        output(VerifierSuite.measurePeakMemory(size: size) + "\n")
        exit(0)
    case "--interne-memoire-journal":
        // Internal: the child that checks a journal file and renders its report (texte|json).
        guard arguments.count >= 2 else { fail("journal et format attendus") }
        output(JournalSuite.measurePeakMemory(journal: arguments[0], format: arguments[1]) + "\n")
        exit(0)
    case "--generer":
        // Writes a generated charter to standard output: `--generer taches N` or `--generer regles N`.
        guard arguments.count >= 2, let size = Int(arguments[1]) else { fail("--generer taches|regles N") }
        let bytes = arguments[0] == "regles"
            ? CharterGenerator.rulesCharter(rules: size, tasks: max(8, size / 8), actions: max(4, size / 40))
            : CharterGenerator.verifierCharter(tasks: size)
        bytes.withUnsafeBytes { _ = write(1, $0.baseAddress, $0.count) }
        exit(0)
    case "--profiler" where arguments.first == "journal":
        guard arguments.count >= 2, let repetitions = Int(arguments[1]), repetitions > 0 else { fail("--profiler journal N [LIGNES]") }
        let rows = arguments.count >= 3 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
        JournalSuite.profile(rows: rows, repetitions: repetitions)
        exit(0)
    case "--profiler":
        guard arguments.count >= 2, let repetitions = Int(arguments[1]), repetitions > 0,
              let phase = VerifierSuite.Phase(rawValue: arguments[0]) else { fail("--profiler lexer|parseur|checker|tout N") }
        let tasks = arguments.count >= 3 ? Int(arguments[2]) ?? 100_000 : 100_000
        VerifierSuite.profile(phase, tasks: tasks, repetitions: repetitions)
        exit(0)
    case "--help", "-h", "--aide":
        output(usage)
        exit(0)
    case "verifier", "peut", "qui", "journal", "demarrage", "lsp", "diff", "import", "analyser", "modeles":
        suites.append(argument)
    default:
        fail("argument inconnu « \(argument) »\n\n" + usage)
    }
}

let report = Report(json: json)

if charterPath != nil || requestsPath != nil {
    // `peut --charte FICHIER --requetes FICHIER`: a given charter and requests.
    guard let charterPath, let requestsPath, suites == ["peut"] || suites.isEmpty else {
        fail("--charte et --requetes vont ensemble, avec la mesure « peut »")
    }
    guard let charterBytes = FileAccess.read(charterPath) else { fail("impossible de lire « \(charterPath) »") }
    guard let requestBytes = FileAccess.read(requestsPath) else { fail("impossible de lire « \(requestsPath) »") }
    let loaded = CharterLoader.check(bytes: charterBytes, name: charterPath, limits: VerifierSuite.limits)
    guard let charter = loaded.checked?.model else { fail("« \(charterPath) » a des erreurs (voir charte verifier)") }
    let requests: [Request]
    do {
        requests = try Requests.read(requestBytes, name: requestsPath, charter: charter)
    } catch {
        fail(error.message)
    }
    guard !requests.isEmpty else { fail("aucune requête dans « \(requestsPath) »") }
    let suite = DecisionSuite(report: report, quick: quick)
    if let counts = suite.measure(name: charterPath, bytes: charterBytes, requests: requests) {
        report.note("décisions : " + Outcome.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }
} else {
    let chosen = suites.isEmpty ? ["verifier", "peut", "qui", "journal", "demarrage", "lsp", "diff", "import", "analyser", "modeles"] : suites
    report.note("charge de la machine au début : \(Machine.loadAverage)")
    let start = Clock.now()
    if chosen.contains("verifier") { VerifierSuite(report: report, quick: quick, sizes: verifierSizes).run() }
    if chosen.contains("peut") { DecisionSuite(report: report, quick: quick).run() }
    if chosen.contains("qui") { QuiSuite(report: report, quick: quick).run() }
    if chosen.contains("journal") { JournalSuite(report: report, quick: quick).run() }
    if chosen.contains("demarrage") { StartupSuite(report: report, quick: quick).run() }
    if chosen.contains("lsp") { LanguageServerSuite(report: report, quick: quick).run() }
    if chosen.contains("diff") { DiffSuite(report: report, quick: quick).run() }
    if chosen.contains("import") { ImportSuite(report: report, quick: quick).run() }
    if chosen.contains("analyser") { AnalyseSuite(report: report, quick: quick).run() }
    if chosen.contains("modeles") { ModelsSuite(report: report, quick: quick).run() }
    report.note("charge de la machine à la fin : \(Machine.loadAverage)")
    report.note("durée totale : \(Report.number(Clock.now() - start)) s\(quick ? " (mode rapide)" : "")")
}

output(report.render())
exit(report.failures.isEmpty ? 0 : 1)
