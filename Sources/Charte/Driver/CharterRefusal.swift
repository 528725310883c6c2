/// Why a charter with errors is not used: the one refusal that every command (`requete` and
/// its shortcuts, `exporter`, `journal`, `agenda`, `test`, `repl`) and the REPL's `:charger`
/// give, with the same text, the same summary and exit code 1.
///
/// A charter with errors never answers: the pipeline makes no `CheckedCharter` of it, and
/// this is what is shown instead.
public struct CharterRefusal: Error, Sendable, CustomStringConvertible {
    /// The name of the refused file, as given.
    public let fileName: String
    /// Every diagnostic of the file, in reading order.
    public let diagnostics: [Diagnostic]
    /// The sources, to render the diagnostics.
    public let sources: SourceMap

    /// The refusal of a loaded charter (meant for one with errors).
    public init(_ loaded: LoadedCharter) {
        fileName = loaded.file.name
        diagnostics = loaded.diagnostics
        sources = loaded.sources
    }

    /// The errors and warnings the summary line counts.
    public var count: DiagnosticCount { DiagnosticCount(diagnostics) }

    /// The closing sentence: `La charte « f » contient des erreurs : elle doit être corrigée avant usage.`
    public var sentence: String {
        "La charte « \(ControlCharacters.escaped(fileName)) » contient des erreurs : elle doit être corrigée avant usage."
    }

    /// The text without colour, as an embedding program prints it.
    public var description: String { text() }

    /// The whole French text, each line ending with a newline: the diagnostics (at most
    /// `limit`, then `… et N autres diagnostics`), the summary line, the sentence.
    public func text(colour: Bool = false, limit: Int = Limits.standard.printedDiagnostics) -> String {
        HumanRenderer(colour: colour).render(diagnostics, sources: sources, limit: limit)
            + count.summary + "\n" + sentence + "\n"
    }
}
