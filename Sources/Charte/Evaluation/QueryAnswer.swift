// The answers of the query engine: plain typed values, independent of any rendering.
// Names are declared ids; lists of actors and attributes are sorted; tasks come in the
// order of the charter (step by step), which is how a reader scans a charter.

/// Where a declaration is written, for answers: a file name and a 1-based line.
public struct SourcePosition: Sendable, Hashable {
    /// The file's name as given when loading (a path, or a virtual name).
    public let file: String
    /// The 1-based line.
    public let line: Int

    /// Creates a position.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// An object of a query with its known attributes, as a charter writes them.
public struct ObjectDescription: Sendable, Hashable {
    /// One known attribute.
    public struct Field: Sendable, Hashable {
        /// The attribute's name.
        public let attribute: String
        /// Its value, written as in a charter (`manuel`, `vrai`, `1500`, `"texte"`).
        public let value: String
    }

    /// The object type's id.
    public let type: String
    /// The known attributes, in declaration order; the others are unknown.
    public let fields: [Field]
}

/// A task as `qui` shows it: its step, label, full RACI and place.
public struct TaskCard: Sendable, Hashable {
    /// The task's id.
    public let task: String
    /// The id of its step.
    public let step: String
    /// The label of its step.
    public let stepLabel: String?
    /// The task's label.
    public let label: String?
    /// R: the actors responsible, sorted.
    public let responsables: [String]
    /// A: the approbateurs, sorted.
    public let approbateurs: [String]
    /// S: the `aide` actors, sorted.
    public let aides: [String]
    /// C: the actors consulted, sorted.
    public let consultes: [String]
    /// I: the actors informed, sorted.
    public let informes: [String]
    /// The missing attributes that would settle the task's condition (only for `selon`), sorted.
    public let missing: [String]
    /// Where the task is declared.
    public let position: SourcePosition
    /// On a dated `qui`, the suppléances in their window that hand the task over (with a
    /// délégation de pouvoir, the deputies already stand in the letters above).
    public var deputies: [CardDeputy] = []

    /// The actors holding a letter.
    public func actors(_ letter: Letter) -> [String] {
        switch letter {
        case .responsible: responsables
        case .approver: approbateurs
        case .support: aides
        case .consulted: consultes
        case .informed: informes
        }
    }
}

/// The answer to `qui`.
public struct WhoAnswer: Sendable, Hashable {
    /// What was asked.
    public enum Subject: Sendable, Hashable {
        /// `qui ACTION [OBJET]`; no object means every attribute unknown.
        case action(String, object: ObjectDescription?)
        /// `qui TACHE`.
        case task(String)
        /// `qui "mots"`.
        case text(String)
    }

    /// What was asked.
    public let subject: Subject
    /// The tasks whose condition holds (or the task asked, or the tasks found by text).
    public let results: [TaskCard]
    /// `selon`: the tasks whose condition is unknown on the object, each with its `missing`.
    public let conditional: [TaskCard]
    /// The day asked about (`qui … le DATE`); nil for an undated question.
    public var date: CalendarDate? = nil
    /// The suppléances in their window that day for the tasks or the action asked about.
    public var deputies: [DeputyWindow] = []

    /// Every responsable of `results`, sorted, without repetition.
    public var responsables: [String] { Array(Set(results.flatMap(\.responsables))).sorted() }

