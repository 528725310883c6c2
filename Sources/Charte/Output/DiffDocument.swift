/// `charte diff` laid out for the councils: a title, the summary, then sections of tables,
/// rendered as Markdown (`DiffMarkdownRenderer`) or as one self-contained HTML page
/// (`DiffHTMLRenderer`) from the same content.
public struct DiffDocument: Sendable, Hashable {
    /// One part of the document: a heading, a table, and sentences after it.
    public struct Section: Sendable, Hashable {
        public let title: String
        public let columns: [String]
        public let rows: [[String]]
        public let notes: [String]
    }

    public let title: String
    public let summary: String
    /// `De … à …`.
    public let subtitle: String
    public let sections: [Section]

    /// Lays a comparison out; `shownObjects` bounds the object literals of one cell.
    public init(_ diff: CharterDiff, oldName: String, newName: String, shownObjects: Int = 12) {
        summary = DiffWords.summary(diff)
        var sections: [Section] = []
        switch diff.comparison {
        case .revision:
            title = "Révision de la charte : ce qui change, et pour qui"
            subtitle = "De « \(oldName) » à « \(newName) »."
        case .adaptation(let context):
            title = "Adaptation du modèle : ce que l'établissement a changé"
            subtitle = DiffDocument.subtitle(context, update: false)
        case .modelUpdate(let context):
            title = "Nouvelle version du modèle : ce qui change pour l'établissement"
            subtitle = DiffDocument.subtitle(context, update: true)
        }
        if let context = diff.comparison.context, !context.holdings.isEmpty {
            sections.append(Section(title: "Rôles du modèle tenus dans l'établissement", columns: ["Rôle du modèle", "Tenu par"],
                                    rows: context.holdings.map { [$0.modelRole, DiffWords.names($0.holders)] },
                                    notes: [DiffWords.holdingsReading(diff)]))
        }
        if !diff.actors.isEmpty {
            sections.append(Section(title: "Par rôle", columns: ["Rôle", "Ce qui change"],
                                    rows: diff.actors.map { [$0.actor, DiffWords.actor($0)] }, notes: []))
        }
        if !diff.permissions.isEmpty || !diff.incompletePermissions.isEmpty {
            let rows = diff.permissions.map { change -> [String] in
                func cell(_ outcome: Outcome) -> String {
                    let objects = change.objects.filter { $0.after == outcome }
                    guard !objects.isEmpty else { return "" }
                    let listed = DiffWords.objects(objects, limit: shownObjects)
                    return listed.isEmpty ? "oui" : listed
                }
                return [change.subject.actor, change.subject.action, cell(.allowed), cell(.refused), cell(.undetermined)]
            }
            let notes = diff.incompletePermissions.map { "\($0.actor) \($0.action) : trop de combinaisons pour comparer exactement." }
            sections.append(Section(title: "Permissions", columns: ["Rôle", "Action", "Désormais permis", "Désormais refusé", "Désormais indéterminé"],
                                    rows: rows, notes: notes))
        }
        var tasks: [[String]] = []
        for step in diff.addedSteps { tasks.append([DiffWords.task(step.id, label: step.label), "étape ajoutée"]) }
        for step in diff.removedSteps { tasks.append([DiffWords.task(step.id, label: step.label), "étape supprimée"]) }
        for task in diff.tasks {
            var parts: [String] = []
            if let oldID = task.oldID { parts.append("renommée (était \(oldID))") }
            if let step = task.step { parts.append("passe de l'étape \(step.from) à l'étape \(step.to)") }
            var byActor: [(String, [String])] = []
            for change in task.letters {
                if byActor.last?.0 == change.actor { byActor[byActor.count - 1].1.append(DiffWords.letterChange(change)) } else {
                    byActor.append((change.actor, [DiffWords.letterChange(change)]))
                }
            }
            parts += byActor.map { "\($0.0) \($0.1.joined(separator: ", "))" }
            tasks.append([DiffWords.task(task.id, label: task.label), parts.joined(separator: " ; ")])
        }
        for task in diff.addedTasks {
            tasks.append([DiffWords.task(task.id, label: task.label), "tâche ajoutée (étape \(task.step)) : \(DiffWords.holders(task.letters))"])
        }
        for task in diff.removedTasks {
            var text = "tâche supprimée (étape \(task.step)) : \(DiffWords.holders(task.letters))"
            if case .adaptation(let context) = diff.comparison, let reason = context.removalReason(of: task.id) {
                text += " ; raison donnée par l'établissement : « \(reason) »"
            }
            tasks.append([DiffWords.task(task.id, label: task.label), text])
        }
        if !tasks.isEmpty { sections.append(Section(title: "Responsabilités", columns: ["Tâche", "Changement"], rows: tasks, notes: [])) }
        if !diff.deadlines.isEmpty {
            let following = diff.deadlines.filter { $0.followsCalendar && $0.badDay == nil }
            let rows = diff.deadlines.filter { !following.contains($0) }.map { [DiffWords.task($0.task, label: $0.label), DiffWords.deadline($0)] }
            let notes = following.isEmpty ? [] : [
                "\(DiffWords.count(following.count, "échéance suit", "échéances suivent")) \(DiffWords.calendar(diff)), avec la même règle : "
                    + following.map(\.task).joined(separator: ", ") + ".",
            ]
            sections.append(Section(title: "Échéances", columns: ["Tâche", "Changement"], rows: rows, notes: notes))
        }
        if !diff.tests.isEmpty {
            var notes: [String] = []
            if case .adaptation(let context) = diff.comparison {
                for test in context.removedTests where diff.tests.contains(where: { $0.test == test.name }) {
                    notes.append("Test « \(test.name) » retiré par l'établissement : « \(test.reason) ».")
                }
            }
            sections.append(Section(title: "Tests", columns: ["Test", "Assertion", "Avant", "Après"], rows: diff.tests.map {
                [$0.test, $0.text, DiffWords.assertion($0.before), DiffWords.assertion($0.after)]
            }, notes: notes))
        }
        if let journal = diff.journal, !journal.isEmpty {
            sections.append(Section(title: "Journal", columns: ["Ligne jugée autrement"], rows: journal.map { [DiffWords.journalRow($0)] }, notes: []))
        }
        self.sections = sections
    }

