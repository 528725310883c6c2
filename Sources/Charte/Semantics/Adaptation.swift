// A school's adaptation applied to an académie model: model tree + school tree → the
// effective tree the checker reads, with the diagnostics of the adaptation itself.
//
// The merge is syntactic: every node keeps the span of the file it was written in, so a
// diagnostic, an answer or an export quoting a rule points at the model's line for what the
// model says and at the school's line for what the school changed. The checker then checks
// the effective tree as if it were one charter: a flattened charter is that tree printed.

/// What a school's charter changed in its model: kept in the checked `Charter` for the
/// answers and exports ("adapté localement").
public struct AdaptationSummary: Sendable, Hashable {
    /// The model's name (`modele "…"`).
    public var modelName: String
    /// The model's version, if declared.
    public var modelVersion: String?
    /// The file the model was read from.
    public var modelFile: FileID
    /// The school's file.
    public var schoolFile: FileID
    /// Task ids whose clauses or label the school changed, with where (`modifie tache`).
    public var changedTasks: [String: Span] = [:]
    /// Tasks the school removed, with its reason, in the school's order.
    public var removedTasks: [(id: String, reason: String)] = []
    /// Model roles held by local actors (`tient`), model role → holders, in the school's order.
    public var holdings: [(modelRole: String, holders: [String])] = []

    public static func == (lhs: AdaptationSummary, rhs: AdaptationSummary) -> Bool {
        lhs.modelName == rhs.modelName && lhs.modelVersion == rhs.modelVersion && lhs.modelFile == rhs.modelFile
            && lhs.schoolFile == rhs.schoolFile && lhs.changedTasks == rhs.changedTasks
            && lhs.removedTasks.map(\.id) == rhs.removedTasks.map(\.id) && lhs.removedTasks.map(\.reason) == rhs.removedTasks.map(\.reason)
            && lhs.holdings.map(\.modelRole) == rhs.holdings.map(\.modelRole) && lhs.holdings.map(\.holders) == rhs.holdings.map(\.holders)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(modelName)
        hasher.combine(changedTasks.count)
    }

    /// Whether a task was changed or added by the school (its span in the school's file).
    public func isLocal(task id: String, span: Span) -> Bool {
        span.file == schoolFile || changedTasks[id] != nil
    }
}

/// Applies a school's adaptation declarations to its model's tree.
public struct Adaptation {
    /// The effective tree (model applied), the adaptation's diagnostics and what changed.
    public struct Result: Sendable {
        public var tree: SyntaxTree
        public var diagnostics: [Diagnostic]
        public var summary: AdaptationSummary
    }

    /// The model's declarations, in order; those removed are marked in `gone` and dropped
    /// once, at the end, so the indices below hold for the whole merge.
    var model: [Declaration]
    /// Whether each declaration of `model` was removed (the model's header included).
    var gone: [Bool]
    /// The indices of the model's declarations by kind, found in one pass: a change looks
    /// among the declarations of its kind only.
    let steps: [Int], actors: [Int], permissions: [Int], tests: [Int], calendars: [Int], establishments: [Int]
    let school: SyntaxTree
    var diagnostics: [Diagnostic] = []
    var summary: AdaptationSummary
    /// Model role → the local actors holding it.
    var holders: [String: [String]] = [:]
    /// What was adapted already, for E702: kind and name → the first adaptation's span.
    var adapted: [String: Span] = [:]
    /// Removed task → its prerequisites (spliced into the `apres` lists naming it).
    var removedTasks: [String: [Name]] = [:]
    /// Rules removed so far (without their lock), for E702.
    var removedRules: [(rule: PermissionDecl, span: Span)] = []
    /// Steps and roles to remove (`retire etape|role`): settled after every other change, once
    /// it is known whether something kept still needs them (E713).
    var removedSteps: [(index: Int, span: Span)] = []
    var removedRoles: [(index: Int, span: Span)] = []

    init(model: [Declaration], school: SyntaxTree, summary: AdaptationSummary) {
        self.model = model
        self.school = school
        self.summary = summary
        var gone = [Bool](repeating: false, count: model.count)
        var steps: [Int] = [], actors: [Int] = [], permissions: [Int] = [], tests: [Int] = []
        var calendars: [Int] = [], establishments: [Int] = []
        for index in model.indices {
            switch model[index] {
            case .step: steps.append(index)
            case .actor: actors.append(index)
            case .permission: permissions.append(index)
            case .test: tests.append(index)
            case .calendar: calendars.append(index)
            case .establishment: establishments.append(index)
            case .adaptation: gone[index] = model[index].isModelHeader
            default: break
            }
        }
        self.gone = gone
        (self.steps, self.actors, self.permissions, self.tests) = (steps, actors, permissions, tests)
        (self.calendars, self.establishments) = (calendars, establishments)
    }

    /// The model's header, if the model tree has one.
    public static func header(of tree: SyntaxTree) -> (label: StringLiteral, version: StringLiteral?, span: Span)? {
        for case .adaptation(let decl) in tree.declarations {
            if case .model(let label, let version) = decl.kind { return (label, version, decl.span) }
        }
        return nil
    }

