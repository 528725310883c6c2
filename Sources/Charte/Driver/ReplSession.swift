/// What the REPL prints after one line, and whether the session ends.
public struct ReplOutput: Sendable, Hashable {
    /// The French text to print (each line ends with a newline); empty when there is nothing to say.
    public var text: String
    /// Whether the text reports a problem (an error in a charter, a query or a command).
    public var isError: Bool
    /// Whether the session ends after this line.
    public var quit: Bool

    /// An output.
    public init(text: String, isError: Bool = false, quit: Bool = false) {
        self.text = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        self.isError = isError
        self.quit = quit
    }

    /// Nothing to print.
    public static let nothing = ReplOutput(text: "")
}

/// One interactive session: lines in, French text out. No terminal here, so it is tested
/// by submitting lines (`submit`), and the command line only reads and prints.
///
/// The session holds at most one charter, always one without errors: a file with errors is
/// refused with its diagnostics, and a broken new version never replaces a good one.
public struct ReplSession: Sendable {
    /// The commands, each with its accepted spellings.
    enum CommandName: CaseIterable {
        case help, load, reload, quit

        var spellings: [String] {
            switch self {
            case .help: [":aide", ":?"]
            case .load: [":charger"]
            case .reload: [":recharger"]
            case .quit: [":quitter", ":q"]
            }
        }
    }

    /// The engine of the charter in use, nil until one loads without errors.
    public private(set) var engine: QueryEngine?
    /// The file the charter in use was read from.
    public private(set) var loadedPath: String?
    /// The file `:recharger` reads: the one named last, even if it had errors.
    public private(set) var reloadPath: String?
    /// Whether diagnostics may be coloured.
    public var colour: Bool
    /// The limits applied to charters and queries.
    public var limits: Limits
    /// Where a charter that adapts a model finds it (`--modeles`, `CHARTE_MODELES`).
    public var models = ModelSearch()
    /// The width answers wrap to (see `TextWrap`), nil for no wrapping.
    public var width: Int?

    /// A session with no charter yet.
    public init(colour: Bool = false, limits: Limits = .standard) {
        self.colour = colour
        self.limits = limits
    }

    /// The charter in use, if any.
    public var charter: Charter? { engine?.charter }

    /// Handles one line: a command (`:aide`, `:charger`…), a query, or nothing.
    public mutating func submit(_ line: String) -> ReplOutput {
        let text = line.trimmingWhitespace
        if text.isEmpty || text.hasPrefix("#") { return .nothing }
        if text.hasPrefix(":") { return command(text) }
        guard let engine else {
            return ReplOutput(text: "Aucune charte n'est chargée : tapez « :charger FICHIER » (ou lancez « charte repl FICHIER »).",
                              isError: true)
        }
        do {
            return ReplOutput(text: QueryText.render(try engine.answer(text), charter: engine.charter, width: width))
        } catch {
            if let found = engine.wordSearch(text) {
                let rendered = WordSearchText.render(found)
                return ReplOutput(text: width.map { TextWrap.wrap(rendered, width: $0) } ?? rendered)
            }
            return ReplOutput(text: rendered(error.diagnostics, sources: error.sources), isError: true)
        }
    }

    /// Loads a charter file, as `:charger FICHIER` does; throws only when it cannot be read
    /// (a file with errors is an output: its diagnostics, and the charter in use stays).
    public mutating func load(path: String) throws(LoadError) -> ReplOutput {
        try read(path: path, verb: "chargée")
    }

    // MARK: - Commands

