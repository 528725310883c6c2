/// What the editor shows when the pointer rests on a name or a deadline (`textDocument/hover`).
///
/// Read from the syntax tree (so a charter with errors still answers), with the dates the
/// checker computed: the label and note of a name, the real date of a deadline in French,
/// and for an action the tasks that perform it with their responsables, and the rules on it.
enum EditorHover {
    /// The Markdown shown for a byte offset, with the span it is about; nil when there is nothing to say.
    static func hover(at offset: Int, in document: EditorDocument) -> (text: String, span: Span)? {
        let tree = document.loaded.tree
        if let deadline = deadlineExpression(at: offset, in: tree) {
            return (deadlineText(deadline.expression, task: deadline.task, document: document), deadline.expression.span)
        }
        guard let occurrence = document.index.occurrence(at: offset) else { return nil }
        let entries = document.index.declarations(of: occurrence.name, in: occurrence.namespace)
        guard let entry = entries.first else {
            return ("« \(occurrence.name) » n'est déclaré nulle part dans cette charte.", occurrence.span)
        }
        return (describe(entry, document: document), occurrence.span)
    }

    // MARK: - Names

    /// The description of a declared name.
    static func describe(_ entry: NameIndex.Entry, document: EditorDocument) -> String {
        var lines = ["**\(entry.kind.french)** `\(entry.name)`" + (entry.label.map { " — \($0)" } ?? "")]
        let tree = document.loaded.tree
        switch entry.kind {
        case .actor:
            if let decl = actorDecl(entry, in: tree) {
                if !decl.members.isEmpty { lines.append("membres : " + decl.members.map { "`\($0.text)`" }.joined(separator: ", ")) }
                if !decl.persons.isEmpty { lines.append("personnes : " + decl.persons.map(\.value).joined(separator: ", ")) }
            }
            let held = tasks(in: tree).filter { task in
                task.clauses.contains { clause in
                    if case .actors(.responsible, let names) = clause.clause { return names.contains { $0.text == entry.name } }
                    return false
                }
            }
            if !held.isEmpty { lines.append("responsable de : " + held.map { "`\($0.name.text)`" }.joined(separator: ", ")) }
        case .task:
            if let task = tasks(in: tree).first(where: { $0.name.span == entry.nameSpan }) {
                lines += taskLines(task, document: document)
            }
        case .action:
            lines += actionLines(entry.name, in: document)
        case .objectType:
            if let decl = objectDecl(named: entry.name, in: tree) {
                lines += decl.attributes.map { "- `\($0.name.text)` : \(document.file.text(typeSpan($0)).trimmedBlanks)" }
            }
        case .step:
            if let step = steps(in: tree).first(where: { $0.name.span == entry.nameSpan }) {
                if !step.after.isEmpty { lines.append("après : " + step.after.map { "`\($0.text)`" }.joined(separator: ", ")) }
                lines.append("tâches : " + (step.tasks.isEmpty ? "aucune" : step.tasks.map { "`\($0.name.text)`" }.joined(separator: ", ")))
            }
        case .calendarEntry:
            if let calendar = document.loaded.model.calendar, let index = calendar.index[entry.name] {
                let item = calendar.entries[index]
                if let end = item.end {
                    lines.append("période : du \(DateText.long(item.start)) au \(DateText.long(end))")
                } else {
                    lines.append("date : \(DateText.long(item.start))")
                }
            }
        case .event, .attribute, .value:
            break
        }
        return lines.joined(separator: "\n\n")
    }

    /// The step, letters, deadline and notes of a task.
    private static func taskLines(_ task: TaskDecl, document: EditorDocument) -> [String] {
        var lines: [String] = []
        if let step = steps(in: document.loaded.tree).first(where: { $0.tasks.contains { $0.name.span == task.name.span } }) {
            lines.append("étape : `\(step.name.text)`" + (step.label.map { " — \($0.value)" } ?? ""))
        }
        for located in task.clauses {
            if case .actors(let letter, let names) = located.clause {
                lines.append("\(letter.keyword.spelling) : " + names.map { "`\($0.text)`" }.joined(separator: ", "))
            }
        }
        for located in task.clauses {
            if case .deadline(let expression) = located.clause {
                lines.append(deadlineText(expression, task: task, document: document))
            }
        }
        for located in task.clauses {
            if case .note(let note) = located.clause { lines.append("> " + note.value) }
        }
        return lines
    }

