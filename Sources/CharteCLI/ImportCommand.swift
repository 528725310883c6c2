import Charte

/// `charte importer TABLEAU.tsv|csv [-o FICHIER] [--rapport FICHIER]`: a charter from a steps ×
/// roles table, with what the cells' words let it guess, and a short report of the guesses.
enum ImportCommand {
    static let command = Command(
        name: "importer", aliases: ["import"],
        synopsis: "charte importer TABLEAU.tsv|csv [-o FICHIER] [--rapport FICHIER]",
        summary: "crée une charte à partir d'un tableau étapes × rôles",
        description: """
        Le tableau est un export TSV ou CSV d'un tableur : au-dessus, des lignes de titre
        (ignorées) ; puis une ligne d'en-tête (la première qui a au moins trois cases
        remplies) dont les cases, après la première, nomment les rôles ; puis une ligne par
        étape, la première case donnant son nom. Chaque case remplie devient une tâche dont
        le rôle de la colonne est responsable : son libellé est le début de la case, sa note
        la case entière.
        L'import lit aussi les mots des cases et écrit ce qu'il en devine : les conseils cités
        (« en conseil pédagogique ») deviennent des instances (en, approbateur quand la case
        dit « validé ») ; les verbes d'action (« attribue les licences », « affecte dans le
        GAR ») des actions, partagées entre les cases qui disent la même chose ; les dates
        (« avant la fin juin », « avant le 4 décembre ») des échéances, avec un calendrier
        2026-2027 de zone B à corriger ; les délais (« dans les trois jours ouvrés suivant
        l'arrivée d'un élève ») un événement, quand et délai. Les autres rôles cités
        (« en collaboration avec », « transmet au ») sont proposés en commentaire :
        « # proposé : aide … », à accepter en retirant « # proposé : ». Ce que la vérification
        refuserait est aussi écrit en commentaire, avec la raison. La charte obtenue se
        vérifie sans erreur ni avertissement.
        Un court rapport de ce qui a été deviné s'écrit sur la sortie d'erreur (ou dans le
        fichier de --rapport ; --quiet le tait). Sans -o, la charte s'écrit sur la sortie
        standard ; avec -o, le fichier est écrit de façon atomique.
        \(OutputFile.help)
        Exemple : charte importer organisation.tsv -o rules/college.charte
        """,
        options: [
            .value("-o", "--sortie", name: "FICHIER", help: "écrit la charte dans FICHIER au lieu de la sortie standard"),
            .value("--rapport", name: "FICHIER", help: "écrit le rapport de ce qui a été deviné dans FICHIER au lieu de la sortie d'erreur"),
            OutputFile.force,
            OutputFile.inPlace,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let path = arguments.positionals.first else { throw UsageError(message: "aucun tableau à importer") }
        guard arguments.positionals.count == 1 else { throw UsageError(message: "un seul tableau à la fois") }
        let reading: TableReading
        do {
            reading = try TableReader.read(path: path)
        } catch {
            console.err("charte importer : \(error.message)\n")
            if case .unreadable = error { return ExitCode.usage }
            return ExitCode.problems
        }
        for warning in reading.warnings { console.notice("charte importer : \(path) : \(warning)\n") }
        let skeleton = CharterSkeleton(table: reading.table, source: path)
        let check = CharterLoader.check(text: skeleton.text, name: arguments.value("-o") ?? "<importée>")
        if !check.diagnostics.isEmpty {
            var printer = DiagnosticPrinter(format: .humain, console: console)
            printer.print(check.diagnostics, sources: check.sources)
            console.err("charte importer : la charte produite n'est pas propre (erreur interne, merci de la signaler)\n")
        }
        let tasks = skeleton.steps.reduce(0) { $0 + $1.tasks.count }
        let summary = "\(skeleton.steps.count) étapes, \(skeleton.roles.count) rôles, \(tasks) tâches"
        let options = OutputFile.options(arguments, inputs: [path])
        if let output = arguments.value("-o"), output != "-" {
            guard OutputFile.write(skeleton.text, to: output, options: options, command: "importer", console: console) else {
                return ExitCode.usage
            }
            console.notice("charte importer : \(summary) écrites dans « \(output) »\n")
        } else {
            console.out(skeleton.text)
        }
        let report = TextWrap.wrap(skeleton.report, width: console.textWidth)
        if let reportPath = arguments.value("--rapport") {
            var reportOptions = options
            if let output = arguments.value("-o") { reportOptions.inputs.append(output) }
            guard OutputFile.write(report, to: reportPath, options: reportOptions, command: "importer", console: console) else {
                return ExitCode.usage
            }
        } else {
            console.notice(report)
        }
        return check.hasErrors ? ExitCode.problems : ExitCode.success
    }
}
