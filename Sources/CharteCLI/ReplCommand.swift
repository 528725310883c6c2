import Charte

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `charte repl [FICHIER]`: interactive queries, with a line editor on a terminal and plain
/// lines otherwise (scripts, tests).
enum ReplCommand {
    static let command = Command(
        name: "repl", aliases: ["interactif"],
        synopsis: "charte repl [--sans-historique] [FICHIER]",
        summary: "pose des requêtes à une charte, de façon interactive",
        description: """
        Chaque ligne est une requête (qui, peut, taches, echeances, montre) ou une commande :
        :aide, :charger FICHIER, :recharger (relit le fichier après modification ; s'il contient
        des erreurs, la version précédente reste chargée), :quitter.
        Sur un terminal : ← → pour se déplacer, ↑ ↓ pour l'historique, Ctrl-R pour y chercher,
        Tab pour compléter, Ctrl-C pour abandonner la ligne, Ctrl-D pour sortir. L'historique est
        gardé dans $XDG_STATE_HOME/charte/historique (ou ~/.local/state/charte/historique).
        Hors terminal, les lignes sont lues telles quelles : les réponses sur la sortie standard,
        les erreurs sur la sortie d'erreur, sans invite ni couleur ; le code de sortie est alors
        1 si une ligne a échoué.
        Exemple : echo 'qui attribuer_licence ressource(categorie: manuel)' | charte repl charte.charte
        """,
        options: [.flag("--sans-historique", help: "ne lit ni n'écrit l'historique")],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard arguments.positionals.count <= 1 else {
            throw UsageError(message: "un seul fichier de charte à la fois (les autres se chargent avec :charger)")
        }
        // The line editor draws with escape sequences: a dumb terminal gets plain lines.
        let interactive = console.inIsTerminal && console.outIsTerminal && console.environment["TERM"] != "dumb"
        var session = ReplSession(colour: interactive && console.colourOnOut)
        session.models = console.modelSearch
        session.width = console.textWidth
        var opening: ReplOutput?
        if let path = arguments.positionals.first {
            do {
                opening = try session.load(path: path)
            } catch {
                console.err("charte repl : \(error.message)\n")
                return ExitCode.usage
            }
        }
        if interactive {
            return runInteractive(&session, opening: opening, history: !arguments.has("--sans-historique"), console: console)
        }
        if let opening, opening.isError { console.err(opening.text) }
        let status = runPlain(&session, console: console)
        return opening?.isError == true ? ExitCode.problems : status
    }

    /// The session on a terminal: greeting, line editor, history, completion.
    private static func runInteractive(_ session: inout ReplSession, opening: ReplOutput?, history: Bool,
                                       console: Console) -> Int32 {
        var greeting = "charte \(CLI.version) — requêtes interactives sur une charte.\n"
        greeting += opening?.text ?? "Aucune charte n'est chargée : tapez « :charger FICHIER ».\n"
        greeting += "Tapez « :aide » pour l'aide, « :quitter » ou Ctrl-D pour sortir.\n"
        console.out(greeting)

        var file = history ? HistoryFile.defaultPath(environment: console.environment).map {
            HistoryFile(path: $0, maximumBytes: Limits.standard.historyFile)
        } : nil
        var historyWarned = false
        var saved = History()
        if let current = file {
            switch current.read() {
            case .success(let history):
                saved = history
            case .failure(let error):
                // A FIFO, a device, an unreadable file: the session goes on without history.
                console.out("Attention : \(error.message) ; l'historique de cette session ne sera pas gardé.\n")
                file = nil
                historyWarned = true
            }
        }
        let reader = TerminalLineReader(editor: LineEditor(history: saved),
                                        renderer: LineRenderer(prompt: "charte> ", colour: console.colourOnOut))
        Terminal.installHandlers()
        guard Terminal.enableRawMode(0) else { return runPlain(&session, console: console) }
        defer { Terminal.restore() }
        var printer = Printer(console: console, interactive: true)
        while true {
            let charter = session.charter
            reader.editor.completer = { line, cursor in
                QueryCompletion.complete(line: line, cursor: cursor, charter: charter, listDirectory: listDirectory)
            }
            guard let line = reader.readLine() else { break }
            if let file, case .failure(let error) = file.append(line), !historyWarned {
                console.out("Attention : \(error.message) ; l'historique de cette session ne sera pas gardé.\n")
                historyWarned = true
            }
            let output = session.submit(line)
            printer.print(output)
            if output.quit { break }
        }
        return ExitCode.success
    }

    /// The session on plain lines: answers on stdout, errors on stderr; exit 1 if a line failed.
    private static func runPlain(_ session: inout ReplSession, console: Console) -> Int32 {
        var printer = Printer(console: console, interactive: false)
        let limit = Limits.standard.inputLine
        while let input = console.readLine(atMost: limit) {
            guard case .line(let line) = input else {
                if case .tooLong(let bytes) = input {
                    printer.print(ReplOutput(text: "Ligne trop longue (\(bytes) octets, limite \(limit)) : elle est ignorée.", isError: true))
                }
                continue
            }
            let output = session.submit(line)
            printer.print(output)
            if output.quit { break }
        }
        return printer.failed ? ExitCode.problems : ExitCode.success
    }

    /// Lists a directory for `:charger` completion: names, with `/` after subdirectories.
    ///
    /// With `opendir`/`readdir` rather than Foundation, which `charte` would otherwise load
    /// at every start (a large part of a short command's time).
    @Sendable static func listDirectory(_ directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.map { name in
            var status = stat()
            let isDirectory = stat(prefix + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            return isDirectory ? name + "/" : name
        }
    }

    /// Prints outputs. On a terminal everything goes to standard output, each answer followed
    /// by a blank line before the next prompt; otherwise errors go to standard error and
    /// answers are separated by a blank line.
    struct Printer {
        let console: Console
        let interactive: Bool
        private var answered = false
        /// Whether any line failed.
        private(set) var failed = false

        init(console: Console, interactive: Bool) {
            self.console = console
            self.interactive = interactive
        }

        mutating func print(_ output: ReplOutput) {
            guard !output.text.isEmpty else { return }
            failed = failed || output.isError
            if interactive {
                console.out(output.text.hasSuffix("\n\n") ? output.text : output.text + "\n")
            } else if output.isError {
                console.err(output.text)
            } else {
                if answered { console.out("\n") }
                console.out(output.text)
                answered = true
            }
        }
    }
}