    /// Who performs an action, and the rules written about it.
    private static func actionLines(_ action: String, in document: EditorDocument) -> [String] {
        let tree = document.loaded.tree, file = document.file
        var lines: [String] = []
        if let decl = tree.declarations.lazy.compactMap({ declaration -> ActionDecl? in
            if case .action(let decl) = declaration, decl.name.text == action { return decl }
            return nil
        }).first, let type = decl.objectType {
            lines.append("sur `\(type.text)`")
        }
        var doers: [String] = []
        for task in tasks(in: tree) {
            for located in task.clauses {
                guard case .action(let name, let condition) = located.clause, name.text == action else { continue }
                let responsables = task.clauses.flatMap { clause -> [Name] in
                    if case .actors(.responsible, let names) = clause.clause { return names }
                    return []
                }
                let who = responsables.isEmpty ? "sans responsable" : responsables.map { "`\($0.text)`" }.joined(separator: ", ")
                doers.append("- \(who) — tâche `\(task.name.text)`" + (condition.map { ", si " + file.text($0.span.range) } ?? ""))
            }
        }
        lines.append(doers.isEmpty ? "Aucune tâche ne fait cette action." : "Qui la fait :\n" + doers.joined(separator: "\n"))
        var rules: [String] = []
        for declaration in tree.declarations {
            guard case .permission(let decl) = declaration, decl.action.text == action else { continue }
            var actors = decl.everyone ? "tous" : decl.actors.map { "`\($0.text)`" }.joined(separator: ", ")
            if !decl.exceptions.isEmpty { actors += " sauf " + decl.exceptions.map { "`\($0.text)`" }.joined(separator: ", ") }
            rules.append("- \(decl.kind.rawValue) \(actors)" + (decl.condition.map { " si " + file.text($0.span.range) } ?? ""))
        }
        if !rules.isEmpty { lines.append("Règles :\n" + rules.joined(separator: "\n")) }
        return lines
    }

    // MARK: - Deadlines

    /// The deadline expression a byte offset is in, with its task.
    static func deadlineExpression(at offset: Int, in tree: SyntaxTree) -> (expression: DateExpr, task: TaskDecl)? {
        for task in tasks(in: tree) where task.span.start <= offset && offset <= task.span.end {
            for located in task.clauses {
                if case .deadline(let expression) = located.clause,
                   expression.span.start <= offset, offset <= expression.span.end {
                    return (expression, task)
                }
            }
        }
        return nil
    }

    /// `échéance : mardi 15 septembre 2026 (rentree + 2 semaines)`, the date as the checker computed it.
    static func deadlineText(_ expression: DateExpr, task: TaskDecl, document: EditorDocument) -> String {
        let written = document.file.text(expression.span.range)
        let model = document.loaded.model
        guard let checked = model.tasks.first(where: { $0.nameSpan == task.name.span }), let date = checked.deadline else {
            return "échéance : \(written) (date inconnue : voir les diagnostics)"
        }
        return written == date.description ? "échéance : \(DateText.long(date))"
                                           : "échéance : \(DateText.long(date)) (\(written))"
    }

    // MARK: - Tree helpers

    /// Every step of a tree, in order.
    static func steps(in tree: SyntaxTree) -> [StepDecl] {
        tree.declarations.compactMap { declaration in
            if case .step(let step) = declaration { return step }
            return nil
        }
    }

    /// Every task of a tree, in order.
    static func tasks(in tree: SyntaxTree) -> [TaskDecl] { steps(in: tree).flatMap(\.tasks) }

    private static func actorDecl(_ entry: NameIndex.Entry, in tree: SyntaxTree) -> ActorDecl? {
        for declaration in tree.declarations {
            if case .actor(let decl) = declaration, decl.name.span == entry.nameSpan { return decl }
        }
        return nil
    }

    private static func objectDecl(named name: String, in tree: SyntaxTree) -> ObjectDecl? {
        for declaration in tree.declarations {
            if case .object(let decl) = declaration, decl.name.text == name { return decl }
        }
        return nil
    }

    /// The type part of an attribute declaration (after the colon).
    private static func typeSpan(_ attribute: AttributeDecl) -> Range<Int> {
        (attribute.name.span.end + 1)..<max(attribute.name.span.end + 1, attribute.span.end)
    }
}
