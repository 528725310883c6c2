import Charte

/// `charte verifier FICHIER…`: checks charters and reports every diagnostic.
enum VerifyCommand {
    static let command = Command(
        name: "verifier", aliases: ["check", "vérifier"],
        synopsis: "charte verifier [--format humain|gcc|json|sarif|github] [--strict] [--taille-max TAILLE] FICHIER…",
        summary: "vérifie une ou plusieurs chartes et signale chaque problème",
        description: """
        Chaque fichier est une charte vérifiée séparément. En formats humain et gcc, les
        diagnostics s'écrivent sur la sortie d'erreur (le format humain finit par une ligne
        de bilan). Les formats pour les outils s'écrivent sur la sortie standard : json (un
        document avec chaque diagnostic et un bilan), sarif (SARIF 2.1.0, pour l'analyse de
        code de GitHub) et github (commandes de workflow GitHub Actions, une par ligne).
        Code de sortie : 0 sans erreur (avertissements permis), 1 si une erreur est trouvée
        (ou un avertissement avec --strict), 2 si un fichier ne peut pas être lu.
        Exemples : charte verifier rules/etablissement-exemple.charte
                   charte verifier --format sarif rules/*.charte > charte.sarif
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", values: DiagnosticFormat.allCases.map(\.rawValue),
                   help: "humain (par défaut), gcc (une ligne par diagnostic), json, sarif ou github"),
            .flag("--strict", help: "les avertissements comptent comme des erreurs"),
            SizeOption.spec,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let format = try DiagnosticFormat.parse(arguments.value("--format"))
        var limits = Limits.standard
        limits.fileSize = try SizeOption.parse(arguments.value("--taille-max"), default: limits.fileSize)
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "aucun fichier à vérifier") }
        var printer = DiagnosticPrinter(format: format, console: console)
        var errors = 0, warnings = 0
        var unreadable: [String] = []
        for path in arguments.positionals {
            let loaded: LoadedCharter
            do {
                loaded = try CharterLoader.load(path: path, limits: limits, models: console.modelSearch)
            } catch {
                console.err("charte verifier : \(error.message)\n")
                unreadable.append(path)
                continue
            }
            printer.print(loaded.diagnostics, sources: loaded.sources)
            let count = DiagnosticCount(loaded.diagnostics)
            errors += count.errors
            warnings += count.warnings
        }
        printer.finish(unreadable: unreadable)
        if !format.isDocument {
            var summary = HumanRenderer.summary(errors: errors, warnings: warnings)
            if arguments.has("--strict"), warnings > 0 { summary += " (--strict : les avertissements comptent comme des erreurs)" }
            if format.isForPeople || format == .github { console.notice(summary + "\n") }
        }
        if !unreadable.isEmpty { return ExitCode.usage }
        if errors > 0 || (arguments.has("--strict") && warnings > 0) { return ExitCode.problems }
        return ExitCode.success
    }
}