    private mutating func command(_ text: String) -> ReplOutput {
        let word = String(text.prefix { !$0.isWhitespace })
        let argument = String(text.dropFirst(word.count)).trimmingWhitespace
        let folded = Folding.fold(word)
        guard let command = CommandName.allCases.first(where: { $0.spellings.contains(folded) }) else {
            let known = CommandName.allCases.flatMap(\.spellings).map { Candidate(name: $0, span: nil) }
            let close = Suggestions.closest(to: folded, among: known).map { "« \($0.name) »" }
            let hint = close.isEmpty ? "" : " Vouliez-vous dire \(close.joined(separator: " ou ")) ?"
            return ReplOutput(text: "Commande inconnue « \(ControlCharacters.escaped(word)) ».\(hint) Tapez « :aide » pour la liste des commandes.", isError: true)
        }
        switch command {
        case .help:
            return ReplOutput(text: Self.help)
        case .quit:
            return ReplOutput(text: "", quit: true)
        case .load:
            guard !argument.isEmpty else {
                return ReplOutput(text: "Quel fichier ? Écrivez « :charger FICHIER ».", isError: true)
            }
            return readReporting(path: Self.unquoted(argument), verb: "chargée")
        case .reload:
            guard argument.isEmpty else {
                return ReplOutput(text: "« :recharger » relit le fichier déjà chargé ; pour un autre fichier, écrivez « :charger \(ControlCharacters.escaped(argument)) ».",
                                  isError: true)
            }
            guard let path = reloadPath else {
                return ReplOutput(text: "Aucun fichier à recharger : tapez d'abord « :charger FICHIER ».", isError: true)
            }
            return readReporting(path: path, verb: "rechargée")
        }
    }

    /// Reads a file, reporting an unreadable one as an output.
    private mutating func readReporting(path: String, verb: String) -> ReplOutput {
        do {
            return try read(path: path, verb: verb)
        } catch {
            return ReplOutput(text: "Impossible de lire le fichier « \(ControlCharacters.escaped(path)) ».\n" + keptMessage(), isError: true)
        }
    }

    /// Reads and checks a file; replaces the charter in use only when the file has no errors.
    private mutating func read(path: String, verb: String) throws(LoadError) -> ReplOutput {
        // Read again at each `:charger` and `:recharger`, with the model it adapts.
        let loaded = try CharterLoader.load(path: path, limits: limits, models: models)
        reloadPath = path
        do {
            let engine = QueryEngine(try loaded.requireChecked(), limits: limits)
            self.engine = engine
            loadedPath = path
            return ReplOutput(text: Self.summary(of: engine.charter, path: path, verb: verb, warnings: loaded.diagnostics.count))
        } catch {
            // The refusal every command gives, then what stays in use.
            return ReplOutput(text: error.text(colour: colour, limit: limits.printedDiagnostics) + keptMessage(), isError: true)
        }
    }

    /// What stays in use after a failed load.
    private func keptMessage() -> String {
        guard let loadedPath else { return "Aucune charte n'est chargée." }
        return "La version précédente de « \(ControlCharacters.escaped(loadedPath)) » reste chargée et continue de répondre."
    }

    /// Diagnostics as rustc-style text, at most `limits.printedDiagnostics` of them.
    private func rendered(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        HumanRenderer(colour: colour).render(diagnostics, sources: sources, limit: limits.printedDiagnostics)
    }

    // MARK: - Texts

    /// `Charte « f » chargée (Collège) : 3 tâches, 4 acteurs.`
    static func summary(of charter: Charter, path: String, verb: String, warnings: Int) -> String {
        let name = charter.establishment.map { " (\(ControlCharacters.escaped($0.name)))" } ?? ""
        let path = ControlCharacters.escaped(path)
        var text = "Charte « \(path) » \(verb)\(name) : \(plural(charter.tasks.count, "tâche")), \(plural(charter.actors.count, "acteur"))."
        if warnings > 0 {
            text += " \(plural(warnings, "avertissement")) : « charte verifier \(path) » les détaille."
        }
        return text + "\n"
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count > 1 ? "s" : "")" }

    /// A path written between quotes or guillemets, without them.
    static func unquoted(_ text: String) -> String {
        for (open, close) in [("\"", "\""), ("«", "»"), ("'", "'")] where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            return String(text.dropFirst().dropLast()).trimmingWhitespace
        }
        return text
    }

    /// The text of `:aide`.
    public static let help = """
    \(QueryVerb.summary)
    Exemple : qui attribuer_licence ressource(categorie: manuel)

    Commandes :
      :aide              cette aide
      :charger FICHIER   charge une charte (la précédente reste chargée si la nouvelle a des erreurs)
      :recharger         relit le fichier après modification (même règle)
      :quitter, :q       termine la session (aussi Ctrl-D sur une ligne vide)

    Touches : ← → Début Fin pour se déplacer, ↑ ↓ pour l'historique, Ctrl-R pour y chercher,
    Tab pour compléter, Ctrl-C pour abandonner la ligne.

    """
}

extension String {
    /// The string without leading and trailing blanks.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