    /// The `adapte` declaration of a tree, if any.
    public static func adapts(of tree: SyntaxTree) -> (path: StringLiteral, version: StringLiteral?, span: Span)? {
        for case .adaptation(let decl) in tree.declarations {
            if case .adapts(let path, let version) = decl.kind { return (path, version, decl.span) }
        }
        return nil
    }

    /// The diagnostics of a charter that adapts no model: adaptations without a model (E705),
    /// `modele` written twice (E711).
    public static func checkStandalone(_ tree: SyntaxTree) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var headers: [Span] = []
        for declaration in tree.declarations {
            switch declaration {
            case .adaptation(let decl):
                switch decl.kind {
                case .model:
                    if let first = headers.first {
                        diagnostics.append(Diagnostic(.model(.secondModelDeclaration(keyword: .modele)), at: decl.span,
                                                      notes: [Note(.firstDeclaredHere, at: first)]))
                    }
                    headers.append(decl.span)
                case .adapts: break
                case .changeTask, .changeStep, .changeActor, .changeCalendar:
                    diagnostics.append(Diagnostic(.model(.adaptationWithoutModel(keyword: .modifie)), at: decl.span))
                case .removal:
                    diagnostics.append(Diagnostic(.model(.adaptationWithoutModel(keyword: .retire)), at: decl.span))
                }
            case .actor(let decl) where !decl.holds.isEmpty:
                diagnostics.append(Diagnostic(.model(.adaptationWithoutModel(keyword: .tient)), at: decl.span))
            default: break
            }
        }
        return diagnostics
    }

    /// Applies `school` to the model's effective tree.
    public static func apply(model: SyntaxTree, modelName: String, modelVersion: String?, school: SyntaxTree) -> Result {
        var merge = Adaptation(model: model.declarations, school: school,
                               summary: AdaptationSummary(modelName: modelName, modelVersion: modelVersion,
                                                          modelFile: model.file, schoolFile: school.file))
        let additions = merge.run()
        var declarations: [Declaration] = []
        declarations.reserveCapacity(merge.model.count + additions.count)
        for index in merge.model.indices where !merge.gone[index] { declarations.append(merge.model[index]) }
        declarations += additions
        let tree = SyntaxTree(declarations: declarations, file: school.file)
        return Result(tree: tree, diagnostics: merge.diagnostics, summary: merge.summary)
    }

    mutating func report(_ message: ModelMessage, at span: Span, notes: [Note] = []) {
        diagnostics.append(Diagnostic(.model(message), at: span, notes: notes))
    }

    /// Records an adaptation of `key`; reports E702 when it was adapted already.
    mutating func claim(_ name: String, _ kind: AdaptedKind, at span: Span) -> Bool {
        let key = kind.rawValue + ":" + name
        if let first = adapted[key] {
            report(.conflictingAdaptations(name: name, kind: kind), at: span, notes: [Note(.model(.firstAdaptation), at: first)])
            return false
        }
        adapted[key] = span
        return true
    }

    /// Runs the merge; returns the school's plain declarations (additions), in order.
    mutating func run() -> [Declaration] {
        var additions: [Declaration] = []
        var headers: [Span] = []
        // Holdings first: every later step reads the model through the renaming.
        for declaration in school.declarations {
            if case .actor(let decl) = declaration, !decl.holds.isEmpty {
                if let added = hold(decl) { additions.append(.actor(added)) }
            }
        }
        for declaration in school.declarations {
            switch declaration {
            case .adaptation(let decl):
                switch decl.kind {
                case .adapts:
                    if let first = headers.first {
                        report(.secondModelDeclaration(keyword: .adapte), at: decl.span, notes: [Note(.firstDeclaredHere, at: first)])
                    }
                    headers.append(decl.span)
                case .model:
                    // A model may itself adapt another model: its header stays its own.
                    additions.append(declaration)
                case .changeTask(let change): changeTask(change, at: decl.span)
                case .changeStep(let step): changeStep(step, at: decl.span)
                case .changeActor(let actor): changeActor(actor, at: decl.span)
                case .changeCalendar(let calendar): changeCalendar(calendar, at: decl.span)
                case .removal(let removal, let reason): remove(removal, reason: reason, at: decl.span)
                }
            case .actor(let decl) where !decl.holds.isEmpty:
                continue
            case .establishment:
                // The school's identity replaces the model's, if the model has one.
                for index in establishments { gone[index] = true }
                additions.append(declaration)
            default:
                additions.append(declaration)
            }
        }
        rewriteModel(holding: settleHoldings())
        settleRemovals(&additions)
        checkLockedForbids(additions)
        return additions
    }
}

extension Declaration {
    /// Whether this is a model's `modele` header.
    var isModelHeader: Bool {
        if case .adaptation(let decl) = self, case .model = decl.kind { return true }
        return false
    }
}

extension Charter {
    /// The model with « (adapté localement) » after the label of each task the school changed
    /// or added, for the exports; a charter adapting no model is returned as it is.
    public func markingLocalAdaptations() -> Charter {
        guard let adaptation else { return self }
        var marked = self
        for index in marked.tasks.indices where adaptation.isLocal(task: tasks[index].id, span: tasks[index].span) {
            marked.tasks[index].label = (tasks[index].label ?? tasks[index].id) + " (adapté localement)"
        }
        return marked
    }
}
