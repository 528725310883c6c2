/// Renders diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning uploads.
///
/// One run; its driver lists one rule per `DiagnosticCode` (so `ruleIndex` is stable from
/// one run to the next), and each diagnostic becomes a result with its physical location.
/// Notes with a place become `relatedLocations`. Columns count Unicode code points
/// (`columnKind` says so) and regions also carry their byte offset and length.
public struct SarifRenderer: Sendable {
    /// The SARIF version written.
    public static let sarifVersion = "2.1.0"
    /// The schema of SARIF 2.1.0 (OASIS, errata 01).
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The tool's version (`charte --version`).
    public var toolVersion: String
    /// Where to learn about the tool, an absolute URI; nil (the field left out) while the
    /// project has no public home.
    public var informationURI: String?

    /// Creates a renderer for a tool version and, optionally, its home page.
    public init(toolVersion: String, informationURI: String? = nil) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    /// The rules, one per code, in `DiagnosticCode.allCases` order.
    public static let rules: [DiagnosticCode] = DiagnosticCode.allCases

    /// The SARIF log for some checked files.
    public func log(_ files: [FileDiagnostics]) -> JSON {
        let results = files.flatMap { file in file.diagnostics.map { result($0, sources: file.sources) } }
        var members: [(String, JSON)] = [
            ("name", .string("charte")),
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
        ]
        if let informationURI { members.append(("informationUri", .string(informationURI))) }
        members += [("language", .string("fr-FR")), ("rules", .array(Self.rules.map(Self.rule)))]
        let driver: JSON = .object(members)
        let run: JSON = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return .object([
            ("$schema", .string(Self.schema)),
            ("version", .string(Self.sarifVersion)),
            ("runs", .array([run])),
        ])
    }

    /// The log as pretty-printed text, with a final newline.
    public func render(_ files: [FileDiagnostics]) -> String {
        log(files).rendered(pretty: true) + "\n"
    }

    /// The `reportingDescriptor` of a code: its title, what it means and how to fix it (the
    /// text of `charte expliquer`), with the example charter in the Markdown help.
    static func rule(_ code: DiagnosticCode) -> JSON {
        let explanation = code.explanation
        let meaning = paragraph(explanation.meaning), fix = paragraph(explanation.fix)
        let markdown = "**Sens.** \(meaning)\n\n**Exemple.**\n\n```\n\(explanation.example)\n```\n\n"
            + "**Correction.** \(fix)\n\nVoir aussi : `charte expliquer \(code.rawValue)`."
        return .object([
            ("id", .string(code.rawValue)),
            ("name", .string(code.identifier)),
            ("shortDescription", .object([("text", .string(code.title))])),
            ("fullDescription", .object([("text", .string(meaning))])),
            ("help", .object([("text", .string(fix)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(code.severity)))])),
            ("properties", .object([("tags", .strings(["charte"]))])),
        ])
    }

    /// Text wrapped over several lines, as one line.
    static func paragraph(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingPrefix(while: \.isWhitespace) }.joined(separator: " ")
    }

    /// The SARIF level of a severity.
    static func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    /// One `result`.
    func result(_ diagnostic: Diagnostic, sources: SourceMap) -> JSON {
        var text = diagnostic.message.text
        if let suggestion = HumanRenderer.suggestionText(diagnostic.candidates, sources: sources) {
            text += " (\(suggestion))"
        }
        var members: [(String, JSON)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", .int(Self.rules.firstIndex(of: diagnostic.code) ?? 0)),
            ("level", .string(Self.level(diagnostic.severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([
                ("physicalLocation", Self.physicalLocation(DiagnosticLocation(diagnostic.span, sources: sources))),
            ])])),
        ]
        let related = diagnostic.notes.enumerated().compactMap { index, note -> JSON? in
            guard let span = note.span else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", Self.physicalLocation(DiagnosticLocation(span, sources: sources))),
                ("message", .object([("text", .string(note.message.text))])),
            ])
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        return .object(members)
    }

    /// A `physicalLocation` with its artifact and region.
    static func physicalLocation(_ location: DiagnosticLocation) -> JSON {
        .object([
            ("artifactLocation", .object([("uri", .string(uri(forPath: location.file)))])),
            ("region", .object([
                ("startLine", .int(location.start.line)),
                ("startColumn", .int(location.start.column)),
                ("endLine", .int(location.end.line)),
                ("endColumn", .int(location.end.column)),
                ("byteOffset", .int(location.byteStart)),
                ("byteLength", .int(location.byteEnd - location.byteStart)),
            ])),
        ])
    }

    /// A URI reference for a path: relative paths stay relative (to the repository root,
    /// as code scanning expects), absolute ones become `file://` URIs; every byte outside
    /// the unreserved set and `/` is percent-encoded.
    public static func uri(forPath path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        var encoded = ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if isUnreserved || byte == 0x2F {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
