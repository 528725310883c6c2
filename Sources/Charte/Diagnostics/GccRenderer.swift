/// Renders `fichier:ligne:colonne: error: message [E100]`, one a line, then one
/// `fichier:ligne:colonne: note: …` line per note that has a place.
///
/// The severity words are the ones compilers print (`error`, `warning`, `note`), so editors'
/// problem matchers and Vim's quickfix read the lines; the message stays in French.
public struct GccRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The word compilers use for a severity.
    public static func word(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    /// The lines of a diagnostic and its placed notes, each with its newline.
    public func render(_ diagnostic: Diagnostic, sources: SourceMap) -> String {
        let file = sources[diagnostic.span.file]
        let location = file.location(of: diagnostic.span.start)
        var message = diagnostic.message.text
        if let suggestion = HumanRenderer.suggestionText(diagnostic.candidates, sources: sources) {
            message += " (\(suggestion))"
        }
        message = ControlCharacters.escaped(message)
        var text = "\(ControlCharacters.escaped(file.name)):\(location.line):\(location.column): \(Self.word(diagnostic.severity)): \(message) [\(diagnostic.code.rawValue)]\n"
        for note in diagnostic.notes {
            guard let span = note.span else { continue }
            let noteFile = sources[span.file]
            let place = noteFile.location(of: span.start)
            text += "\(ControlCharacters.escaped(noteFile.name)):\(place.line):\(place.column): note: \(ControlCharacters.escaped(note.message.text))\n"
        }
        return text
    }
}
