/// A charter that checked without a single error: the only way into the evaluators
/// (`QueryEngine`, `JournalChecker`, `DeadlineSchedule`, `Agenda`, `Authorizer`, the
/// exporters, the test runner, the REPL).
///
/// There is no public initializer: the pipeline makes one (`LoadedCharter.checked`) only when
/// no diagnostic is an error, so an evaluator that takes one never has to ask again, and a
/// charter with errors cannot reach an answer by mistake.
public struct CheckedCharter: Sendable {
    /// The checked model: every name resolved, every condition typed.
    public let model: Charter
    /// The charter's source file (declarations are quoted from it, answers give its lines).
    public let file: SourceFile
    /// The sources, to render positions and diagnostics.
    public let sources: SourceMap
    /// The syntax tree the model was checked from.
    public let tree: SyntaxTree
    /// The warnings found while checking; never an error.
    public let warnings: [Diagnostic]

    /// A checked charter, or nil when any diagnostic is an error (the one place that decides).
    init?(model: Charter, file: SourceFile, sources: SourceMap, tree: SyntaxTree, diagnostics: [Diagnostic]) {
        guard !diagnostics.hasErrors else { return nil }
        self.model = model
        self.file = file
        self.sources = sources
        self.tree = tree
        self.warnings = diagnostics
    }
}
