import Charte

/// `charte man`: the manual page charte(1), in roff, generated from the same text as
/// `charte --help` and each `charte COMMANDE --help`, so the two never disagree.
enum ManCommand {
    static let command = Command(
        name: "man", aliases: ["manuel"],
        synopsis: "charte man",
        summary: "écrit la page de manuel charte(1) (format roff), tirée de l'aide des commandes",
        description: """
        La page reprend mot pour mot l'aide générale et celle de chaque commande.
        Lecture : charte man | man -l -
        Installation : charte man > ~/.local/share/man/man1/charte.1
        """,
        options: [],
        run: run,
        operands: .free)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard arguments.positionals.isEmpty else { throw UsageError(message: "charte man ne prend pas d'argument") }
        console.out(page())
        return ExitCode.success
    }

    /// The whole page.
    static func page() -> String {
        var text = ".\\\" Produit par « charte man » (charte \(CLI.version)) ; ne pas modifier à la main.\n"
        text += ".TH CHARTE 1 \"\" \"charte \(CLI.version)\" \"Commandes de Charte\"\n"
        text += ".SH NOM\ncharte \\- la charte des rôles numériques d'un établissement scolaire\n"
        text += ".SH SYNOPSIS\n.B charte\n.I COMMANDE\n[OPTIONS] [ARGUMENTS]\n"
        text += ".SH DESCRIPTION\n"
        text += escaped("Charte vérifie une charte des rôles numériques d'un établissement, répond à des questions sur elle, "
                        + "vérifie un journal de ce qui a été fait et exporte la charte pour la lire ou l'imprimer.") + "\n"
        text += ".SH OPTIONS GÉNÉRALES\n"
        for option in GlobalOptions.specs { text += item(option) }
        text += ".SH COMMANDES\n"
        for command in CLI.commands {
            let also = command.aliases.isEmpty ? "" : " (aussi : \(command.aliases.joined(separator: ", ")))"
            text += ".SS \(escaped(command.name + also))\n"
            text += ".B \(escaped(command.synopsis))\n.PP\n"
            text += escaped(command.summary) + ".\n"
            text += paragraphs(command.description)
            let options = command.options + [.help]
            text += ".PP\nOptions :\n"
            for option in options { text += item(option) }
        }
        text += ".SH CODES DE SORTIE\n"
        text += ".TP\n.B 0\naucun problème (les avertissements sont permis)\n"
        text += ".TP\n.B 1\ndes problèmes ont été trouvés (erreurs ; avertissements aussi avec \\-\\-strict)\n"
        text += ".TP\n.B 2\nla commande n'a pas pu s'exécuter (usage incorrect, fichier illisible ou impossible à écrire)\n"
        text += ".SH ENVIRONNEMENT\n"
        text += ".TP\n.B NO_COLOR\nnon vide : pas de couleur (sauf \\-\\-color always)\n"
        text += ".TP\n.B FORCE_COLOR\nnon vide et différent de 0 : des couleurs même hors d'un terminal (sauf \\-\\-color never)\n"
        text += ".TP\n.B XDG_STATE_HOME, HOME\nl'historique de charte repl est dans $XDG_STATE_HOME/charte/historique "
            + "(ou ~/.local/state/charte/historique)\n"
        text += ".SH VOIR AUSSI\ncharte help COMMANDE, charte expliquer CODE, charte completion SHELL\n"
        return text
    }

    /// One option as a tagged paragraph.
    private static func item(_ option: OptionSpec) -> String {
        let head = option.names.map { "\\fB" + escaped($0) + "\\fR" }.joined(separator: ", ")
            + (option.takesValue ? " \\fI" + escaped(option.valueName) + "\\fR" : "")
        return ".TP\n\(head)\n\(escaped(option.help))\n"
    }

    /// A help description as roff: prose is filled; example and indented lines are kept as they are.
    private static func paragraphs(_ description: String) -> String {
        guard !description.isEmpty else { return "" }
        var text = ".PP\n"
        var literal = false
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            let isExample = line.hasPrefix(" ") || line.hasPrefix("Exemple") || line.hasPrefix("Lecture")
                || line.hasPrefix("Installation") || line.hasPrefix("  ")
            if isExample != literal {
                text += isExample ? ".nf\n" : ".fi\n"
                literal = isExample
            }
            text += line.isEmpty ? ".PP\n" : escaped(String(line)) + "\n"
        }
        if literal { text += ".fi\n" }
        return text
    }

    /// Text safe in roff: backslashes and dashes escaped, no line starting with a control character.
    static func escaped(_ text: String) -> String {
        var out = text.replacing("\\", with: "\\e").replacing("-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
