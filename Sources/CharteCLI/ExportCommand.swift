import Charte

/// `charte exporter CHARTE --format …`: the checked charter as a document, a spreadsheet
/// table, a graph or JSON.
enum ExportCommand {
    static let command = Command(
        name: "exporter", aliases: ["export"],
        synopsis: "charte exporter FICHIER [--format markdown|html|csv|tsv|ics|dot|json] [--vue tableau|raci] [--acteur ACTEUR] [-o SORTIE]",
        summary: "exporte la charte pour la lire, l'imprimer, la mettre dans un tableur ou un autre outil",
        description: """
        Formats : markdown et html (la charte telle qu'on la lit : tableau étapes × rôles,
        matrice RACI, une fiche par rôle, calendrier des échéances ; la page HTML est
        autonome — elle marche sans réseau, depuis une clé USB ou l'ENT —, se lit sur un
        téléphone, s'imprime en A4 paysage, et offre à l'écran une recherche « Qui s'occupe
        de… ? » avec des filtres par rôle et par étape, et un formulaire « Puis-je… ? » qui
        répond comme charte peut), csv et tsv (pour un tableur : --vue tableau,
        par défaut, reprend le tableau étapes × rôles ; --vue raci donne la matrice des
        lettres ; --excel les écrit pour Excel en français : marque UTF-8 en tête et « ; »
        entre les champs du csv), ics (calendrier RFC 5545 des échéances, à importer dans un agenda), dot (graphe Graphviz des étapes et des prérequis), json (le modèle vérifié,
        pour d'autres outils).
        Calendrier d'une personne : --format ics --acteur ACTEUR ne garde que les tâches où
        l'acteur (identifiant ou libellé, ou nom d'une personne ; majuscules et accents
        indifférents) tient une lettre, lui-même ou par une instance dont il est membre ;
        chaque événement dit son rôle. Les tâches sans date fixe (à faire après chaque
        événement, ou sans échéance) sont listées dans la description du calendrier. Sans --format, le format se déduit de l'extension de -o
        (markdown sinon). Une charte qui contient une erreur n'est pas exportée : ses
        diagnostics s'écrivent sur la sortie d'erreur (code de sortie 1).
        Le résultat va sur la sortie standard, ou dans SORTIE avec -o (écriture atomique).
        \(OutputFile.help)
        Exemples : charte exporter rules/etablissement-exemple.charte --format html -o charte.html
                   charte exporter rules/etablissement-exemple.charte --format csv --vue raci
                   charte exporter rules/etablissement-exemple.charte --format ics --acteur gestionnaire -o gestionnaire.ics
        """,
        options: [
            .value("--format", "-f", name: "FORMAT", values: ExportFormat.allCases.map(\.rawValue), help: "markdown, html, csv, tsv, ics, dot ou json"),
            .value("--vue", name: "VUE", values: DelimitedExport.View.allCases.map(\.rawValue), help: "pour csv et tsv : tableau (étapes × rôles, par défaut) ou raci"),
            .value("--sortie", "-o", name: "SORTIE", help: "écrit dans ce fichier au lieu de la sortie standard"),
            .value("--acteur", name: "ACTEUR", help: "pour ics : le calendrier de cet acteur ou de cette personne seulement"),
            .flag("--excel", help: "pour csv et tsv : pour Excel en français (marque UTF-8 en tête, « ; » entre les champs du csv)"),
            OutputFile.force,
            OutputFile.inPlace,
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> Int32 {
        guard let path = arguments.positionals.first else { throw UsageError(message: "aucune charte à exporter") }
        guard arguments.positionals.count == 1 else {
            throw UsageError(message: "une seule charte à la fois (reçu : \(arguments.positionals.joined(separator: " ")))")
        }
        let output = arguments.value("--sortie")
        let format = try format(arguments.value("--format"), output: output)
        let view = try view(arguments.value("--vue"), format: format)
        if arguments.has("--excel"), format != .csv, format != .tsv {
            throw UsageError(message: "l'option --excel ne vaut que pour les formats csv et tsv")
        }

        let actor = arguments.value("--acteur")
        if actor != nil, format != .ics {
            throw UsageError(message: "l'option --acteur ne vaut que pour le format ics")
        }

        let charter: CheckedCharter
        switch CheckedInput.load(path, command: "exporter", console: console) {
        case .success(let checked): charter = checked
        case .failure(let status): return status.code
        }
        let warnings = DiagnosticCount(charter.warnings).warnings
        if warnings > 0 {
            let noun = warnings == 1 ? "avertissement" : "avertissements"
            console.notice("charte exporter : \(warnings) \(noun) (voir charte verifier \(path))\n")
        }

        let text: String
        if let actor {
            switch CalendarAttendee.resolve(actor, in: charter) {
            case .found(let attendee):
                text = ICSExport.render(charter, attendee: attendee)
            case .unknown(let suggestions):
                let close = suggestions.isEmpty ? "" : " ; vouliez-vous dire " + suggestions.map { "« \($0) »" }.joined(separator: " ou ") + " ?"
                console.err("charte exporter : aucun acteur ni personne « \(actor) » dans \(path)\(close)\n")
                let ids = charter.model.actors.map(\.id)
                let shown = ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", …" : "")
                console.err("  Acteurs de la charte : \(shown)\n")
                return ExitCode.problems
            }
        } else {
            text = CharterExporter.render(charter, format: format, view: view, excel: arguments.has("--excel"))
        }
        guard let output, output != "-" else {
            console.out(text)
            return ExitCode.success
        }
        let options = OutputFile.options(arguments, inputs: [path])
        guard OutputFile.write(text, to: output, options: options, command: "exporter", console: console) else {
            return ExitCode.usage
        }
        return ExitCode.success
    }

    /// The format asked for, else the one the output's extension names, else Markdown.
    static func format(_ value: String?, output: String?) throws(UsageError) -> ExportFormat {
        if let value {
            guard let format = ExportFormat(rawValue: value) else {
                let names = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(message: "format inconnu « \(value) » (formats : \(names))")
            }
            return format
        }
        let extensions: [String: ExportFormat] = ["md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
                                                  "csv": .csv, "tsv": .tsv, "ics": .ics, "dot": .dot, "gv": .dot, "json": .json]
        if let output, let dot = output.lastIndex(of: "."),
           let format = extensions[output[output.index(after: dot)...].lowercased()] {
            return format
        }
        return .markdown
    }

    /// The table CSV and TSV write; `--vue` with another format is a usage error.
    static func view(_ value: String?, format: ExportFormat) throws(UsageError) -> DelimitedExport.View {
        guard let value else { return .tableau }
        guard format == .csv || format == .tsv else {
            throw UsageError(message: "l'option --vue ne vaut que pour les formats csv et tsv")
        }
        guard let view = DelimitedExport.View(rawValue: value) else {
            throw UsageError(message: "vue inconnue « \(value) » (vues : tableau, raci)")
        }
        return view
    }
}
