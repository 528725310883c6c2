import Charte

/// `charte analyser CHARTE [--format texte|json|html] [--journal J.csv] [-o SORTIE]`: the balance
/// of roles (letters per actor, workload per month, tasks without backup or approver, thresholds).
enum AnalyseCommand {
    /// The formats of the analysis.
    enum Format: String, CaseIterable {
        case texte, json, html
    }

    static let command = Command(
        name: "analyser", aliases: ["analyse"],
        synopsis: "charte analyser CHARTE [--format texte|json|html] [--journal JOURNAL.csv] [-o SORTIE]",
        summary: "l'équilibre des rôles : lettres par acteur, charge par mois, tâches sans relève",
        description: """
        Pour chaque acteur, le nombre de tâches où il est responsable (R), approbateur (A), aide
        (S), consulté (C) ou informé (I) ; la charge de chaque mois d'après les vraies échéances
        (tâches où l'acteur est R, A ou S) ; les tâches déclenchées par un événement (comptées
        dans leur mois avec --journal, d'après les événements du journal) ; les tâches sans
        relève (une seule personne responsable, ni aide ni suppléant), sans approbateur, ou avec
        beaucoup de consultés ; les seuils dépassés. Les seuils se règlent dans la charte :
        seuils { consultes_max 3, taches_par_mois_max 6 } (ce sont les valeurs par défaut).
        Formats : texte (par défaut), json (pour d'autres outils), html (une page autonome et
        imprimable, avec un graphique de la charge par mois et par rôle).
        Le résultat va sur la sortie standard, ou dans SORTIE avec -o (écriture atomique).
        Code de sortie : 0, ou 1 si un seuil est dépassé, si une ligne du journal n'a pas pu
        être lue ou vérifiée, ou si la charte a des erreurs ; 2 si un fichier ne peut pas être lu.
        Exemple : charte analyser rules/etablissement-exemple.charte --journal rules/journal-2026-2027.csv
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", values: Format.allCases.map(\.rawValue), help: "texte (par défaut), json ou html"),
            .value("--journal", "-j", name: "FICHIER", help: "compte les tâches déclenchées par les événements de ce journal (fichier CSV)"),
            .value("--sortie", "-o", name: "SORTIE", help: "écrit dans ce fichier au lieu de la sortie standard"),
            OutputFile.force,
            OutputFile.inPlace,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let path = arguments.positionals.first else { throw UsageError(message: "aucune charte à analyser") }
        guard arguments.positionals.count == 1 else {
            throw UsageError(message: "une seule charte à la fois (reçu : \(arguments.positionals.joined(separator: " ")))")
        }
        let format = try format(arguments.value("--format"), output: arguments.value("--sortie"))
        let journalPath = arguments.value("--journal")
        try StandardInputOnce.check([path] + (journalPath.map { [$0] } ?? []))

        let charter: CheckedCharter
        switch CheckedInput.load(path, command: "analyser", console: console) {
        case .success(let checked): charter = checked
        case .failure(let status): return status.code
        }
        var report: JournalReport?
        if let journalPath {
            // Every row counts, whatever its date: the analysis is of the whole year.
            guard let everyRow = CalendarDate(year: 9999, month: 12, day: 31) else { return ExitCode.usage }
            let checker = JournalChecker(charter: charter, date: everyRow)
            do {
                report = try checker.check(path: journalPath)
            } catch {
                console.err("charte analyser : impossible de lire le journal « \(journalPath) »\n")
                return ExitCode.usage
            }
            if let report, !report.headerUsable {
                let cause = report.issues.first { issue in
                    switch issue.kind {
                    case .missingColumn, .emptyJournal, .csv: true
                    default: false
                    }
                } ?? report.issues.first
                let reason = cause.map { " (ligne \($0.line) : \($0.message))" } ?? ""
                console.err("charte analyser : le journal « \(journalPath) » est illisible\(reason) : rien n'a été compté\n")
                return ExitCode.usage
            }
            if let report, report.counts.notVerifiable > 0 {
                console.notice("charte analyser : \(report.counts.notVerifiable) ligne(s) du journal non lue(s) ou non vérifiable(s) : leurs événements ne sont pas comptés (détail : charte journal)\n")
            }
        }
        let analysis = Analysis(charter: charter, journal: report)
        let text: String
        switch format {
        case .texte: text = AnalysisTextRenderer(charter: charter.model, charterName: path, journalName: journalPath).render(analysis)
        case .json: text = AnalysisJSONRenderer(charter: charter.model, charterName: path, journalName: journalPath).render(analysis)
        case .html: text = AnalysisHTMLRenderer(charter: charter.model, charterName: path, journalName: journalPath).render(analysis)
        }
        let status = analysis.hasProblems ? ExitCode.problems : ExitCode.success
        guard let output = arguments.value("--sortie"), output != "-" else {
            console.out(text)
            return status
        }
        let options = OutputFile.options(arguments, inputs: [path] + (journalPath.map { [$0] } ?? []))
        guard OutputFile.write(text, to: output, options: options, command: "analyser", console: console) else {
            return ExitCode.usage
        }
        return status
    }

    /// The format asked for, else the one the output's extension names (`.json`, `.html`), else text.
    static func format(_ value: String?, output: String?) throws(UsageError) -> Format {
        if let value {
            guard let format = Format(rawValue: value) else {
                throw UsageError(message: "format inconnu « \(value) » (formats : \(Format.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return format
        }
        let extensions: [String: Format] = ["json": .json, "html": .html, "htm": .html]
        if let output, let dot = output.lastIndex(of: "."), let format = extensions[output[output.index(after: dot)...].lowercased()] {
            return format
        }
        return .texte
    }
}
