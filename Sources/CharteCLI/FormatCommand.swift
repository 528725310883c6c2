import Charte

/// `charte fmt [--check|--write] FICHIER…`: the one canonical layout of a charter.
enum FormatCommand {
    static let command = Command(
        name: "fmt", aliases: ["formater"],
        synopsis: "charte fmt [--check|--diff|--write] FICHIER…",
        summary: "met une charte en forme (mise en page canonique, commentaires conservés)",
        description: """
        Sans option, écrit la charte mise en forme sur la sortie standard. Avec --check,
        liste les fichiers dont la mise en forme changerait et sort avec le code 1 s'il y
        en a. Avec --diff, écrit ce qui changerait sous forme de diff unifié (à relire, ou à
        appliquer avec patch -p0) et sort avec le code 1 s'il y a une différence. Avec --write, remplace chaque fichier par sa version mise en forme (écriture
        atomique : en cas d'échec, le fichier d'origine reste intact) et liste les fichiers
        modifiés. Un fichier qui contient une erreur de syntaxe n'est jamais modifié : ses
        diagnostics s'écrivent sur la sortie d'erreur et le code de sortie est 1.
        La mise en forme ne change jamais le sens : la charte obtenue se lit exactement
        comme l'originale.
        \(OutputFile.help)
        Exemple : charte fmt --check rules/*.charte
        """,
        options: [
            .flag("--check", help: "liste les fichiers à remettre en forme, sans les modifier (code 1 s'il y en a)"),
            .flag("--diff", help: "écrit les changements en diff unifié, sans modifier les fichiers (code 1 s'il y en a)"),
            .flag("--write", "-w", help: "remplace les fichiers par leur version mise en forme"),
            .value("--format", "-f", name: "FORMAT", values: ["humain", "gcc"], help: "format des diagnostics : humain (par défaut) ou gcc"),
            OutputFile.force,
            OutputFile.inPlace,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        let check = arguments.has("--check"), write = arguments.has("--write"), diff = arguments.has("--diff")
        if [check, write, diff].filter({ $0 }).count > 1 { throw UsageError(message: "--check, --diff et --write s'excluent") }
        let format = try DiagnosticFormat.parse(arguments.value("--format"))
        // The formatted charter or diff goes to standard output: a JSON or SARIF document there would mix with it.
        guard format == .humain || format == .gcc else {
            throw UsageError(message: "format de diagnostics « \(format.rawValue) » refusé par fmt (formats : humain, gcc)")
        }
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "aucun fichier à mettre en forme") }
        var printer = DiagnosticPrinter(format: format, console: console)
        var problems = false, failed = false
        for path in arguments.positionals {
            let outcome: FormatOutcome
            do {
                outcome = try Formatter.format(path: path)
            } catch {
                console.err("charte fmt : \(error.message)\n")
                failed = true
                continue
            }
            switch outcome.result {
            case .syntaxErrors(let diagnostics):
                printer.print(diagnostics, sources: outcome.sources)
                if format == .humain {
                    console.err("charte fmt : « \(ControlCharacters.escaped(path)) » n'est pas mis en forme : corrigez d'abord les erreurs de syntaxe.\n")
                }
                problems = true
            case .meaningChanged:
                console.err("charte fmt : « \(ControlCharacters.escaped(path)) » n'est pas mis en forme : le résultat ne se relirait pas à l'identique (erreur interne, merci de la signaler).\n")
                failed = true
            case .formatted(let text):
                if check {
                    if outcome.changesFile {
                        console.out(path + "\n")
                        problems = true
                    }
                } else if diff {
                    guard outcome.changesFile else { continue }
                    console.out(UnifiedDiff.render(old: String(decoding: outcome.file.bytes, as: UTF8.self), new: text, oldName: path, newName: path))
                    problems = true
                } else if write {
                    guard outcome.changesFile else { continue }
                    let options = OutputFile.options(arguments, inputs: [])
                    if OutputFile.write(text, to: path, options: options, command: "fmt", console: console) {
                        if !console.quiet { console.out(path + "\n") }
                    } else {
                        failed = true
                    }
                } else {
                    console.out(text)
                }
            }
        }
        printer.finish()
        if failed { return ExitCode.usage }
        return problems ? ExitCode.problems : ExitCode.success
    }
}