    /// `Du modèle « M » (version V, fichier F) à la charte de l'établissement « E » (fichier G).`, or
    /// `Le modèle « M », de la version V (fichier F) à la version W (fichier H), vu par la charte de …`.
    static func subtitle(_ context: ModelContext, update: Bool) -> String {
        let school = "la charte de l'établissement" + (context.establishment.map { " « \($0) »" } ?? "") + " (fichier \(context.school))"
        guard update else {
            let version = context.newVersion.map { "version \($0), " } ?? ""
            return "Du modèle « \(context.model) » (\(version)fichier \(context.newModelFile)) à \(school)."
        }
        let from = context.oldVersion.map { "de la version \($0)" } ?? "de l'ancienne version"
        let to = context.newVersion.map { "à la version \($0)" } ?? "à la nouvelle"
        return "Le modèle « \(context.model) », \(from) (fichier \(context.oldModelFile)) \(to) (fichier \(context.newModelFile)), vu par \(school)."
    }
}

/// The council document as Markdown (tables, printable from any Markdown viewer).
public enum DiffMarkdownRenderer {
    /// The document, ending with a newline.
    public static func render(_ document: DiffDocument) -> String {
        var lines = ["# \(MarkdownExport.escape(document.title))", "", "**\(MarkdownExport.escape(document.summary))**", "",
                     "_\(MarkdownExport.escape(document.subtitle))_"]
        for section in document.sections {
            lines += ["", "## \(MarkdownExport.escape(section.title))", "", MarkdownExport.row(section.columns),
                      MarkdownExport.separator(section.columns.count)]
            lines += section.rows.map(MarkdownExport.row)
            for note in section.notes { lines += ["", MarkdownExport.escape(note)] }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The council document as one self-contained HTML page: inline CSS, no script, no external resource.
public enum DiffHTMLRenderer {
    /// The page, ending with a newline.
    public static func render(_ document: DiffDocument) -> String {
        var body = "<header><h1>\(HTMLExport.escape(document.title))</h1>\n"
        body += "<p class=\"resume\">\(HTMLExport.escape(document.summary))</p>\n"
        body += "<p class=\"meta\">\(HTMLExport.escape(document.subtitle))</p></header>\n"
        for section in document.sections {
            body += "<section>\n<h2>\(HTMLExport.escape(section.title))</h2>\n<table>\n<thead><tr>"
            body += section.columns.map { "<th>\(HTMLExport.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in section.rows { body += "<tr>" + row.map { "<td>\(HTMLExport.escape($0))</td>" }.joined() + "</tr>\n" }
            body += "</tbody>\n</table>\n"
            for note in section.notes { body += "<p>\(HTMLExport.escape(note))</p>\n" }
            body += "</section>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLExport.escape(document.title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        <footer>Document produit par charte diff à partir des deux chartes vérifiées.</footer>
        </body>
        </html>

        """
    }

    /// The page's style: readable on screen, printed on A4 portrait.
    static let css = """
    body { margin: 0; background: #f3f4f7; color: #1b1f2a; font: 10pt/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; }
    main { max-width: 1000px; margin: 24px auto; background: #fff; padding: 28px 34px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
    header { border-bottom: 3px solid #1d3f8f; padding-bottom: 10px; margin-bottom: 16px; }
    h1 { margin: 0 0 6px; font-size: 18pt; }
    .resume { font-size: 12pt; font-weight: 700; margin: 4px 0; }
    .meta { color: #5b6475; margin: 0; }
    h2 { font-size: 13pt; color: #1d3f8f; margin: 20px 0 8px; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #d5d9e0; padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: #dfe7f7; }
    tbody tr:nth-child(even) td { background: #f8f9fb; }
    footer { max-width: 1000px; margin: 0 auto 24px; color: #5b6475; font-size: 8.5pt; }
    @page { size: A4 portrait; margin: 14mm; }
    @media print { body { background: #fff; } main { box-shadow: none; margin: 0; padding: 0; max-width: none; } section { break-inside: avoid-page; } }
    """
}
