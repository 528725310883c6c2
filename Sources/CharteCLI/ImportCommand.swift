import Charte

/// `charte importer TABLEAU.tsv|csv [-o FICHIER]`: a charter skeleton from a steps × roles table.
enum ImportCommand {
    static let command = Command(
        name: "importer", aliases: ["import"],
        synopsis: "charte importer TABLEAU.tsv|csv [-o FICHIER]",
        summary: "crée l'ébauche d'une charte à partir d'un tableau étapes × rôles",
        description: """
        Le tableau est un export TSV ou CSV d'un tableur : au-dessus, des lignes de titre
        (ignorées) ; puis une ligne d'en-tête (la première qui a au moins trois cases
        remplies) dont les cases, après la première, nomment les rôles ; puis une ligne par
        étape, la première case donnant son nom. Chaque case remplie devient une tâche dont
        le rôle de la colonne est responsable, avec le texte de la case pour libellé et pour
        note. Des commentaires disent quoi affiner. La charte obtenue se vérifie sans erreur
        ni avertissement. Sans -o, elle s'écrit sur la sortie standard ; avec -o, le fichier
        est écrit de façon atomique.
        \(OutputFile.help)
        Exemple : charte importer organisation.tsv -o rules/college.charte
        """,
        options: [
            .value("-o", "--sortie", name: "FICHIER", help: "écrit la charte dans FICHIER au lieu de la sortie standard"),
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
        if let output = arguments.value("-o"), output != "-" {
            let options = OutputFile.options(arguments, inputs: [path])
            guard OutputFile.write(skeleton.text, to: output, options: options, command: "importer", console: console) else {
                return ExitCode.usage
            }
            console.notice("charte importer : \(summary) écrites dans « \(output) »\n")
        } else {
            console.out(skeleton.text)
        }
        return check.hasErrors ? ExitCode.problems : ExitCode.success
    }
}
