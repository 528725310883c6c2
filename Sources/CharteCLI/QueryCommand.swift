import Charte

/// The output formats of query answers.
enum AnswerFormat: String, CaseIterable {
    case texte, json

    static func parse(_ value: String?) throws(UsageError) -> AnswerFormat {
        guard let value else { return .texte }
        guard let format = AnswerFormat(rawValue: value) else {
            throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}

/// `charte requete FICHIER "REQUÊTE"` and its shortcuts `charte qui|peut|taches|echeances|montre FICHIER …`.
///
/// Exit codes: 0 the query was answered (whatever the answer, even `refuse`); 1 the charter
/// has errors (it never answers) or the query has an error (both shown as diagnostics on
/// stderr); 2 usage errors and unreadable files.
enum QueryCommand {
    static let formatOption = OptionSpec.value("--format", "-f", name: "FORMAT", values: AnswerFormat.allCases.map(\.rawValue), help: "texte (par défaut) ou json")

    static let exitCodes = """
    Code de sortie : 0 la requête a une réponse (quelle qu'elle soit), 1 la charte ou la requête
    contient une erreur (diagnostics sur la sortie d'erreur), 2 usage incorrect ou fichier illisible.
    """

    static let requete = Command(
        name: "requete", aliases: ["requête", "query"],
        synopsis: "charte requete FICHIER \"REQUÊTE\" [--format texte|json]",
        summary: "répond à une requête sur une charte (qui, peut, taches, echeances, montre)",
        description: """
        \(QueryVerb.summary)
        Exemple : charte requete charte.charte 'qui attribuer_licence ressource(categorie: manuel)'
        \(exitCodes)
        """,
        options: [formatOption],
        run: runRequete)

    static let qui = shortcut(
        "qui", synopsis: "charte qui FICHIER ACTION [OBJET] | TACHE | \"mots\" [--texte] [--format texte|json]",
        summary: "qui fait une action sur un objet, qui s'occupe d'une tâche",
        example: "charte qui charte.charte attribuer_licence 'ressource(categorie: manuel)'",
        extra: [.flag("--texte", "-t", help: "cherche les mots dans les libellés et les notes des tâches")])
    static let peut = shortcut(
        "peut", synopsis: "charte peut FICHIER ACTEUR ACTION [OBJET] [--format texte|json]",
        summary: "dit si un acteur (ou une personne) peut faire une action sur un objet",
        example: "charte peut charte.charte \"Mme Martin\" attribuer_licence 'ressource(categorie: documentaire)'")
    static let taches = shortcut(
        "taches", aliases: ["tâches"], synopsis: "charte taches FICHIER ACTEUR [--format texte|json]",
        summary: "la fiche de poste d'un acteur : ses tâches étape par étape",
        example: "charte taches charte.charte documentaliste")
    static let echeances = shortcut(
        "echeances", aliases: ["échéances"], synopsis: "charte echeances FICHIER [DATE] [--format texte|json]",
        summary: "les échéances de la charte dans l'ordre des dates",
        example: "charte echeances charte.charte 2026-10-01")
    static let montre = shortcut(
        "montre", synopsis: "charte montre FICHIER NOM [--format texte|json]",
        summary: "montre une déclaration telle qu'elle est écrite",
        example: "charte montre charte.charte licences_manuels")

    /// A command that runs the query `VERB ARGUMENTS…`.
    static func shortcut(_ verb: String, aliases: [String] = [], synopsis: String, summary: String, example: String,
                         extra: [OptionSpec] = []) -> Command {
        Command(
            name: verb, aliases: aliases, synopsis: synopsis, summary: summary,
            description: """
            Raccourci de : charte requete FICHIER "\(verb) …". Les arguments qui suivent le fichier
            forment la requête ; un argument qui contient des espaces (le nom d'une personne, des mots
            à chercher) est mis entre guillemets, sauf s'il contient déjà « ( » ou « " ».
            Exemple : \(example)
            \(exitCodes)
            """,
            options: [formatOption] + extra,
            run: { (arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 in
                guard let path = arguments.positionals.first else { throw UsageError(message: "fichier de charte manquant") }
                let words = Array(arguments.positionals.dropFirst())
                let rest = arguments.has("--texte") ? [quoted(words.joined(separator: " "))] : words.map(queryWord)
                return try answer(path: path, query: ([verb] + rest).joined(separator: " "), command: verb,
                                  arguments: arguments, console: console)
            })
    }

    static func runRequete(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let path = arguments.positionals.first else { throw UsageError(message: "fichier de charte manquant") }
        let query = arguments.positionals.dropFirst().joined(separator: " ")
        guard !query.allSatisfy(\.isWhitespace) else { throw UsageError(message: "requête manquante") }
        return try answer(path: path, query: query, command: "requete", arguments: arguments, console: console)
    }

    /// Loads the charter, answers the query and prints the answer (or the diagnostics).
    static func answer(path: String, query: String, command: String, arguments: ParsedArguments,
                       console: Console) throws(UsageError) -> Int32 {
        let format = try AnswerFormat.parse(arguments.value("--format"))
        let engine: QueryEngine
        switch loadEngine(path: path, command: command, console: console) {
        case .ready(let ready): engine = ready
        case .failed(let status): return status
        }
        do {
            let answer = try engine.answer(query)
            switch format {
            case .texte: console.out(QueryText.render(answer, charter: engine.charter, width: console.textWidth))
            case .json: console.out(QueryJSON.encode(answer).rendered(pretty: true) + "\n")
            }
            return ExitCode.success
        } catch {
            // A question in words rather than a query: what the charter says of its words, and what to type.
            if format == .texte, let found = engine.wordSearch(query) {
                console.out(TextWrap.wrap(WordSearchText.render(found), width: console.textWidth))
                return ExitCode.problems
            }
            var printer = DiagnosticPrinter(format: .humain, console: console)
            printer.print(error.diagnostics, sources: error.sources)
            printer.finish()
            return ExitCode.problems
        }
    }

    /// A charter ready to answer, or the exit status after printing why not.
    enum EngineLoad {
        case ready(QueryEngine)
        case failed(Int32)
    }

    /// The engine of a charter, or why not, printed (unreadable: exit 2; errors: exit 1).
    static func loadEngine(path: String, command: String, console: Console) -> EngineLoad {
        switch CheckedInput.load(path, command: command, console: console) {
        case .success(let checked): .ready(QueryEngine(checked))
        case .failure(let status): .failed(status.code)
        }
    }

    /// One command-line argument as a piece of query: quoted when it is a person's name or words.
    static func queryWord(_ argument: String) -> String {
        let structural: Set<Character> = ["(", ")", "\"", "«", "»", ":"]
        let separating: Set<Character> = [" ", "\t", "'", "\u{2019}", "."]
        guard !argument.contains(where: structural.contains), argument.contains(where: separating.contains) else { return argument }
        return quoted(argument)
    }

    /// A string literal of the query language.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
