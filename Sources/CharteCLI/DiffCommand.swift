import Charte

/// `charte diff ANCIENNE NOUVELLE`: what a revision of the charter changes, and for whom.
enum DiffCommand {
    /// The output formats of the comparison.
    enum Format: String, CaseIterable {
        case texte, markdown, html, json

        static func parse(_ value: String?) throws(UsageError) -> Format {
            guard let value else { return .texte }
            guard let format = Format(rawValue: value) else {
                throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return format
        }
    }

    static let command = Command(
        name: "diff", aliases: ["comparer"],
        synopsis: "charte diff ANCIENNE NOUVELLE [--journal JOURNAL.csv [--date AAAA-MM-JJ]] [--format texte|markdown|html|json] [--refuser-gains]",
        summary: "compare deux versions d'une charte : ce qui change, et pour qui",
        description: """
        Pour chaque rôle et chaque action, les objets désormais permis, refusés ou indéterminés
        (calculés exactement, sur les mêmes objets que les vérifications de couverture) ; pour
        chaque tâche (reconnue par son identifiant, ou par son intitulé ou sa note si elle a été
        renommée), les lettres gagnées et perdues ; les tâches et étapes ajoutées ou supprimées ;
        les échéances déplacées (en dates réelles), nouvelles, ou qui tombent désormais pendant
        les vacances, un week-end ou un jour férié ; les assertions de test dont le résultat
        change ; avec --journal, les lignes du journal dont la décision ou le statut d'échéance
        (à la date --date, par défaut aujourd'hui) change ; enfin un bilan par rôle.
        La première ligne résume : « 2 rôles concernés : 1 permission gagnée, 1 perdue ;
        1 échéance déplacée », ou « aucun changement ». --format markdown et html donnent un
        document imprimable pour les conseils, json une sortie pour les outils.
        Code de sortie : 0 ; avec --refuser-gains, 1 si un rôle gagne une permission ; 1 si une
        des chartes a des erreurs (ses diagnostics, et aucune comparaison) ; 2 si un fichier ne
        peut pas être lu.
        Exemples :
          charte diff rules/etablissement-exemple.charte Tests/Fixtures/Diff/etablissement-2027-2028.charte
          charte diff ancienne.charte nouvelle.charte --format html > revision.html
          charte diff ancienne.charte nouvelle.charte --refuser-gains   # en intégration continue
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", help: "texte (par défaut), markdown, html ou json"),
            .value("--journal", "-j", name: "JOURNAL", help: "un journal (CSV) à juger avec les deux chartes"),
            .value("--date", "-d", name: "DATE", help: "avec --journal : date du bilan, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut aujourd'hui)"),
            .flag("--refuser-gains", help: "code de sortie 1 si un rôle gagne une permission (pour l'intégration continue)"),
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try Format.parse(arguments.value("--format"))
        guard arguments.positionals.count == 2 else {
            throw UsageError(message: "attendu deux chartes, l'ancienne puis la nouvelle (reçu \(arguments.positionals.count) argument\(arguments.positionals.count > 1 ? "s" : ""))")
        }
        let (oldPath, newPath) = (arguments.positionals[0], arguments.positionals[1])
        // Either charter with errors: its diagnostics (both charters' when both have some), and no comparison at all.
        var checked: [CheckedCharter] = []
        var status = ExitCode.success
        for path in [oldPath, newPath] {
            switch CheckedInput.load(path, command: "diff", console: console) {
            case .success(let charter): checked.append(charter)
            case .failure(let failure): status = max(status, failure.code)
            }
        }
        guard status == ExitCode.success, checked.count == 2 else { return status }
        var diff = CharterDiff(old: checked[0], new: checked[1])
        if let journalPath = arguments.value("--journal") {
            let date = try DateArgument.parseOrToday(arguments.value("--date"), option: "--date")
            guard let bytes = FileAccess.read(journalPath) else {
                console.err("charte diff : impossible de lire le journal « \(ControlCharacters.escaped(journalPath)) »\n")
                return ExitCode.usage
            }
            diff.compareJournal(bytes, old: checked[0], new: checked[1], date: date)
        } else if arguments.value("--date") != nil {
            throw UsageError(message: "--date ne sert qu'avec --journal")
        }
        switch format {
        case .texte: console.out(DiffTextRenderer(oldName: oldPath, newName: newPath).render(diff))
        case .json: console.out(DiffJSONRenderer(oldName: oldPath, newName: newPath).render(diff))
        case .markdown: console.out(DiffMarkdownRenderer.render(DiffDocument(diff, oldName: oldPath, newName: newPath)))
        case .html: console.out(DiffHTMLRenderer.render(DiffDocument(diff, oldName: oldPath, newName: newPath)))
        }
        return arguments.has("--refuser-gains") && diff.grantsPermission ? ExitCode.problems : ExitCode.success
    }
}
