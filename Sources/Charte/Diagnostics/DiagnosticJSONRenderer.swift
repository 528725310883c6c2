/// Renders diagnostics as one JSON document for tools (`charte verifier --format json`).
///
/// The shape, version 1 (keys in this order, every key always present):
///
/// ```
/// {"version": 1,
///  "diagnostics": [{"code", "titre", "severite": "erreur"|"avertissement", "message",
///                   "fichier", "ligne", "colonne", "ligne_fin", "colonne_fin",
///                   "octet_debut", "octet_fin", "etiquette": string|null,
///                   "notes": [{"message", "fichier", "ligne", "colonne", "ligne_fin",
///                              "colonne_fin", "octet_debut", "octet_fin"}],
///                   "aide": string|null, "suggestions": [{"nom", "fichier", "ligne", "colonne"}]}],
///  "bilan": {"fichiers", "erreurs", "avertissements", "illisibles": []}}
/// ```
///
/// Lines and columns start at 1, columns count Unicode characters, ends are exclusive;
/// a note or suggestion without a place has `null` location fields.
public struct DiagnosticJSONRenderer: Sendable {
    /// The version of the document shape, bumped on any incompatible change.
    public static let formatVersion = 1

    /// Creates a renderer.
    public init() {}

    /// The document for some checked files.
    public func document(_ files: [FileDiagnostics], summary: CheckSummary) -> JSON {
        let diagnostics = files.flatMap { file in file.diagnostics.map { object($0, sources: file.sources) } }
        return .object([
            ("version", .int(Self.formatVersion)),
            ("diagnostics", .array(diagnostics)),
            ("bilan", .object([
                ("fichiers", .int(summary.files)),
                ("erreurs", .int(summary.errors)),
                ("avertissements", .int(summary.warnings)),
                ("illisibles", .strings(summary.unreadable)),
            ])),
        ])
    }

    /// The document as pretty-printed text, with a final newline.
    public func render(_ files: [FileDiagnostics], summary: CheckSummary) -> String {
        document(files, summary: summary).rendered(pretty: true) + "\n"
    }

    /// One diagnostic as a JSON object.
    public func object(_ diagnostic: Diagnostic, sources: SourceMap) -> JSON {
        var members: [(String, JSON)] = [
            ("code", .string(diagnostic.code.rawValue)),
            ("titre", .string(diagnostic.code.title)),
            ("severite", .string(diagnostic.severity.french)),
            ("message", .string(diagnostic.message.text)),
        ]
        members += Self.locationMembers(DiagnosticLocation(diagnostic.span, sources: sources))
        members.append(("etiquette", .optional(diagnostic.message.label)))
        members.append(("notes", .array(diagnostic.notes.map { note in
            .object([("message", .string(note.message.text))]
                    + Self.locationMembers(note.span.map { DiagnosticLocation($0, sources: sources) }))
        })))
        members.append(("aide", .optional(diagnostic.message.help)))
        members.append(("suggestions", .array(diagnostic.candidates.map { candidate in
            let location = candidate.span.map { DiagnosticLocation($0, sources: sources) }
            return .object([
                ("nom", .string(candidate.name)),
                ("fichier", .optional(location?.file)),
                ("ligne", location.map { .int($0.start.line) } ?? .null),
                ("colonne", location.map { .int($0.start.column) } ?? .null),
            ])
        })))
        return .object(members)
    }

    /// The location keys of a diagnostic or a note; all `null` without a location.
    static func locationMembers(_ location: DiagnosticLocation?) -> [(String, JSON)] {
        func int(_ value: Int?) -> JSON { value.map(JSON.int) ?? .null }
        return [
            ("fichier", .optional(location?.file)),
            ("ligne", int(location?.start.line)),
            ("colonne", int(location?.start.column)),
            ("ligne_fin", int(location?.end.line)),
            ("colonne_fin", int(location?.end.column)),
            ("octet_debut", int(location?.byteStart)),
            ("octet_fin", int(location?.byteEnd)),
        ]
    }
}
