/// Renders diagnostics as GitHub Actions workflow commands, one a line, so a CI run shows
/// them as annotations on the charter's lines:
/// `::error file=rules/a.charte,line=3,col=5,endLine=3,endColumn=9,title=E100::message`.
///
/// Columns are inclusive here, as GitHub's annotations expect; they are given only when the
/// span starts and ends on one line. Data and properties are %-escaped as the Actions
/// toolkit does, so a message can neither end the command nor inject another one.
public struct GitHubRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The workflow command of one diagnostic, with its newline.
    public func render(_ diagnostic: Diagnostic, sources: SourceMap) -> String {
        let location = DiagnosticLocation(diagnostic.span, sources: sources)
        var properties: [(String, String)] = [("file", ControlCharacters.escaped(location.file)), ("line", String(location.start.line))]
        if location.isSingleLine {
            properties.append(("col", String(location.start.column)))
            properties.append(("endLine", String(location.end.line)))
            properties.append(("endColumn", String(max(location.start.column, location.end.column - 1))))
        } else {
            properties.append(("endLine", String(location.end.line)))
        }
        properties.append(("title", diagnostic.code.rawValue))
        var lines = [diagnostic.message.text]
        if let suggestion = HumanRenderer.suggestionText(diagnostic.candidates, sources: sources) {
            lines.append("aide : " + suggestion)
        }
        if let help = diagnostic.message.help { lines.append("aide : " + help) }
        let command = diagnostic.severity == .error ? "error" : "warning"
        let joined = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        let data = lines.map { ControlCharacters.escaped($0) }.joined(separator: "\n")
        return "::\(command) \(joined)::\(Self.escapeData(data))\n"
    }

    /// Escapes a command's message: `%`, carriage return and line feed.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Escapes a property value: as data, plus `:` and `,`, which delimit properties.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
