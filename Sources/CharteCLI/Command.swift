import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit codes, the same for every command.
public enum ExitCode {
    /// Nothing wrong (warnings allowed).
    public static let success: Int32 = 0
    /// Problems found in the input (errors, refused actions, failed tests…).
    public static let problems: Int32 = 1
    /// The command could not run (usage, unreadable file).
    public static let usage: Int32 = 2
}

/// One subcommand of `charte`.
public struct Command: Sendable {
    /// The French name (`verifier`).
    public let name: String
    /// Other accepted names (`check`).
    public let aliases: [String]
    /// The synopsis line (`charte verifier FICHIER…`).
    public let synopsis: String
    /// One line for `charte --help`.
    public let summary: String
    /// A longer description for `charte COMMANDE --help`.
    public let description: String
    /// The options it accepts.
    public let options: [OptionSpec]
    /// Runs the command with its parsed arguments.
    public let run: @Sendable (ParsedArguments, Console) throws(UsageError) -> Int32
    /// What its arguments are, for shell completion.
    public var operands = Operands.files

    /// What a command's arguments are, for shell completion.
    public enum Operands: Sendable {
        /// File names.
        case files
        /// One of these words.
        case words([String])
        /// The name of a command.
        case commands
        /// Nothing that can be completed (a code, a query).
        case free
    }

    /// The full help of the command.
    public var help: String {
        var text = "Usage : \(synopsis)\n\n\(summary)\n"
        if !description.isEmpty { text += "\n\(description)\n" }
        text += "\nOptions :\n\(ArgumentParser.helpLines(options))\n"
        return text
    }
}

/// The entry point of the command line: argv → command → exit code.
public enum CLI {
    /// The version printed by `charte --version`.
    public static let version = "1.0.0"

    /// Every command, in the order `charte --help` lists them.
    public static let commands: [Command] = [
        VerifyCommand.command,
        QueryCommand.requete,
        QueryCommand.qui,
        QueryCommand.peut,
        QueryCommand.taches,
        QueryCommand.echeances,
        QueryCommand.montre,
        ReplCommand.command,
        TestCommand.command,
        JournalCommand.command,
        AgendaCommand.command,
        AnalyseCommand.command,
        DiffCommand.command,
        FormatCommand.command,
        FlattenCommand.command,
        ExportCommand.command,
        ImportCommand.command,
        ExplainCommand.command,
        LanguageServerCommand.command,
        CompletionCommand.command,
        ManCommand.command,
        HelpCommand.command,
    ]

    /// Runs `charte` with its arguments (without the program name).
    public static func run(_ given: [String], console: Console) -> Int32 {
        let arguments: [String]
        do throws(UsageError) {
            arguments = try GlobalOptions.apply(to: given, console: console)
        } catch {
            console.err("charte : \(ControlCharacters.escaped(error.message))\nLancez « charte --help » pour l'aide.\n")
            return ExitCode.usage
        }
        let status = dispatch(arguments, console: console)
        // What was not written is lost: never exit 0 (or 1, "problems found") after it.
        if let failure = console.outputFailure {
            let reason = failure == EPIPE ? "la sortie a été fermée (tube interrompu)"
                : failure == ENOSPC ? "plus de place sur le disque" : "erreur système \(failure)"
            console.err("charte : impossible d'écrire sur la sortie standard : \(reason)\n")
            return ExitCode.usage
        }
        return status
    }

    /// Runs the command named by the first argument.
    static func dispatch(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(mainHelp)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h":
            console.out(mainHelp)
            return ExitCode.success
        case "--version", "-V", "version":
            return printVersion(Array(arguments.dropFirst()), console: console)
        default:
            break
        }
        guard let command = command(named: first) else { return unknownCommand(first, console: console) }
        do {
            let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), options: command.options)
            if parsed.has("--help") {
                console.out(command.help)
                return ExitCode.success
            }
            return try command.run(parsed, console)
        } catch {
            console.err("charte \(command.name) : \(ControlCharacters.escaped(error.message))\nLancez « charte \(command.name) --help » pour l'aide.\n")
            return ExitCode.usage
        }
    }

    /// The command a name or alias designates.
    static func command(named name: String) -> Command? {
        commands.first { $0.name == name || $0.aliases.contains(name) }
    }

    static func unknownCommand(_ name: String, console: Console) -> Int32 {
        let names = commands.flatMap { [$0.name] + $0.aliases }
        let close = names.filter { Suggestions.editDistance($0, name, limit: 2) <= 2 }
        let hint = close.first.map { " Vouliez-vous dire « \($0) » ?" } ?? ""
        console.err("charte : commande inconnue « \(ControlCharacters.escaped(name)) ».\(hint)\nLancez « charte --help » pour la liste des commandes.\n")
        return ExitCode.usage
    }

    /// `charte --version [--format texte|json]`.
    private static func printVersion(_ arguments: [String], console: Console) -> Int32 {
        let format: AnswerFormat
        do throws(UsageError) {
            let parsed = try ArgumentParser.parse(arguments, options: [QueryCommand.formatOption])
            guard parsed.positionals.isEmpty else { throw UsageError(message: "--version ne prend pas d'argument") }
            format = try AnswerFormat.parse(parsed.value("--format"))
        } catch {
            console.err("charte : \(error.message)\n")
            return ExitCode.usage
        }
        switch format {
        case .texte: console.out("charte \(version)\n")
        case .json: console.out(JSON.object([("nom", .string("charte")), ("version", .string(version))]).rendered(pretty: true) + "\n")
        }
        return ExitCode.success
    }

    /// The text of `charte --help`.
    public static var mainHelp: String {
        let width = commands.map(\.name.count).max() ?? 0
        let lines = commands.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count + 2) + command.summary
        }
        return """
        charte \(version) — la charte des rôles numériques d'un établissement scolaire

        Usage : charte COMMANDE [OPTIONS] [ARGUMENTS]

        Commandes :
        \(lines.joined(separator: "\n"))

        Options générales :
        \(GlobalOptions.helpLines)

        Codes de sortie : 0 aucun problème, 1 problèmes trouvés, 2 la commande n'a pas pu s'exécuter.
        Aide d'une commande : charte help COMMANDE (ou charte COMMANDE --help).

        """
    }
}
