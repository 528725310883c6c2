// `charte diff ANCIENNE NOUVELLE`: what a revision of a charter changes, and for whom.

/// What changes between two checked charters: permissions, responsibilities, deadlines, tests.
///
/// A pure function of the two charters (and, for the journal part, of a journal). It takes
/// checked charters only; a charter derived from another (a school's adaptation of an
/// académie's model, flattened into a charter) is compared the same way, which is the seam
/// for model updates seen through an adaptation.
public struct CharterDiff: Sendable {
    /// Per actor and action, the objects whose decision changes (actors in the new charter's order).
    public var permissions: [PermissionChange] = []
    /// Actor and action pairs too complex to compare exactly (their objects are not listed).
    public var incompletePermissions: [PermissionChange.Subject] = []
    /// Tasks present in both charters whose letters, step or id changed, in the new charter's order.
    public var tasks: [TaskChange] = []
    /// Tasks only in the new charter.
    public var addedTasks: [TaskSummary] = []
    /// Tasks only in the old charter.
    public var removedTasks: [TaskSummary] = []
    /// Steps only in the new charter.
    public var addedSteps: [StepSummary] = []
    /// Steps only in the old charter.
    public var removedSteps: [StepSummary] = []
    /// Deadlines moved, added, removed or now falling in holidays or on a weekend.
    public var deadlines: [DeadlineChange] = []
    /// Test assertions whose result differs between the two charters.
    public var tests: [AssertionChange] = []
    /// Journal rows whose decision or deadline status differs (nil: no journal compared, see `compareJournal`).
    public var journal: [JournalRowChange]?
    /// Per actor, what it gains and loses (actors with a change only).
    public var actors: [ActorSummary] = []
    /// What the two charters are: two versions of one charter, or one of the model forms.
    public var comparison: DiffComparison = .revision

    /// Whether nothing at all changes (for a school against its model, holding a model role is a change).
    public var isEmpty: Bool {
        if case .adaptation(let context) = comparison, !context.holdings.isEmpty { return false }
        return permissions.isEmpty && incompletePermissions.isEmpty && tasks.isEmpty && addedTasks.isEmpty && removedTasks.isEmpty
            && addedSteps.isEmpty && removedSteps.isEmpty && deadlines.isEmpty && tests.isEmpty && (journal ?? []).isEmpty
    }

    /// Whether some actor may do something it could not (or an action could not be compared: fail closed).
    public var grantsPermission: Bool {
        !incompletePermissions.isEmpty || permissions.contains { !$0.permitted.isEmpty }
    }

    /// Compares two checked charters (a charter with errors cannot be compared: it is never a `CheckedCharter`).
    public init(old: CheckedCharter, new: CheckedCharter) {
        self.init(old: old.model, new: new.model, oldEngine: QueryEngine(old), newEngine: QueryEngine(new))
    }

    /// Compares two checked models; the engines run the test assertions.
    init(old: Charter, new: Charter, oldEngine: QueryEngine, newEngine: QueryEngine) {
        let comparison = PermissionComparison(old: old, new: new).changes()
        permissions = comparison.changes
        incompletePermissions = comparison.incomplete
        var responsibilities = ResponsibilityComparison(old: old, new: new)
        responsibilities.compare()
        tasks = responsibilities.changes
        addedTasks = responsibilities.added
        removedTasks = responsibilities.removed
        addedSteps = responsibilities.addedSteps
        removedSteps = responsibilities.removedSteps
        deadlines = DeadlineComparison(old: old, new: new, pairs: responsibilities.pairs).changes()
        tests = AssertionComparison(old: oldEngine, new: newEngine).changes()
        actors = ActorSummary.summaries(of: self, actorOrder: DiffNames.union(old.actors.map(\.id), new.actors.map(\.id)))
    }
}

// MARK: - Permissions

/// One object (or set of objects, as a literal) whose decision changes.
public struct ObjectChange: Sendable, Hashable {
    /// The object literal (`ressource(categorie: manuel)`); empty for an action without object.
    public let object: String
    /// The decision in the old charter.
    public let before: Outcome
    /// The decision in the new charter.
    public let after: Outcome
}

/// The objects on which one actor's decision for one action changes.
public struct PermissionChange: Sendable, Hashable {
    /// An actor and an action, by id.
    public struct Subject: Sendable, Hashable {
        public let actor: String
        public let action: String
    }

    /// Who and what.
    public let subject: Subject
    /// Every object whose decision changes.
    public let objects: [ObjectChange]

    /// The objects newly permitted.
    public var permitted: [ObjectChange] { objects.filter { $0.after == .allowed } }
    /// The objects newly refused.
    public var refused: [ObjectChange] { objects.filter { $0.after == .refused } }
    /// The objects newly undetermined (the decision depends on an attribute left unknown).
    public var undetermined: [ObjectChange] { objects.filter { $0.after == .undetermined } }
}

// MARK: - Responsibilities

