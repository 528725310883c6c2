import Charte

/// The output formats of diagnostics on the command line.
enum DiagnosticFormat: String, CaseIterable {
    case humain, gcc

    static func parse(_ value: String?) throws(UsageError) -> DiagnosticFormat {
        guard let value else { return .humain }
        guard let format = DiagnosticFormat(rawValue: value) else {
            throw UsageError(message: "format inconnu « \(value) » (formats : \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}

/// Prints diagnostics of loaded charters, at most `limit` of them.
struct DiagnosticPrinter {
    let format: DiagnosticFormat
    let console: Console
    var limit = Limits.standard.printedDiagnostics
    private(set) var printed = 0
    private(set) var hidden = 0

    init(format: DiagnosticFormat, console: Console) {
        self.format = format
        self.console = console
    }

    mutating func print(_ diagnostics: [Diagnostic], sources: SourceMap) {
        let human = HumanRenderer(colour: console.colourOnErr)
        for diagnostic in diagnostics {
            guard printed < limit else {
                hidden += 1 + diagnostic.omittedCount
                continue
            }
            printed += 1
            switch format {
            case .humain: console.err(human.render(diagnostic, sources: sources) + "\n")
            case .gcc: console.err(GccRenderer().render(diagnostic, sources: sources))
            }
        }
    }

    func finish() {
        if hidden > 0 { console.err("… et \(hidden) autres diagnostics\n") }
    }
}

extension Diagnostic {
    /// How many diagnostics an E013 "trop de problèmes" stands for (0 for any other).
    var omittedCount: Int {
        if case .tooManyDiagnostics(let errors, let warnings, _) = message { return errors + warnings }
        return 0
    }
}
