import Charte

/// The output formats of reports (`journal`, `agenda`).
enum ReportFormat: String, CaseIterable {
    case texte, json

    static func parse(_ value: String?) throws(UsageError) -> ReportFormat {
        guard let value else { return .texte }
        guard let format = ReportFormat(rawValue: value) else {
            throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}

/// `charte journal CHARTE JOURNAL.csv`: checks what really happened against the charter.
enum JournalCommand {
    static let command = Command(
        name: "journal", aliases: [],
        synopsis: "charte journal CHARTE JOURNAL.csv [--date AAAA-MM-JJ] [--format texte|json] [--tolerer-indetermines]",
        summary: "vérifie un journal (CSV) contre les permissions et les échéances de la charte",
        description: """
        Le journal est un CSV (séparateur « , » ou « ; », UTF-8, Windows-1252 ou UTF-16) avec une
        ligne d'en-tête : date, acteur, action, tache, puis des colonnes d'attributs (categorie,
        licence…). Acteurs, actions, tâches et valeurs s'écrivent par leur identifiant ou leur
        libellé, sans souci des majuscules, des accents, des tirets ni des espaces.
        Chaque ligne d'action finit autorisée, refusée, indéterminée ou non vérifiable (acteur,
        action ou valeur inconnus, ligne illisible). Le rapport liste les actions refusées, les
        tâches en retard, celles faites en retard, celles à faire dans les 7 jours, les lignes
        non vérifiables, puis un bilan par rôle. Les lignes datées après --date (par défaut
        aujourd'hui) sont laissées de côté.
        Code de sortie : 1 s'il y a une action refusée, une ligne non vérifiable ou non lue, une
        action indéterminée (sauf avec --tolerer-indetermines) ou une tâche en retard (ou si la
        charte a des erreurs), 0 sinon, 2 si un fichier ne peut pas être lu.
        Exemple : charte journal rules/etablissement-exemple.charte rules/journal-2026-2027.csv --date 2027-05-24
        """,
        options: [
            .value("--date", "-d", name: "DATE", help: "date du bilan, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut aujourd'hui)"),
            .value("--format", "-f", name: "FORMAT", values: ReportFormat.allCases.map(\.rawValue), help: "texte (par défaut) ou json"),
            .flag("--tolerer-indetermines", help: "les actions indéterminées (attribut manquant) ne font pas échouer"),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try ReportFormat.parse(arguments.value("--format"))
        guard arguments.positionals.count == 2 else {
            throw UsageError(message: "attendu une charte et un journal (reçu \(arguments.positionals.count) argument\(arguments.positionals.count > 1 ? "s" : ""))")
        }
        let date = try DateArgument.parseOrToday(arguments.value("--date"), option: "--date")
        let (charterPath, journalPath) = (arguments.positionals[0], arguments.positionals[1])
        try StandardInputOnce.check([charterPath, journalPath])
        let charter: CheckedCharter
        switch CheckedInput.load(charterPath, command: "journal", console: console) {
        case .success(let checked): charter = checked
        case .failure(let status): return status.code
        }
        let checker = JournalChecker(charter: charter, date: date,
                                     toleratesUndetermined: arguments.has("--tolerer-indetermines"))
        let report: JournalReport
        do {
            report = try checker.check(path: journalPath)
        } catch {
            console.err("charte journal : impossible de lire le journal « \(ControlCharacters.escaped(journalPath)) »\n")
            return ExitCode.usage
        }
        switch format {
        case .texte:
            // Written piece by piece: a report of millions of rows is never held whole.
            var renderer = JournalTextRenderer(charter: charter.model, charterName: charterPath, journalName: journalPath)
            renderer.width = console.textWidth
            renderer.render(report) { console.out($0) }
        case .json:
            JournalJSONRenderer(charter: charter.model, charterName: charterPath, journalName: journalPath).render(report) { console.out($0) }
        }
        return report.hasProblems ? ExitCode.problems : ExitCode.success
    }
}

/// Standard input can be read once: `-` may name one input of a command, not two.
enum StandardInputOnce {
    static func check(_ paths: [String]) throws(UsageError) {
        if paths.filter({ $0 == InputPath.standardInput }).count > 1 {
            throw UsageError(message: "« - » (l'entrée standard) ne peut être lue qu'une fois : donnez un fichier pour l'autre")
        }
    }
}
