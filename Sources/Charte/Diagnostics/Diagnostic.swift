/// A name offered by a "vouliez-vous dire" help, with where it was declared.
public struct Candidate: Sendable, Hashable {
    /// The declared name.
    public let name: String
    /// Where it was declared, when it has a place in a source.
    public let span: Span?
    /// Its label, shown when it was found by the words of its label rather than by spelling.
    public let label: String?

    /// Creates a candidate.
    public init(name: String, span: Span?, label: String? = nil) {
        self.name = name
        self.span = span
        self.label = label
    }
}

/// A secondary remark attached to a diagnostic, optionally pointing somewhere.
public struct Note: Sendable, Hashable {
    /// What the note says.
    public let message: NoteMessage
    /// Where it points, if anywhere.
    public let span: Span?

    /// Creates a note.
    public init(_ message: NoteMessage, at span: Span? = nil) {
        self.message = message
        self.span = span
    }
}

/// One problem found in an input: a value, collected in an array, never thrown.
public struct Diagnostic: Sendable, Hashable {
    /// What is wrong (carries the code and the French text).
    public let message: Message
    /// The smallest span showing the problem.
    public let span: Span
    /// Further remarks, with their own spans.
    public var notes: [Note]
    /// Names that could have been meant.
    public var candidates: [Candidate]

    /// Creates a diagnostic.
    public init(_ message: Message, at span: Span, notes: [Note] = [], candidates: [Candidate] = []) {
        self.message = message
        self.span = span
        self.notes = notes
        self.candidates = candidates
    }

    /// The stable code.
    public var code: DiagnosticCode { message.code }
    /// The severity implied by the code.
    public var severity: Severity { code.severity }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in reading order: by file, then position, then code.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            if a.span.file != b.span.file { return a.span.file < b.span.file }
            if a.span.start != b.span.start { return a.span.start < b.span.start }
            if a.code != b.code { return a.code < b.code }
            return a.message.text < b.message.text
        }
    }
}

/// How many errors and warnings some diagnostics stand for, those an E013 sums up included:
/// the one count behind every summary line and report.
public struct DiagnosticCount: Sendable, Hashable {
    /// The number of errors.
    public var errors = 0
    /// The number of warnings.
    public var warnings = 0

    /// Counts diagnostics; an E013 "trop de problèmes" also counts the ones it stands for.
    public init(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            if case .tooManyDiagnostics(let omittedErrors, let omittedWarnings, _) = diagnostic.message {
                errors += omittedErrors
                warnings += omittedWarnings
            }
        }
    }

    /// Adds another count.
    public static func + (lhs: DiagnosticCount, rhs: DiagnosticCount) -> DiagnosticCount {
        var sum = lhs
        sum.errors += rhs.errors
        sum.warnings += rhs.warnings
        return sum
    }

    /// The French summary line: `2 erreurs, 1 avertissement`.
    public var summary: String { HumanRenderer.summary(errors: errors, warnings: warnings) }
}