    /// Whether several tasks with different responsables answer an action: the charter is ambiguous here.
    public var isAmbiguous: Bool {
        guard case .action = subject else { return false }
        return Set(results.map(\.responsables)).count > 1
    }
}

/// A rule that decided a `peut`, with where it is written.
public struct RuleReference: Sendable, Hashable {
    /// `tache`, `autorise`, `interdit` or `defaut`.
    public let kind: DecidingRule.Kind
    /// The task id, the rule as a short text (`interdit compta preter`), or `defaut`.
    public let id: String
    /// Where the rule is written; nil for the default deny.
    public let position: SourcePosition?
    /// The rule's span in the charter (to find the rule itself, for its words); nil for the default deny.
    public var span: Span? = nil
}

/// The answer to `peut`.
public struct MayAnswer: Sendable, Hashable {
    /// The actor as asked: an id or a person's name.
    public let actor: String
    /// The actors it stands for (a person may hold several roles), sorted.
    public let roles: [String]
    /// The action's id.
    public let action: String
    /// The object asked about; nil when none was given.
    public let object: ObjectDescription?
    /// `autorise`, `refuse` or `indetermine`.
    public let outcome: Outcome
    /// The missing attributes that would settle an `indetermine`, sorted.
    public let missing: [String]
    /// The rules that decided, in source order (the default deny last).
    public let rules: [RuleReference]
    /// The day asked about (`peut … le DATE`); nil for an undated question.
    public var date: CalendarDate? = nil
    /// The suppléances that took part that day, or that would have outside their window.
    public var deputies: [DeputyWindow] = []
}

/// A suppléance as answers show it.
public struct DeputyWindow: Sendable, Hashable {
    /// The absent actor's id.
    public let deputised: String
    /// The deputy's id.
    public let deputy: String
    /// The first and last days, both included.
    public let from: CalendarDate
    public let to: CalendarDate
    /// Signature (the absent actor stays accountable) or pouvoir (the competence moves).
    public let nature: DeputyNature
    /// Where the window stands on the day asked about.
    public let state: DeputyState
    /// The reason given by `note`.
    public let note: String?
    /// Where the suppléance is written.
    public let position: SourcePosition
}

/// A suppléance on a task's card that day: who stands in for whom, in which letter.
public struct CardDeputy: Sendable, Hashable {
    /// The suppléance.
    public let window: DeputyWindow
    /// The letter the absent actor holds in the task (responsable, else aide): the deputy
    /// holds it that day (pouvoir) or signs for the absent actor who keeps it (signature).
    public let letter: Letter
}

/// The tasks an actor takes over in one suppléance, on the day asked about.
public struct DeputyAssignments: Sendable, Hashable {
    /// The suppléance.
    public let window: DeputyWindow
    /// The absent actor's tasks that the suppléance hands over, in charter order, each with
    /// the letter the absent actor holds in it.
    public let assignments: [Assignment]
}

/// When a task is due.
public enum Due: Sendable, Hashable {
    /// A fixed date, with the expression as written (`rentree + 2 semaines`).
    case date(CalendarDate, written: String?)
    /// Each occurrence of an event, plus a delay.
    case afterEvent(event: String, delay: ResolvedDuration)
}

/// One line of a job sheet: a task where the actor holds a letter.
public struct Assignment: Sendable, Hashable {
    /// The task's id.
    public let task: String
    /// The task's label.
    public let label: String?
    /// The strongest letter held (R, then A, S, C, I).
    public let letter: Letter
    /// Who holds the letter: the actor itself, one of a person's roles, or an instance it belongs to.
    public let holder: String
    /// Whether the letter is held through membership of the instance `holder`.
    public let throughInstance: Bool
    /// When the task is due, if it has a deadline.
    public let due: Due?
    /// The actions the task performs, in the order written.
    public let actions: [String]
    /// Where the task is declared.
    public let position: SourcePosition
}

/// The assignments of one step.
public struct StepAssignments: Sendable, Hashable {
    /// The step's id.
    public let step: String
    /// The step's label.
    public let label: String?
    /// The tasks of the step where the actor appears, in charter order.
    public let assignments: [Assignment]
}

/// The answer to `taches ACTEUR`: a job sheet, step by step.
public struct JobSheet: Sendable, Hashable {
    /// The actor as asked: an id or a person's name.
    public let actor: String
    /// The actors it stands for, sorted.
    public let roles: [String]
    /// The instances those actors belong to (directly or not), sorted.
    public let instances: [String]
    /// The steps where the actor appears, in step order.
    public let steps: [StepAssignments]
    /// The day asked about (`taches … le DATE`); nil for an undated question.
    public var date: CalendarDate? = nil
    /// The suppléances in their window that day where the actor is away: its work goes to a deputy.
    public var away: [DeputyWindow] = []
    /// The suppléances in their window that day where the actor stands in, with the tasks taken over.
    public var standingIn: [DeputyAssignments] = []
}

/// A task due on a fixed date.
public struct DatedDeadline: Sendable, Hashable {
    /// The resolved date.
    public let date: CalendarDate
    /// The expression as written.
    public let written: String?
    /// The task's id.
    public let task: String
    /// The id of its step.
    public let step: String
    /// The task's label.
    public let label: String?
    /// Its responsables, sorted.
    public let responsables: [String]
    /// Where the task is declared.
    public let position: SourcePosition
}

/// A task due a delay after each occurrence of an event.
public struct EventDeadline: Sendable, Hashable {
    /// The triggering event's id.
    public let event: String
    /// The delay after each occurrence.
    public let delay: ResolvedDuration
    /// The task's id.
    public let task: String
    /// The id of its step.
    public let step: String
    /// The task's label.
    public let label: String?
    /// Its responsables, sorted.
    public let responsables: [String]
    /// Where the task is declared.
    public let position: SourcePosition
}

/// The answer to `echeances [DATE]`.
public struct DeadlineList: Sendable, Hashable {
    /// The date asked for, if any: earlier deadlines are left out.
    public let from: CalendarDate?
    /// Tasks with a fixed deadline, by date (then charter order).
    public let dated: [DatedDeadline]
    /// Event-triggered tasks, in charter order (they have no date).
    public let triggered: [EventDeadline]
}

/// The answer to `montre ID`.
public struct ShownDeclaration: Sendable, Hashable {
    /// The declared id.
    public let name: String
    /// What kind of declaration it is.
    public let symbol: Symbol
    /// The declaration's source text, exactly as written (indentation of its first line restored).
    public let text: String
    /// Where it is written.
    public let position: SourcePosition
    /// What the school changed in this model declaration (`modifie …`), when it adapts a model.
    public var localChange: LocalChange? = nil
}

/// A school's change to a model's declaration, as written, with where.
public struct LocalChange: Sendable, Hashable {
    /// The text of the `modifie` declaration.
    public let text: String
    /// Where it is written.
    public let position: SourcePosition
}

/// The answer to any query.
public enum QueryAnswer: Sendable, Hashable {
    /// `qui …`.
    case who(WhoAnswer)
    /// `peut …`.
    case may(MayAnswer)
    /// `taches …`.
    case tasks(JobSheet)
    /// `echeances …`.
    case deadlines(DeadlineList)
    /// `montre …`.
    case show(ShownDeclaration)
}
