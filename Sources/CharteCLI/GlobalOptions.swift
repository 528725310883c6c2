import Charte

/// The options every command accepts, anywhere before `--`: `--quiet`, `--color` and `--modeles`.
enum GlobalOptions {
    /// The options, for help, the man page and completion (`--help` and `--version` included).
    static let specs: [OptionSpec] = [
        .flag("--help", "-h", help: "affiche l'aide (aussi : charte help COMMANDE, charte COMMANDE --help)"),
        .flag("--version", "-V", help: "affiche la version (--version --format json : en JSON)"),
        .flag("--quiet", "-q", help: "n'écrit que les résultats et les erreurs : ni bilan, ni avertissement, ni remarque"),
        .value("--color", "--couleur", name: "QUAND", values: ["auto", "always", "never"],
               help: "couleurs : auto (sur un terminal, par défaut), always ou never (voir FORCE_COLOR, NO_COLOR)"),
        .value("--modeles", name: "DOSSIER", help: "dossier où « adapte » cherche les modèles (aussi : CHARTE_MODELES)"),
    ]

    /// The aligned help lines of `charte --help`.
    static var helpLines: String { ArgumentParser.helpLines(specs, addingHelp: false) }

    /// Sets the console from the global options and returns the other arguments.
    static func apply(to arguments: [String], console: Console) throws(UsageError) -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                rest += arguments[(index - 1)...]
                break
            }
            switch argument {
            case "--quiet", "-q":
                console.quiet = true
                continue
            case "--modeles":
                guard index < arguments.count else { throw UsageError(message: "l'option « --modeles » attend une valeur (DOSSIER)") }
                console.modelDirectories.append(arguments[index])
                index += 1
                continue
            case "--color", "--couleur":
                guard index < arguments.count else { throw UsageError(message: "l'option « \(argument) » attend une valeur (QUAND)") }
                console.colourChoice = try choice(arguments[index])
                index += 1
                continue
            default:
                break
            }
            if argument.hasPrefix("--modeles=") {
                console.modelDirectories.append(String(argument.dropFirst("--modeles=".count)))
                continue
            }
            if let equal = argument.firstIndex(of: "="), ["--color", "--couleur"].contains(argument[..<equal]) {
                console.colourChoice = try choice(String(argument[argument.index(after: equal)...]))
                continue
            }
            rest.append(argument)
        }
        return rest
    }

    private static func choice(_ value: String) throws(UsageError) -> ColourChoice {
        guard let choice = ColourChoice.parse(value) else {
            throw UsageError(message: "valeur inconnue « \(value) » pour --color (valeurs : auto, always, never)")
        }
        return choice
    }
}
