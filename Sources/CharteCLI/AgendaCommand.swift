import Charte

/// `charte agenda CHARTE [JOURNAL.csv]`: what each actor has to do next.
enum AgendaCommand {
    static let command = Command(
        name: "agenda", aliases: [],
        synopsis: "charte agenda CHARTE [JOURNAL.csv] [--date AAAA-MM-JJ] [--jusqu-a AAAA-MM-JJ] [--format texte|json]",
        summary: "ce que chaque acteur a à faire ensuite (tâches ouvertes, par date)",
        description: """
        Pour chaque acteur, les tâches encore ouvertes à --date (par défaut aujourd'hui) dont il
        est responsable (R), approbateur (A) ou aide (S), en retard d'abord puis par échéance.
        Avec un journal, les tâches qu'il marque faites disparaissent et chaque événement
        (arrivée ou départ d'un élève…) ajoute les tâches qu'il déclenche.
        Code de sortie : 0, ou 1 si la charte a des erreurs, 2 si un fichier ne peut pas être lu.
        Exemple : charte agenda rules/etablissement-exemple.charte --date 2026-09-01 --jusqu-a 2026-10-31
        """,
        options: [
            .value("--date", "-d", name: "DATE", help: "date de l'agenda, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut aujourd'hui)"),
            .value("--jusqu-a", name: "DATE", help: "n'affiche que les échéances jusqu'à cette date"),
            .value("--format", "-f", name: "FORMAT", values: ReportFormat.allCases.map(\.rawValue), help: "texte (par défaut) ou json"),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try ReportFormat.parse(arguments.value("--format"))
        guard (1...2).contains(arguments.positionals.count) else {
            throw UsageError(message: "attendu une charte et, au choix, un journal")
        }
        let date = try DateArgument.parseOrToday(arguments.value("--date"), option: "--date")
        let until = try DateArgument.parse(arguments.value("--jusqu-a"), option: "--jusqu-a")
        let charterPath = arguments.positionals[0]
        let journalPath = arguments.positionals.count > 1 ? arguments.positionals[1] : nil
        try StandardInputOnce.check(arguments.positionals)
        let charter: CheckedCharter
        switch CheckedInput.load(charterPath, command: "agenda", console: console) {
        case .success(let checked): charter = checked
        case .failure(let status): return status.code
        }
        var instances = DeadlineSchedule(charter: charter, at: date).instances
        if let journalPath {
            let checker = JournalChecker(charter: charter, date: date)
            let report: JournalReport
            do {
                report = try checker.check(path: journalPath)
            } catch {
                console.err("charte agenda : impossible de lire le journal « \(ControlCharacters.escaped(journalPath)) »\n")
                return ExitCode.usage
            }
            if !report.issues.isEmpty {
                console.notice("charte agenda : \(report.issues.count) ligne(s) du journal non lue(s) ou lue(s) en partie (détail : charte journal)\n")
            }
            instances = report.instances
        }
        let agenda = Agenda(charter: charter, instances: instances, date: date, until: until)
        switch format {
        case .texte:
            var renderer = AgendaTextRenderer(charter: charter.model, charterName: charterPath, journalName: journalPath)
            renderer.width = console.textWidth
            console.out(renderer.render(agenda))
        case .json:
            console.out(AgendaJSONRenderer(charter: charter.model, charterName: charterPath, journalName: journalPath).render(agenda))
        }
        return ExitCode.success
    }
}
