// Finding, reading and applying the model a charter adapts (`adapte "…"`), model after model.

/// Where `adapte` finds its models: the path is relative to the adapting file, then tried in
/// each folder given (`--modeles DOSSIER`, `CHARTE_MODELES`); a bare name gets `.charte`.
public struct ModelSearch: Sendable, Hashable {
    /// Folders of models, in the order they are searched.
    public var directories: [String]
    /// Files held in memory, by path, looked at before the disk (the examples of `expliquer`, tests).
    public var files: [String: [UInt8]]
    /// Whether paths not in `files` are read from the disk.
    public var readsDisk: Bool
    /// The file read for the checked charter's own `adapte`, whatever path it names (nil: the
    /// path it names). `charte diff --adaptation` applies one school's adaptation to two
    /// versions of its model this way; the models' own `adapte` are still found by their paths.
    public var adaptedModel: String?

    /// A search in these folders (and in memory).
    public init(directories: [String] = [], files: [String: [UInt8]] = [:], readsDisk: Bool = true, adaptedModel: String? = nil) {
        self.directories = directories
        self.files = files
        self.readsDisk = readsDisk
        self.adaptedModel = adaptedModel
    }

    /// The folders of a `CHARTE_MODELES` value (separated by `:`).
    public static func directories(fromEnvironment value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The paths tried for `adapte "written"` in a file named `adapter`, in order, without repeats.
    func candidates(for written: String, from adapter: String) -> [String] {
        var paths: [String] = []
        let names = written.hasSuffix(".charte") ? [written] : [written, written + ".charte"]
        for name in names {
            if name.hasPrefix("/") {
                paths.append(ModelSearch.normalized(name))
                continue
            }
            paths.append(ModelSearch.normalized(ModelSearch.directory(of: adapter) + name))
            for directory in directories {
                paths.append(ModelSearch.normalized(directory + (directory.hasSuffix("/") ? "" : "/") + name))
            }
        }
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    /// The bytes of a path, from memory or the disk (nil when unreadable).
    func read(_ path: String, atMost limit: Int) -> (bytes: [UInt8], tooLarge: Bool)? {
        if let bytes = files[path] { return (bytes, bytes.count > limit) }
        guard readsDisk, let read = FileAccess.read(path, atMost: limit) else { return nil }
        return (read.bytes, read.size > limit)
    }

    /// Whether a path has a `.`, `..` or empty part (a leading `/` aside): most paths have none.
    static func needsNormalizing(_ path: String) -> Bool {
        var partLength = 0, dots = 0, first = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if (partLength == 0 && !first) || (partLength > 0 && partLength == dots && dots <= 2) { return true }
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            first = false
        }
        return partLength == 0 ? !first : (partLength == dots && dots <= 2)
    }

    /// The folder part of a path, with its final `/` (empty for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// A path with `.` and `dir/..` removed, lexically (the same file always gets the same name).
    static func normalized(_ path: String) -> String {
        guard needsNormalizing(path) else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}

/// A charter's tree with its model applied, and what was found on the way.
struct EffectiveTree {
    /// The tree the checker reads (the file's own tree when it adapts nothing).
    var tree: SyntaxTree
    /// The diagnostics of the models' files and of the adaptations.
    var diagnostics: [Diagnostic] = []
    /// What the parsers could not read in the models.
    var damage = SyntaxDamage()
    /// What the school changed, when it adapts a model.
    var summary: AdaptationSummary?
    /// Whether the model could not be used at all (missing, cyclic, not a model): nothing is checked.
    var refused = false
}

/// Reads the chain of models of a charter and applies each adaptation in turn.
enum ModelLoader {
    /// The longest chain of models (a school adapting an académie's model adapting a national one is 2).
    static let maximumDepth = 8

    /// The effective tree of a parsed file named `name`; models are added to `sources`.
    static func effective(_ tree: SyntaxTree, name: String, sources: inout SourceMap, search: ModelSearch,
                          limits: Limits, chain: [String] = [], depth: Int = 0) -> EffectiveTree {
        guard let adapts = Adaptation.adapts(of: tree) else {
            return EffectiveTree(tree: tree, diagnostics: Adaptation.checkStandalone(tree))
        }
        var result = EffectiveTree(tree: tree, refused: true)
        let chain = chain + [ModelSearch.normalized(name)]
        if depth >= maximumDepth {
            result.diagnostics.append(Diagnostic(.model(.modelChainTooDeep(limit: maximumDepth)), at: adapts.path.span))
            return result
        }
        let candidates = depth == 0 ? search.adaptedModel.map { [ModelSearch.normalized($0)] } ?? search.candidates(for: adapts.path.value, from: name)
                                    : search.candidates(for: adapts.path.value, from: name)
        guard let (path, read) = candidates.lazy.compactMap({ path in search.read(path, atMost: limits.fileSize).map { (path, $0) } }).first else {
            result.diagnostics.append(Diagnostic(.model(.modelNotFound(path: adapts.path.value, searched: candidates)), at: adapts.path.span))
            return result
        }
        if let start = chain.firstIndex(of: path) {
            result.diagnostics.append(Diagnostic(.model(.modelCycle(chain: Array(chain[start...]) + [path])), at: adapts.path.span))
            return result
        }
        let file = sources.add(name: path, bytes: read.tooLarge ? [] : read.bytes)
        if read.tooLarge {
            result.diagnostics.append(Diagnostic(.inputTooLarge(limit: limits.fileSize), at: Span(file: file.id, start: 0, end: 0)))
            return result
        }
        if let line = Limits.firstLine(of: read.bytes, longerThan: limits.lineLength) {
            result.diagnostics.append(Diagnostic(.lineTooLong(length: line.length, limit: limits.lineLength),
                                                 at: Span(file: file.id, start: line.start, end: line.start)))
            return result
        }
        let parsed = Parser.parse(file)
        let syntactic = parsed.lexerDiagnostics + parsed.parserDiagnostics
        result.diagnostics += syntactic
        guard let header = Adaptation.header(of: parsed.tree) else {
            result.diagnostics.append(Diagnostic(.model(.notAModel(path: path)), at: adapts.path.span))
            return result
        }
        var model = effective(parsed.tree, name: path, sources: &sources, search: search, limits: limits,
                              chain: chain, depth: depth + 1)
        result.diagnostics += model.diagnostics
        result.damage.names.formUnion(model.damage.names)
        result.damage.names.formUnion(parsed.damagedNames)
        result.damage.offsets += model.damage.offsets + syntactic.filter { $0.severity == .error }.map(\.span.start)
        guard !model.refused else { return result }
        result.diagnostics += versionDiagnostics(adapts: adapts, header: header, modelPath: path, model: &model,
                                                 sources: sources, search: search, limits: limits)
        let applied = Adaptation.apply(model: model.tree, modelName: header.label.value,
                                       modelVersion: header.version?.value, school: tree)
        result.tree = applied.tree
        result.diagnostics += applied.diagnostics
        result.summary = applied.summary
        result.refused = false
        return result
    }

    /// W700 when the versions differ (with what changed, when the adapted version is kept
    /// beside the model as `NOM-VERSION.charte`), W701 when `adapte` names no version.
    static func versionDiagnostics(adapts: (path: StringLiteral, version: StringLiteral?, span: Span),
                                   header: (label: StringLiteral, version: StringLiteral?, span: Span),
                                   modelPath: String, model: inout EffectiveTree, sources: SourceMap,
                                   search: ModelSearch, limits: Limits) -> [Diagnostic] {
        guard let adapted = adapts.version else {
            guard header.version != nil else { return [] }
            return [Diagnostic(.model(.versionNotStated(model: header.label.value)), at: adapts.span)]
        }
        guard adapted.value != header.version?.value else { return [] }
        let stem = modelPath.hasSuffix(".charte") ? String(modelPath.dropLast(".charte".count)) : modelPath
        var notes: [Note] = []
        if let old = search.read(stem + "-" + adapted.value + ".charte", atMost: limits.fileSize), !old.tooLarge {
            let oldFile = SourceFile(id: FileID(sources.files.count), name: stem, bytes: old.bytes)
            notes = ModelChanges.notes(old: Parser.parse(oldFile).tree, new: model.tree)
        }
        return [Diagnostic(.model(.versionMismatch(model: header.label.value, modelVersion: header.version?.value,
                                                    adapted: adapted.value)),
                           at: adapted.span, notes: notes)]
    }
}

/// What changed in a model between the version a school adapted and the current one.
enum ModelChanges {
    /// The most changes listed in a W700 (then "… et N autres").
    static let shown = 8

    /// One note per step and task added, removed or changed (compared without positions).
    static func notes(old: SyntaxTree, new: SyntaxTree) -> [Note] {
        func steps(_ tree: SyntaxTree) -> [StepDecl] {
            tree.declarations.compactMap { if case .step(let step) = $0 { step } else { nil } }
        }
        let oldSteps = steps(old), newSteps = steps(new)
        let oldTasks = Dictionary(oldSteps.flatMap(\.tasks).map { ($0.name.text, $0) }, uniquingKeysWith: { first, _ in first })
        let newTasks = newSteps.flatMap(\.tasks)
        let newTaskIds = Set(newTasks.map(\.name.text))
        var notes: [Note] = []
        let oldStepIds = Set(oldSteps.map(\.name.text)), newStepIds = Set(newSteps.map(\.name.text))
        for step in newSteps where !oldStepIds.contains(step.name.text) {
            notes.append(Note(.model(.modelChanged(.step, name: step.name.text, change: .added)), at: step.name.span))
        }
        for step in oldSteps where !newStepIds.contains(step.name.text) {
            notes.append(Note(.model(.modelChanged(.step, name: step.name.text, change: .removed))))
        }
        for task in newTasks {
            guard let before = oldTasks[task.name.text] else {
                notes.append(Note(.model(.modelChanged(.task, name: task.name.text, change: .added)), at: task.name.span))
                continue
            }
            if before != task {
                notes.append(Note(.model(.modelChanged(.task, name: task.name.text, change: .changed)), at: task.name.span))
            }
        }
        for task in oldSteps.flatMap(\.tasks) where !newTaskIds.contains(task.name.text) {
            notes.append(Note(.model(.modelChanged(.task, name: task.name.text, change: .removed))))
        }
        guard notes.count > shown else { return notes }
        return Array(notes.prefix(shown)) + [Note(.model(.moreChanges(notes.count - shown)))]
    }
}
