import Charte

/// `charte aide [COMMANDE]` (alias `help`): the general help, or one command's.
enum HelpCommand {
    static let command = Command(
        name: "aide", aliases: ["help"],
        synopsis: "charte aide [COMMANDE]",
        summary: "affiche l'aide générale, ou celle d'une commande",
        description: """
        Sans argument, la liste des commandes et des options générales (comme charte --help).
        Avec une commande, son aide complète (comme charte COMMANDE --help).
        Exemple : charte help journal
        """,
        options: [],
        run: run,
        operands: .commands)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        switch arguments.positionals.count {
        case 0:
            console.out(CLI.mainHelp)
            return ExitCode.success
        case 1:
            let name = arguments.positionals[0]
            guard let command = CLI.command(named: name) else { return CLI.unknownCommand(name, console: console) }
            console.out(command.help)
            return ExitCode.success
        default:
            throw UsageError(message: "une seule commande à la fois")
        }
    }
}