/// One letter an actor gains or loses on a task.
public struct LetterChange: Sendable, Hashable {
    public let actor: String
    public let letter: Letter
    /// True when gained, false when lost.
    public let gained: Bool
}

/// A task of both charters that changed.
public struct TaskChange: Sendable, Hashable {
    /// The task's id in the new charter.
    public let id: String
    /// Its id in the old charter when it was renamed (same label or note, other id).
    public let oldID: String?
    /// Its label in the new charter.
    public let label: String?
    /// Letters gained and lost, by actor (new order), gains first.
    public let letters: [LetterChange]
    /// The old and new step ids when the task moved to another step.
    public let step: (from: String, to: String)?

    public static func == (lhs: TaskChange, rhs: TaskChange) -> Bool {
        lhs.id == rhs.id && lhs.oldID == rhs.oldID && lhs.label == rhs.label && lhs.letters == rhs.letters
            && lhs.step?.from == rhs.step?.from && lhs.step?.to == rhs.step?.to
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A task added or removed, with who holds which letter.
public struct TaskSummary: Sendable, Hashable {
    public let id: String
    public let label: String?
    public let step: String
    /// Actors by letter (only letters held), in the RACI order.
    public let letters: [LetterHolders]
}

/// The actors holding one letter.
public struct LetterHolders: Sendable, Hashable {
    public let letter: Letter
    public let actors: [String]
}

/// A step added or removed.
public struct StepSummary: Sendable, Hashable {
    public let id: String
    public let label: String?
    /// Its tasks' ids.
    public let tasks: [String]
}

// MARK: - Per actor

/// What one actor gains and loses.
public struct ActorSummary: Sendable, Hashable {
    public let actor: String
    /// Actions on which some objects become permitted, refused or undetermined.
    public let permitted: [String]
    public let refused: [String]
    public let undetermined: [String]
    /// Letters gained and lost: (task id, letter), tasks added and removed included.
    public let gainedLetters: [TaskLetter]
    public let lostLetters: [TaskLetter]
    /// Tasks it is responsable for whose deadline changed (those that only follow the calendar left out).
    public let deadlines: [String]
}

/// A letter on a task.
public struct TaskLetter: Sendable, Hashable {
    public let task: String
    public let letter: Letter
}

extension ActorSummary {
    /// The summary of every actor with a change, in `actorOrder`.
    static func summaries(of diff: CharterDiff, actorOrder: [String]) -> [ActorSummary] {
        var permitted: [String: [String]] = [:], refused: [String: [String]] = [:], undetermined: [String: [String]] = [:]
        for change in diff.permissions {
            let actor = change.subject.actor, action = change.subject.action
            if !change.permitted.isEmpty { permitted[actor, default: []].append(action) }
            if !change.refused.isEmpty { refused[actor, default: []].append(action) }
            if !change.undetermined.isEmpty { undetermined[actor, default: []].append(action) }
        }
        var gained: [String: [TaskLetter]] = [:], lost: [String: [TaskLetter]] = [:]
        for task in diff.tasks {
            for change in task.letters {
                let entry = TaskLetter(task: task.id, letter: change.letter)
                if change.gained { gained[change.actor, default: []].append(entry) } else { lost[change.actor, default: []].append(entry) }
            }
        }
        for task in diff.addedTasks {
            for holders in task.letters { for actor in holders.actors { gained[actor, default: []].append(TaskLetter(task: task.id, letter: holders.letter)) } }
        }
        for task in diff.removedTasks {
            for holders in task.letters { for actor in holders.actors { lost[actor, default: []].append(TaskLetter(task: task.id, letter: holders.letter)) } }
        }
        var deadlines: [String: [String]] = [:]
        for change in diff.deadlines where !change.followsCalendar || change.badDay != nil {
            for actor in change.responsables where deadlines[actor]?.last != change.task { deadlines[actor, default: []].append(change.task) }
        }
        return actorOrder.compactMap { actor in
            let summary = ActorSummary(actor: actor, permitted: permitted[actor] ?? [], refused: refused[actor] ?? [],
                                       undetermined: undetermined[actor] ?? [], gainedLetters: gained[actor] ?? [],
                                       lostLetters: lost[actor] ?? [], deadlines: deadlines[actor] ?? [])
            return summary.isEmpty ? nil : summary
        }
    }

    /// Whether the actor's permissions or letters change (deadlines alone do not make it concerned).
    public var isConcerned: Bool {
        !permitted.isEmpty || !refused.isEmpty || !undetermined.isEmpty || !gainedLetters.isEmpty || !lostLetters.isEmpty
    }

    var isEmpty: Bool { !isConcerned && deadlines.isEmpty }
}

/// Names of two charters merged: the new charter's in order, then those only the old one has.
enum DiffNames {
    static func union(_ old: [String], _ new: [String]) -> [String] {
        let known = Set(new)
        var seen = Set<String>()
        return (new + old.filter { !known.contains($0) }).filter { seen.insert($0).inserted }
    }
}
