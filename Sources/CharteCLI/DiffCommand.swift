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
        synopsis: "charte diff ANCIENNE NOUVELLE | --modele ECOLE | --adaptation ECOLE ANCIEN NOUVEAU [--journal JOURNAL.csv [--date AAAA-MM-JJ]] [--format texte|markdown|html|json] [--refuser-gains]",
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
        Pour un établissement qui adapte un modèle (« adapte "…" version "…" ») :
        --modele ECOLE compare le modèle à la charte de l'établissement : ce que l'établissement
        a changé (« charte diff MODELE ECOLE » fait de même quand MODELE est le modèle qu'ECOLE
        adapte). Le modèle est lu avec les rôles de l'établissement : si la documentaliste tient
        le rôle de référent (« role documentaliste tient referent_numerique »), ce que le modèle
        confie au référent lui revient, et seul ce que l'établissement a changé en plus est listé.
        --adaptation ECOLE ANCIEN NOUVEAU applique l'adaptation de l'établissement à deux
        versions du modèle et les compare : ce que la nouvelle version change pour lui. Si
        l'adaptation ne s'applique plus à la nouvelle version (une tâche qu'elle modifie a
        disparu, une règle est désormais verrouillée), ses erreurs sont données, et rien n'est
        comparé.
        Code de sortie : 0 ; avec --refuser-gains, 1 si un rôle gagne une permission ; 1 si une
        des chartes a des erreurs (ses diagnostics, et aucune comparaison) ; 2 si un fichier ne
        peut pas être lu.
        Exemples :
          charte diff rules/etablissement-exemple.charte Tests/Fixtures/Diff/etablissement-2027-2028.charte
          charte diff ancienne.charte nouvelle.charte --format html > revision.html
          charte diff ancienne.charte nouvelle.charte --refuser-gains   # en intégration continue
          charte diff --modele rules/modeles/college-adapte.charte
          charte diff --adaptation rules/modeles/college-adapte.charte rules/modeles/academie-exemple.charte Tests/Fixtures/Diff/modeles/academie-exemple-2026.2.charte
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", help: "texte (par défaut), markdown, html ou json"),
            .value("--journal", "-j", name: "JOURNAL", help: "un journal (CSV) à juger avec les deux chartes"),
            .value("--date", "-d", name: "DATE", help: "avec --journal : date du bilan, AAAA-MM-JJ ou JJ/MM/AAAA (par défaut aujourd'hui)"),
            .flag("--refuser-gains", help: "code de sortie 1 si un rôle gagne une permission (pour l'intégration continue)"),
            .flag("--modele", help: "compare la charte d'un établissement au modèle qu'elle adapte : ce que l'établissement a changé"),
            .value("--adaptation", name: "ECOLE", help: "applique l'adaptation ECOLE à l'ancienne et à la nouvelle version du modèle, puis les compare"),
        ],
        run: run)

    /// The two checked charters to compare, their names for the report, and what they are.
    struct Sides {
        let old: CheckedCharter
        let new: CheckedCharter
        let oldName: String
        let newName: String
        let comparison: DiffComparison
    }

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try Format.parse(arguments.value("--format"))
        let sides: Sides
        switch try load(arguments, console) {
        case .success(let loaded): sides = loaded
        case .failure(let failure): return failure.code
        }
        var diff = CharterDiff(old: sides.old, new: sides.new)
        diff.comparison = sides.comparison
        if let journalPath = arguments.value("--journal") {
            let date = try DateArgument.parseOrToday(arguments.value("--date"), option: "--date")
            guard let bytes = FileAccess.read(journalPath) else {
                console.err("charte diff : impossible de lire le journal « \(ControlCharacters.escaped(journalPath)) »\n")
                return ExitCode.usage
            }
            diff.compareJournal(bytes, old: sides.old, new: sides.new, date: date)
        } else if arguments.value("--date") != nil {
            throw UsageError(message: "--date ne sert qu'avec --journal")
        }
        let (oldName, newName) = (sides.oldName, sides.newName)
        switch format {
        case .texte: console.out(DiffTextRenderer(oldName: oldName, newName: newName).render(diff))
        case .json: console.out(DiffJSONRenderer(oldName: oldName, newName: newName).render(diff))
        case .markdown: console.out(DiffMarkdownRenderer.render(DiffDocument(diff, oldName: oldName, newName: newName)))
        case .html: console.out(DiffHTMLRenderer.render(DiffDocument(diff, oldName: oldName, newName: newName)))
        }
        return arguments.has("--refuser-gains") && diff.grantsPermission ? ExitCode.problems : ExitCode.success
    }

    /// The two sides of the form asked for, or the exit code once the reason is printed.
    static func load(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Result<Sides, ExitStatus> {
        let count = arguments.positionals.count
        let received = "reçu \(count) argument\(count > 1 ? "s" : "")"
        if arguments.has("--modele") {
            guard arguments.value("--adaptation") == nil else { throw UsageError(message: "--modele et --adaptation ne vont pas ensemble") }
            guard count == 1 else {
                throw UsageError(message: "avec --modele, attendu une seule charte : celle de l'établissement, comparée au modèle qu'elle adapte (\(received))")
            }
            return model(ModelComparison.schoolAgainstModel(school: arguments.positionals[0], models: console.modelSearch), console)
        }
        if let school = arguments.value("--adaptation") {
            guard count == 2 else {
                throw UsageError(message: "avec --adaptation ECOLE, attendu deux versions du modèle, l'ancienne puis la nouvelle (\(received))")
            }
            return model(ModelComparison.modelUpdate(school: school, oldModel: arguments.positionals[0], newModel: arguments.positionals[1],
                                                     models: console.modelSearch), console)
        }
        guard count == 2 else {
            throw UsageError(message: "attendu deux chartes, l'ancienne puis la nouvelle (\(received))")
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
        guard status == ExitCode.success, checked.count == 2 else { return .failure(ExitStatus(code: status)) }
        // The model a school adapts, then the school: the same as --modele.
        if ModelComparison.isModel(checked[0], of: checked[1]) {
            return model(ModelComparison.schoolAgainstModel(school: newPath, models: console.modelSearch), console)
        }
        return .success(Sides(old: checked[0], new: checked[1], oldName: oldPath, newName: newPath, comparison: .revision))
    }

    /// The sides of a model form, or its failure printed.
    static func model(_ result: Result<ModelComparison, ModelComparison.Failure>, _ console: Console) -> Result<Sides, ExitStatus> {
        switch result {
        case .success(let comparison):
            guard let context = comparison.comparison.context else { return .failure(ExitStatus(code: ExitCode.usage)) }
            let newName = if case .adaptation = comparison.comparison { context.school } else { context.newModelFile }
            return .success(Sides(old: comparison.old, new: comparison.new, oldName: context.oldModelFile, newName: newName,
                                  comparison: comparison.comparison))
        case .failure(let failure):
            switch failure {
            case .unreadable, .notAnAdaptation:
                console.err("charte diff : \(failure.message)\n")
                return .failure(ExitStatus(code: ExitCode.usage))
            case .refused:
                console.err(failure.text(colour: console.colourOnErr))
                return .failure(ExitStatus(code: ExitCode.problems))
            }
        }
    }
}
