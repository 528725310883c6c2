import Charte

/// `charte completion bash|zsh|fish`: a shell completion script generated from the command
/// table, so it never lags behind the commands and their options.
enum CompletionCommand {
    /// The shells a script is written for.
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    static let command = Command(
        name: "completion", aliases: [],
        synopsis: "charte completion bash|zsh|fish",
        summary: "écrit le script de complétion d'un shell (commandes, options, valeurs)",
        description: """
        Le script est produit à partir de la table des commandes : il complète les commandes,
        leurs options, les valeurs des options (formats, vues, couleurs) et les noms de fichiers.
        Installation :
          bash : charte completion bash > ~/.local/share/bash-completion/completions/charte
          zsh  : charte completion zsh > ~/.zfunc/_charte  (avec fpath+=~/.zfunc avant compinit)
          fish : charte completion fish > ~/.config/fish/completions/charte.fish
        """,
        options: [],
        run: run,
        operands: .words(Shell.allCases.map(\.rawValue)))

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard arguments.positionals.count == 1, let shell = Shell(rawValue: arguments.positionals[0]) else {
            throw UsageError(message: "attendu un shell : bash, zsh ou fish")
        }
        console.out(script(for: shell))
        return ExitCode.success
    }

    /// The completion script of a shell.
    static func script(for shell: Shell) -> String {
        switch shell {
        case .bash: bash()
        case .zsh: zsh()
        case .fish: fish()
        }
    }

    // MARK: - What is completed

    /// Every name a command answers to.
    private static func names(_ command: Command) -> [String] { [command.name] + command.aliases }

    private static var allNames: [String] { CLI.commands.flatMap(names) }

    private static let globalValueOptions = GlobalOptions.specs.filter(\.takesValue)

    private static func words(_ values: [String]) -> String { values.joined(separator: " ") }

    /// What an operand completes to, as a shell word list, or nil for files.
    private static func operandWords(_ command: Command) -> String? {
        switch command.operands {
        case .files: nil
        case .words(let words): words.joined(separator: " ")
        case .commands: allNames.joined(separator: " ")
        case .free: ""
        }
    }

    // MARK: - bash

    private static func bash() -> String {
        let globals = words(GlobalOptions.specs.flatMap(\.names))
        var text = """
        # Complétion bash de charte, produite par « charte completion bash » (charte \(CLI.version)).
        _charte() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
            local command="" i
            for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in
                    \(words(globalValueOptions.flatMap(\.names)).replacing(" ", with: "|"))) ((i++)) ;;
                    -*) ;;
                    *) command="${COMP_WORDS[i]}"; break ;;
                esac
            done
            case "$prev" in

        """
        for option in globalValueOptions {
            text += "        \(option.names.joined(separator: "|"))) COMPREPLY=($(compgen -W \"\(words(option.values))\" -- \"$cur\")); return ;;\n"
        }
        text += """
            esac
            if [[ -z "$command" ]]; then
                COMPREPLY=($(compgen -W "\(words(allNames)) \(globals)" -- "$cur"))
                return
            fi
            case "$command" in

        """
        for command in CLI.commands {
            let options = command.options + [.help]
            text += "        \(names(command).joined(separator: "|")))\n"
            text += "            case \"$prev\" in\n"
            for option in options where option.takesValue {
                let action = option.values.isEmpty
                    ? (option.valueName == "SORTIE" || option.valueName == "FICHIER" ? "COMPREPLY=($(compgen -f -- \"$cur\"))" : "COMPREPLY=()")
                    : "COMPREPLY=($(compgen -W \"\(words(option.values))\" -- \"$cur\"))"
                text += "                \(option.names.joined(separator: "|"))) \(action); return ;;\n"
            }
            text += "            esac\n"
            text += "            if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"\(words(options.flatMap(\.names))) \(globals)\" -- \"$cur\")); return; fi\n"
            if let operands = operandWords(command) {
                text += "            COMPREPLY=($(compgen -W \"\(operands)\" -- \"$cur\")); return ;;\n"
            } else {
                text += "            ;;\n"
            }
        }
        text += """
            esac
            COMPREPLY=($(compgen -f -- "$cur"))
        }
        complete -o filenames -o bashdefault -F _charte charte

        """
        return text
    }

    // MARK: - zsh

    private static func zshQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }

    private static func zsh() -> String {
        let globals = words(GlobalOptions.specs.flatMap(\.names))
        var text = """
        #compdef charte
        # Complétion zsh de charte, produite par « charte completion zsh » (charte \(CLI.version)).
        _charte() {
            local -a commands
            commands=(

        """
        for command in CLI.commands {
            for name in names(command) {
                text += "        \(zshQuoted(name + ":" + command.summary))\n"
            }
        }
        text += """
            )
            local command="" i
            for ((i = 2; i < CURRENT; i++)); do
                case "${words[i]}" in
                    \(words(globalValueOptions.flatMap(\.names)).replacing(" ", with: "|"))) ((i++)) ;;
                    -*) ;;
                    *) command="${words[i]}"; break ;;
                esac
            done
            local prev="${words[CURRENT-1]}"
            case "$prev" in

        """
        for option in globalValueOptions {
            text += "        \(option.names.joined(separator: "|"))) compadd -- \(words(option.values)); return ;;\n"
        }
        text += """
            esac
            if [[ -z "$command" ]]; then
                if [[ "$PREFIX" == -* ]]; then compadd -- \(globals); else _describe 'commande' commands; fi
                return
            fi
            case "$command" in

        """
        for command in CLI.commands {
            let options = command.options + [.help]
            text += "        \(names(command).joined(separator: "|")))\n"
            text += "            case \"$prev\" in\n"
            for option in options where option.takesValue {
                let action = option.values.isEmpty
                    ? (option.valueName == "SORTIE" || option.valueName == "FICHIER" ? "_files" : ":")
                    : "compadd -- \(words(option.values))"
                text += "                \(option.names.joined(separator: "|"))) \(action); return ;;\n"
            }
            text += "            esac\n"
            text += "            if [[ \"$PREFIX\" == -* ]]; then compadd -- \(words(options.flatMap(\.names))) \(globals); return; fi\n"
            if let operands = operandWords(command) {
                text += operands.isEmpty ? "            return ;;\n" : "            compadd -- \(operands); return ;;\n"
            } else {
                text += "            ;;\n"
            }
        }
        text += """
            esac
            _files
        }
        _charte "$@"

        """
        return text
    }

    // MARK: - fish

    private static func fishQuoted(_ text: String) -> String {
        "'" + text.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "'"
    }

    /// The `-l`/`-s` arguments of an option's names.
    private static func fishNames(_ option: OptionSpec) -> String {
        option.names.map { name in
            name.hasPrefix("--") ? "-l " + name.dropFirst(2) : "-s " + name.dropFirst(1)
        }.joined(separator: " ")
    }

    private static func fishOption(_ option: OptionSpec, condition: String?) -> String {
        var line = "complete -c charte"
        if let condition { line += " -n \(fishQuoted(condition))" }
        line += " " + fishNames(option)
        if option.takesValue {
            if !option.values.isEmpty {
                line += " -x -a \(fishQuoted(words(option.values)))"
            } else if option.valueName == "SORTIE" || option.valueName == "FICHIER" {
                line += " -r -F"
            } else {
                line += " -x"
            }
        }
        return line + " -d \(fishQuoted(option.help))\n"
    }

    private static func fish() -> String {
        var text = """
        # Complétion fish de charte, produite par « charte completion fish » (charte \(CLI.version)).
        complete -c charte -e

        """
        for option in GlobalOptions.specs { text += fishOption(option, condition: nil) }
        for command in CLI.commands {
            text += "complete -c charte -f -n '__fish_use_subcommand' -a \(fishQuoted(words(names(command)))) -d \(fishQuoted(command.summary))\n"
        }
        for command in CLI.commands {
            let seen = "__fish_seen_subcommand_from " + words(names(command))
            for option in command.options { text += fishOption(option, condition: seen) }
            switch operandWords(command) {
            case nil: text += "complete -c charte -n \(fishQuoted(seen)) -F\n"
            case let operands?: text += "complete -c charte -f -n \(fishQuoted(seen)) -a \(fishQuoted(operands))\n"
            }
        }
        return text
    }
}
