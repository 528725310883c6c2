/// Quick fixes for the diagnostics under the cursor (`textDocument/codeAction`).
///
/// A "vouliez-vous dire" becomes one replacement per candidate (the first preferred); a
/// task without `responsable` gets a clause naming an actor it already involves, or one of
/// the first declared roles.
enum EditorCodeActions {
    /// The quick fixes for the diagnostics touching a byte range.
    static func actions(touching range: Range<Int>, in document: EditorDocument, encoding: PositionEncoding) -> [JSON] {
        var actions: [JSON] = []
        for diagnostic in document.loaded.diagnostics where diagnostic.span.file == document.file.id
            && diagnostic.span.start <= range.upperBound && range.lowerBound <= diagnostic.span.end {
            let object = EditorDiagnostics.object(diagnostic, in: document, encoding: encoding)
            for (position, candidate) in diagnostic.candidates.enumerated() {
                actions.append(action("Remplacer par « \(candidate.name) »", diagnostic: object, preferred: position == 0,
                                      edit: (diagnostic.span, candidate.name), in: document, encoding: encoding))
            }
            if case .noResponsable = diagnostic.message {
                for (position, fix) in missingResponsable(at: diagnostic.span, in: document).enumerated() {
                    actions.append(action("Ajouter « responsable \(fix.actor) »", diagnostic: object, preferred: position == 0,
                                          edit: (fix.at, fix.text), in: document, encoding: encoding))
                }
            }
        }
        return actions
    }

    /// One quick fix replacing a span with a text.
    private static func action(_ title: String, diagnostic: JSON, preferred: Bool, edit: (span: Span, text: String),
                               in document: EditorDocument, encoding: PositionEncoding) -> JSON {
        let textEdit = JSON.object([("range", document.file.range(of: edit.span, encoding: encoding)), ("newText", .string(edit.text))])
        return .object([
            ("title", .string(title)),
            ("kind", .string("quickfix")),
            ("diagnostics", .array([diagnostic])),
            ("isPreferred", .bool(preferred)),
            ("edit", .object([("changes", .object([(document.uri, .array([textEdit]))]))])),
        ])
    }

    /// Where and what to insert to give the task named at `span` a responsable, for up to three actors.
    static func missingResponsable(at span: Span, in document: EditorDocument) -> [(actor: String, at: Span, text: String)] {
        guard let task = EditorHover.tasks(in: document.loaded.tree).first(where: { $0.name.span == span }) else { return [] }
        let bytes = document.bytes
        var brace = (task.label?.span.end ?? task.name.span.end)
        while brace < task.span.end, brace < bytes.count, bytes[brace] != UInt8(ascii: "{") { brace += 1 }
        guard brace < bytes.count, bytes[brace] == UInt8(ascii: "{") else { return [] }
        // Actors the task already names come first, then the declared roles.
        var actors: [String] = []
        for located in task.clauses {
            if case .actors(_, let names) = located.clause { actors += names.map(\.text) }
        }
        actors += document.index.declarations.filter { $0.kind == .actor(.role) }.map(\.name)
        var seen = Set<String>()
        actors = actors.filter { document.index.isDeclared($0, in: .shared) && seen.insert($0).inserted }
        let file = document.file
        let braceLine = file.lineIndex(of: brace)
        let text: String
        if file.lineIndex(of: task.span.end) == braceLine {
            text = " responsable %@"
        } else {
            let indent: String
            if let first = task.clauses.first, file.lineIndex(of: first.span.start) != braceLine {
                indent = leadingBlanks(ofLineAt: first.span.start, in: file)
            } else {
                indent = leadingBlanks(ofLineAt: task.span.start, in: file) + "  "
            }
            text = "\n" + indent + "responsable %@"
        }
        let at = Span(file: file.id, start: brace + 1, end: brace + 1)
        return actors.prefix(3).map { actor in (actor, at, text.replacing("%@", with: actor)) }
    }

    /// The spaces and tabs starting the line that holds an offset.
    private static func leadingBlanks(ofLineAt offset: Int, in file: SourceFile) -> String {
        let line = file.lineText(file.lineIndex(of: offset) + 1)
        return String(line.prefix { $0 == " " || $0 == "\t" })
    }
}
