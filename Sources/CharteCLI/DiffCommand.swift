import Charte

/// `charte diff ANCIENNE NOUVELLE`: what a revision of the charter changes, and for whom.
enum DiffCommand {
    /// The output formats of the comparison.
    enum Format: String, CaseIterable {
        case texte

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
        synopsis: "charte diff ANCIENNE NOUVELLE [--format texte] [--refuser-gains]",
        summary: "compare deux versions d'une charte : ce qui change, et pour qui",
        description: """
        Pour chaque rôle et chaque action, les objets désormais permis, refusés ou indéterminés
        (calculés exactement, sur les mêmes objets que les vérifications de couverture) ; pour
        chaque tâche (reconnue par son identifiant, ou par son intitulé ou sa note si elle a été
        renommée), les lettres gagnées et perdues ; les tâches et étapes ajoutées ou supprimées ;
        les échéances déplacées (en dates réelles), nouvelles, ou qui tombent désormais pendant
        les vacances ou un week-end ; les assertions de test dont le résultat change ; enfin un
        bilan par rôle. La première ligne résume : « 2 rôles concernés : 1 permission gagnée,
        1 perdue ; 1 échéance déplacée », ou « aucun changement ».
        Code de sortie : 0 ; avec --refuser-gains, 1 si un rôle gagne une permission ; 1 si une
        des chartes a des erreurs (ses diagnostics, et aucune comparaison) ; 2 si un fichier ne
        peut pas être lu.
        Exemple : charte diff rules/etablissement-exemple.charte Tests/Fixtures/Diff/etablissement-2027-2028.charte
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", help: "texte (par défaut)"),
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
        let diff = CharterDiff(old: checked[0], new: checked[1])
        switch format {
        case .texte: console.out(DiffTextRenderer(oldName: oldPath, newName: newPath).render(diff))
        }
        return arguments.has("--refuser-gains") && diff.grantsPermission ? ExitCode.problems : ExitCode.success
    }
}
