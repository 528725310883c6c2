/// Keeps at most `perPhase` diagnostics in one phase (lexer, parser or checker) and counts
/// the others, so a hostile file cannot fill memory or time with millions of diagnostics.
///
/// The omitted ones are summed up in one E013 diagnostic placed where the first was found.
struct DiagnosticCap: Sendable {
    /// The most diagnostics one phase keeps.
    static let perPhase = 1000

    /// How many errors and warnings were dropped.
    private(set) var omittedErrors = 0, omittedWarnings = 0
    private var firstOmitted: Span?

    /// Appends a diagnostic, or counts it when the phase already holds its share.
    mutating func append(_ diagnostic: Diagnostic, to diagnostics: inout [Diagnostic]) {
        if diagnostics.count < DiagnosticCap.perPhase {
            diagnostics.append(diagnostic)
            return
        }
        count(diagnostic)
    }

    private mutating func count(_ diagnostic: Diagnostic) {
        if firstOmitted == nil { firstOmitted = diagnostic.span }
        if diagnostic.severity == .error { omittedErrors += 1 } else { omittedWarnings += 1 }
    }

    /// Whether a phase holds its share already: callers then skip costly extras (suggestions).
    static func isFull(_ diagnostics: [Diagnostic]) -> Bool { diagnostics.count >= perPhase }

    /// Trims a list built without the cap (by helpers that append directly), counting what it drops.
    mutating func enforce(on diagnostics: inout [Diagnostic]) {
        guard diagnostics.count > DiagnosticCap.perPhase else { return }
        for diagnostic in diagnostics[DiagnosticCap.perPhase...] { count(diagnostic) }
        diagnostics.removeSubrange(DiagnosticCap.perPhase...)
    }

    /// Appends the E013 summary of the omitted diagnostics, if any were.
    func close(_ diagnostics: inout [Diagnostic]) {
        guard let firstOmitted else { return }
        diagnostics.append(Diagnostic(.tooManyDiagnostics(errors: omittedErrors, warnings: omittedWarnings, limit: DiagnosticCap.perPhase),
                                      at: firstOmitted))
    }
}

extension Diagnostic {
    /// How many diagnostics an E013 "trop de problèmes" stands for (0 for any other), so a
    /// printer that hides some can count what it hides.
    public var omittedCount: Int {
        if case .tooManyDiagnostics(let errors, let warnings, _) = message { return errors + warnings }
        return 0
    }
}

extension Message {
    /// A count with its noun, singular for 0 and 1 as French wants: `0 erreur`, `2 erreurs`.
    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count > 1 ? plural : singular)"
    }

    /// A character as shown in a message: invisible and control characters as `U+0000`.
    static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .privateUse:
                var hex = String(scalar.value, radix: 16, uppercase: true)
                while hex.count < 4 { hex = "0" + hex }
                shown += "U+" + hex
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
