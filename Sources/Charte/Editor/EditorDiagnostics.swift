/// Diagnostics in the protocol's shape (`textDocument/publishDiagnostics`).
///
/// The message is the catalogue's text; the underline's label, the "vouliez-vous dire"
/// candidates and the help follow it on their own lines, as the terminal shows them. Notes
/// with a place become `relatedInformation`, so the editor can jump to them.
enum EditorDiagnostics {
    /// The `publishDiagnostics` notification for a document.
    static func notification(for document: EditorDocument, encoding: PositionEncoding) -> JSON {
        var params: [(String, JSON)] = [("uri", .string(document.uri))]
        if let version = document.version { params.append(("version", .int(version))) }
        params.append(("diagnostics", .array(document.loaded.diagnostics.map { object($0, in: document, encoding: encoding) })))
        return .object([("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")), ("params", .object(params))])
    }

    /// The notification clearing a closed document's diagnostics.
    static func cleared(uri: String) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string("textDocument/publishDiagnostics")),
                 ("params", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))])
    }

    /// One diagnostic.
    static func object(_ diagnostic: Diagnostic, in document: EditorDocument, encoding: PositionEncoding) -> JSON {
        let file = document.file
        // A diagnostic in the model a charter adapts: on the `adapte` line, with its own place.
        let elsewhere = diagnostic.span.file != file.id && document.loaded.sources.files.indices.contains(diagnostic.span.file.rawValue)
        var lines = [diagnostic.message.text]
        if elsewhere {
            let other = document.loaded.sources[diagnostic.span.file]
            lines[0] = "\(other.name):\(other.location(of: diagnostic.span.start).line) : " + lines[0]
        }
        if let label = diagnostic.message.label { lines.append(label) }
        if let suggestion = HumanRenderer.suggestionText(diagnostic.candidates, sources: document.loaded.sources) {
            lines.append("aide : " + suggestion)
        }
        if let help = diagnostic.message.help { lines.append("aide : " + help) }
        for note in diagnostic.notes where note.span == nil || note.span?.file != file.id {
            lines.append("note : " + note.message.text)
        }
        let related: [JSON] = diagnostic.notes.compactMap { note in
            guard let span = note.span, span.file == file.id else { return nil }
            return .object([
                ("location", .object([("uri", .string(document.uri)), ("range", file.range(of: span, encoding: encoding))])),
                ("message", .string(note.message.text)),
            ])
        }
        var members: [(String, JSON)] = [
            ("range", file.range(of: elsewhere ? (Adaptation.adapts(of: document.loaded.tree)?.span ?? Span(file: file.id, start: 0, end: 0))
                                                   : diagnostic.span, encoding: encoding)),
            ("severity", .int(diagnostic.severity == .error ? 1 : 2)),
            ("code", .string(diagnostic.code.rawValue)),
            ("source", .string("charte")),
            ("message", .string(lines.joined(separator: "\n"))),
        ]
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        return .object(members)
    }
}
