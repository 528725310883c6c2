import Charte

/// `charte aplatir CHARTE [-o SORTIE]`: an adaptation of a model written out as one
/// standalone charter (the model with the school's changes applied).
enum FlattenCommand {
    static let command = Command(
        name: "aplatir", aliases: ["flatten"],
        synopsis: "charte aplatir FICHIER [-o SORTIE]",
        summary: "écrit une charte adaptée d'un modèle en un seul fichier autonome",
        description: """
        Une charte qui adapte un modèle (« adapte "modeles/academie.charte" ») ne se lit
        qu'avec lui. aplatir écrit la charte effective en un seul fichier, sans « adapte » :
        le modèle avec les changements de l'établissement (modifie, retire, tient, ajouts).
        Ce fichier se vérifie sans erreur et donne les mêmes réponses (qui, peut, test) que
        la charte adaptée ; il sert à l'archiver, à l'envoyer, ou à le lire d'un seul tenant.
        Il est produit : on modifie la charte adaptée, pas lui. Les commentaires ne sont pas
        repris et la mise en page est celle de charte fmt.
        Une charte qui contient une erreur n'est pas aplatie : ses diagnostics s'écrivent sur
        la sortie d'erreur (code de sortie 1). Le modèle est cherché à côté du fichier, puis
        dans les dossiers de --modeles et de CHARTE_MODELES.
        Le résultat va sur la sortie standard, ou dans SORTIE avec -o (écriture atomique).
        \(OutputFile.help)
        Exemple : charte aplatir rules/modeles/college-adapte.charte -o college-aplati.charte
        """,
        options: [
            .value("--sortie", "-o", name: "SORTIE", help: "écrit dans ce fichier au lieu de la sortie standard"),
            OutputFile.force,
            OutputFile.inPlace,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let path = arguments.positionals.first else { throw UsageError(message: "aucune charte à aplatir") }
        guard arguments.positionals.count == 1 else {
            throw UsageError(message: "une seule charte à la fois (reçu : \(arguments.positionals.joined(separator: " ")))")
        }
        let charter: CheckedCharter
        switch CheckedInput.load(path, command: "aplatir", console: console) {
        case .success(let checked): charter = checked
        case .failure(let status): return status.code
        }
        let text = Flattening.text(of: charter)
        guard let output = arguments.value("--sortie"), output != "-" else {
            console.out(text)
            return ExitCode.success
        }
        let options = OutputFile.options(arguments, inputs: [path] + charter.sources.files.map(\.name))
        guard OutputFile.write(text, to: output, options: options, command: "aplatir", console: console) else {
            return ExitCode.usage
        }
        return ExitCode.success
    }
}
