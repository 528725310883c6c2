// The pipeline: bytes → tokens → tree → checked charter.

/// A charter read from a file or a string, with everything found while checking it.
public struct LoadedCharter: Sendable {
    /// The sources, to render diagnostics.
    public let sources: SourceMap
    /// The charter's source file.
    public let file: SourceFile
    /// The syntax tree of the file itself (possibly partial when there were syntax errors).
    public let tree: SyntaxTree
    /// The tree the model was checked from: `tree`, or for an adaptation its model with the
    /// school's changes applied (nodes keep the span of the file they were written in).
    public let effectiveTree: SyntaxTree
    /// The comments, in order (the formatter keeps them).
    public let comments: [Span]
    /// The model as far as the checker got; complete only when `hasErrors` is false. Evaluators
    /// never take it: they take `checked`.
    public let model: Charter
    /// Every diagnostic, in reading order.
    public let diagnostics: [Diagnostic]
    /// The charter ready for the evaluators, only if no diagnostic is an error.
    public let checked: CheckedCharter?

    /// A loaded charter; `checked` is made here, the one place that decides it.
    init(sources: SourceMap, file: SourceFile, tree: SyntaxTree, effectiveTree: SyntaxTree? = nil, comments: [Span],
         model: Charter, diagnostics: [Diagnostic]) {
        self.sources = sources
        self.file = file
        self.tree = tree
        self.effectiveTree = effectiveTree ?? tree
        self.comments = comments
        self.model = model
        self.diagnostics = diagnostics
        checked = CheckedCharter(model: model, file: file, sources: sources, tree: effectiveTree ?? tree, diagnostics: diagnostics)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The checked charter, or the refusal every command and the REPL show for a charter with
    /// errors: it never answers a question, never exports, never checks a journal.
    public func requireChecked() throws(CharterRefusal) -> CheckedCharter {
        guard let checked else { throw CharterRefusal(self) }
        return checked
    }
}

/// Why a charter could not even be read.
public enum LoadError: Error, Sendable, Equatable {
    case unreadable(path: String)

    /// The French message shown to the user.
    public var message: String {
        switch self {
        case .unreadable(let path): "impossible de lire le fichier « \(path) »"
        }
    }
}

/// Runs the pipeline bytes → tokens → tree → checked charter.
public enum CharterLoader {
    /// Reads and checks a charter file; a file over `limits.fileSize` is refused (E013) without being read whole.
    /// A charter that adapts a model finds it through `models` (see `ModelSearch`).
    public static func load(path: String, limits: Limits = .standard, models: ModelSearch = ModelSearch()) throws(LoadError) -> LoadedCharter {
        guard let read = FileAccess.read(path, atMost: limits.fileSize) else { throw .unreadable(path: path) }
        if read.size > limits.fileSize {
            var sources = SourceMap()
            let file = sources.add(name: path, bytes: [])
            let message: Message = read.sizeIsExact ? .fileTooLarge(size: read.size, limit: limits.fileSize)
                                                    : .inputTooLarge(limit: limits.fileSize)
            return refused(file, sources: sources, Diagnostic(message, at: Span(file: file.id, start: 0, end: 0)))
        }
        return check(bytes: read.bytes, name: path, limits: limits, models: models)
    }

    /// Checks a charter given as text, under a virtual file name for diagnostics.
    public static func check(text: String, name: String = "<texte>", limits: Limits = .standard,
                             models: ModelSearch = ModelSearch()) -> LoadedCharter {
        check(bytes: Array(text.utf8), name: name, limits: limits, models: models)
    }

    /// Checks a charter given as bytes; `name` is also where a model it adapts is looked for from.
    public static func check(bytes: [UInt8], name: String, limits: Limits = .standard,
                             models: ModelSearch = ModelSearch()) -> LoadedCharter {
        check(bytes: bytes, name: name, limits: limits, models: models, holdingsOnly: false)
    }

    /// Checks a charter given as bytes; with `holdingsOnly`, of a school's adaptation only its
    /// `adapte` and its `tient` are applied: the model read with the school's roles (`charte diff --modele`).
    static func check(bytes: [UInt8], name: String, limits: Limits, models: ModelSearch, holdingsOnly: Bool) -> LoadedCharter {
        var sources = SourceMap()
        if bytes.count > limits.fileSize {
            let file = sources.add(name: name, bytes: [])
            return refused(file, sources: sources, Diagnostic(.fileTooLarge(size: bytes.count, limit: limits.fileSize),
                                                              at: Span(file: file.id, start: 0, end: 0)))
        }
        let file = sources.add(name: name, bytes: bytes)
        if let line = Limits.firstLine(of: bytes, longerThan: limits.lineLength) {
            return refused(file, sources: sources, Diagnostic(.lineTooLong(length: line.length, limit: limits.lineLength),
                                                              at: Span(file: file.id, start: line.start, end: line.start)))
        }
        // The parser pulls tokens from the lexer as it goes: no token array is ever built.
        let parsed = Parser.parse(file)
        let syntactic = parsed.lexerDiagnostics + parsed.parserDiagnostics
        let syntaxErrors = syntactic.filter { $0.severity == .error }
        var damage = SyntaxDamage(names: parsed.damagedNames, offsets: syntaxErrors.map(\.span.start))
        let adapting = holdingsOnly ? parsed.tree.keepingOnlyHoldings() : parsed.tree
        let effective = ModelLoader.effective(adapting, name: name, sources: &sources, search: models, limits: limits)
        if effective.refused {
            return LoadedCharter(sources: sources, file: file, tree: parsed.tree, comments: parsed.comments,
                                 model: Charter(file: file.id), diagnostics: (syntactic + effective.diagnostics).sortedForDisplay())
        }
        damage.names.formUnion(effective.damage.names)
        damage.offsets += effective.damage.offsets
        var (model, semantic) = Checker.check(effective.tree, damage: damage)
        model.adaptation = effective.summary
        let all = (syntactic + effective.diagnostics + semantic).sortedForDisplay()
        return LoadedCharter(sources: sources, file: file, tree: parsed.tree, effectiveTree: effective.tree,
                             comments: parsed.comments, model: model, diagnostics: all)
    }

    /// A charter refused before reading, with the one diagnostic that says why.
    static func refused(_ file: SourceFile, sources: SourceMap, _ diagnostic: Diagnostic) -> LoadedCharter {
        LoadedCharter(sources: sources, file: file, tree: SyntaxTree(declarations: [], file: file.id),
                      comments: [], model: Charter(file: file.id), diagnostics: [diagnostic])
    }
}

extension SyntaxTree {
    /// The tree with only its `adapte` declarations and the actors that hold model roles (`tient`).
    func keepingOnlyHoldings() -> SyntaxTree {
        SyntaxTree(declarations: declarations.filter { declaration in
            switch declaration {
            case .adaptation(let decl): if case .adapts = decl.kind { return true } else { return false }
            case .actor(let decl): return !decl.holds.isEmpty
            default: return false
            }
        }, file: file)
    }
}
