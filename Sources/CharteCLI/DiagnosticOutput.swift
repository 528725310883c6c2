import Charte

/// The output formats of diagnostics on the command line.
enum DiagnosticFormat: String, CaseIterable {
    /// rustc/Elm style, on standard error (the default).
    case humain
    /// `fichier:ligne:colonne: error: message [E100]` (the tools' severity words), on standard error.
    case gcc
    /// One JSON document on standard output (see `DiagnosticJSONRenderer`).
    case json
    /// A SARIF 2.1.0 log on standard output, for GitHub code scanning.
    case sarif
    /// GitHub Actions workflow commands on standard output (annotations).
    case github

    static func parse(_ value: String?) throws(UsageError) -> DiagnosticFormat {
        guard let value else { return .humain }
        guard let format = DiagnosticFormat(rawValue: value) else {
            throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

    /// Whether the format is one document written at the end (every diagnostic, no limit).
    var isDocument: Bool { self == .json || self == .sarif }

    /// Whether the format is meant for people, who get the summary line on standard error.
    var isForPeople: Bool { self == .humain }
}

/// Prints diagnostics of loaded charters: line formats as they come (at most `limit`),
/// document formats (JSON, SARIF) all at once in `finish`.
struct DiagnosticPrinter {
    let format: DiagnosticFormat
    let console: Console
    var limit = Limits.standard.printedDiagnostics
    private(set) var printed = 0
    private(set) var hidden = 0
    private var collected: [FileDiagnostics] = []

    init(format: DiagnosticFormat, console: Console) {
        self.format = format
        self.console = console
    }

    mutating func print(_ diagnostics: [Diagnostic], sources: SourceMap) {
        collected.append(FileDiagnostics(sources: sources, diagnostics: diagnostics))
        guard !format.isDocument else { return }
        let human = HumanRenderer(colour: console.colourOnErr)
        for diagnostic in diagnostics {
            // --quiet keeps the errors only (documents keep everything).
            if console.quiet, diagnostic.severity == .warning { continue }
            guard printed < limit else {
                hidden += 1 + diagnostic.omittedCount
                continue
            }
            printed += 1
            switch format {
            case .humain: console.err(human.render(diagnostic, sources: sources) + "\n")
            case .gcc: console.err(GccRenderer().render(diagnostic, sources: sources))
            case .github: console.out(GitHubRenderer().render(diagnostic, sources: sources))
            case .json, .sarif: break
            }
        }
    }

    /// Ends the output: the "… et N autres" line, or the JSON or SARIF document.
    func finish(unreadable: [String] = []) {
        switch format {
        case .json:
            let summary = CheckSummary(collected, unreadable: unreadable)
            console.out(DiagnosticJSONRenderer().render(collected, summary: summary))
        case .sarif:
            console.out(SarifRenderer(toolVersion: CLI.version).render(collected))
        case .humain, .gcc, .github:
            if hidden > 0 { console.notice("… et \(hidden) autres diagnostics\n") }
        }
    }
}
