/// A rule that decided a journal action, with its line in the charter.
public struct JournalRule: Sendable, Hashable {
    /// `tache`, `autorise`, `interdit` or `defaut`.
    public var kind: DecidingRule.Kind
    /// The task id, the rule's short text, or `defaut`.
    public var id: String
    /// The 1-based line in the charter (nil for the default deny).
    public var line: Int?
    /// The file of the line when it is not the charter's own (the model an adaptation keeps it from).
    public var file: String? = nil
    /// The rule's span in the charter (to find the rule itself, for its words); nil for the default
    /// deny. Like every span, not part of `==`.
    public var span: Span? = nil

    public static func == (lhs: JournalRule, rhs: JournalRule) -> Bool {
        lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.line == rhs.line
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(id)
        hasher.combine(line)
    }
}

/// An attribute of a journal row's object, as read.
public struct JournalAttribute: Sendable, Hashable {
    /// The attribute's name.
    public var name: String
    /// The value as a charter writes it (`manuel`, `vrai`, `"texte"`).
    public var value: String
    /// The value as the cell holds it, without quotes (`manuel`, `vrai`, `texte`).
    public var raw: String
}

/// Why a kind of action was not permitted: the same for every row with the same actor, action
/// and object, so a journal with thousands of identical refusals keeps one of these.
public final class JournalVerdict: Sendable, Hashable {
    /// The actor ids the row's actor stands for.
    public let roles: [String]
    /// The action's id.
    public let action: String
    /// The object type's id, if the action has one.
    public let objectType: String?
    /// The attributes the row gives, in declaration order.
    public let attributes: [JournalAttribute]
    /// `refuse` or `indetermine`.
    public let outcome: Outcome
    /// The attributes that would settle an undecided row, sorted.
    public let missing: [String]
    /// The rules that decided, in charter order.
    public let rules: [JournalRule]
    /// The suppléances of the row's actor for this action that day (in or outside their window).
    public let deputies: [DeputyStanding]

    /// Creates a verdict.
    public init(roles: [String], action: String, objectType: String?, attributes: [JournalAttribute], outcome: Outcome,
                missing: [String], rules: [JournalRule], deputies: [DeputyStanding] = []) {
        self.deputies = deputies
        self.roles = roles
        self.action = action
        self.objectType = objectType
        self.attributes = attributes
        self.outcome = outcome
        self.missing = missing
        self.rules = rules
    }

    public static func == (lhs: JournalVerdict, rhs: JournalVerdict) -> Bool {
        lhs === rhs || (lhs.roles == rhs.roles && lhs.action == rhs.action && lhs.objectType == rhs.objectType
            && lhs.attributes == rhs.attributes && lhs.outcome == rhs.outcome && lhs.missing == rhs.missing && lhs.rules == rhs.rules
            && lhs.deputies == rhs.deputies)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(roles)
        hasher.combine(action)
        hasher.combine(attributes)
    }
}

/// An action row that was not permitted: refused, or undecided for want of attributes.
public struct JournalAction: Sendable, Hashable {
    /// The journal line.
    public var line: Int
    /// The date of the row.
    public var date: CalendarDate
    /// The actor as written in the journal (an id or a person's name).
    public var actor: String
    /// The task the row marks done, if any.
    public var task: String?
    /// What decided, shared between identical rows.
    public var verdict: JournalVerdict
    /// The `pour` cell: on whose behalf the row says it was done, as written.
    public var onBehalf: String? = nil

    /// The actor ids it stands for.
    public var roles: [String] { verdict.roles }
    /// The action's id.
    public var action: String { verdict.action }
    /// The object type's id, if the action has one.
    public var objectType: String? { verdict.objectType }
    /// The attributes the row gives, in declaration order.
    public var attributes: [JournalAttribute] { verdict.attributes }
    /// `refuse` or `indetermine`.
    public var outcome: Outcome { verdict.outcome }
    /// The attributes that would settle an undecided row, sorted.
    public var missing: [String] { verdict.missing }
    /// The rules that decided, in charter order.
    public var rules: [JournalRule] { verdict.rules }

    /// The object as a literal: `ressource(categorie: manuel, licence: nominative)`.
    public var objectText: String? {
        objectType.map { "\($0)(" + attributes.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + ")" }
    }
}

/// An action row permitted because its actor stood in for another that day.
public struct JournalDeputyAction: Sendable, Hashable {
    /// The journal line.
    public var line: Int
    /// The date of the row.
    public var date: CalendarDate
    /// The actor as written.
    public var actor: String
    /// The `pour` cell, as written.
    public var onBehalf: String?
    /// The action's id.
    public var action: String
    /// The object as a literal, if the action has one.
    public var object: String?
    /// The suppléances that permitted it, by index in `Charter.deputies`.
    public var deputies: [Int]
}

/// Two things that must never meet, met in a journal: two incompatible actions by the same
/// person on the same object, or one person holding two incompatible roles that day.
public struct JournalIncompatibility: Sendable, Hashable {
    /// What met.
    public enum Kind: Sendable, Hashable {
        /// Two actions (ids) on one object: `firstLine` did the first, `line` the second.
        case actions(first: String, second: String, firstLine: Int, object: String?)
        /// Two roles (ids) held by one person that day (through `personnes` or a suppléance).
        case roles(first: String, second: String)
    }

    /// The journal line where it shows (the later one for two actions).
    public var line: Int
    /// The date of that row.
    public var date: CalendarDate
    /// The actor as written.
    public var actor: String
    /// What met.
    public var kind: Kind
    /// The `incompatibles` declaration: its line in the charter, and its note.
    public var declarationLine: Int?
    public var note: String?
}

/// What one actor did and has to do, for the summary.
public struct RoleSummary: Sendable, Hashable {
    /// The actor's index in the charter.
    public var actor: Int
    /// Action rows by this actor (or a person acting as it), by outcome.
    public var permitted = 0, refused = 0, undecided = 0
    /// Task instances where it is responsable, by status.
    public var statuses: [DeadlineStatus: Int] = [:]

    /// Creates an empty summary.
    public init(actor: Int) { self.actor = actor }

    /// The count of instances with a status.
    public func count(_ status: DeadlineStatus) -> Int { statuses[status] ?? 0 }

    /// Whether there is anything to show.
    public var isEmpty: Bool { permitted + refused + undecided == 0 && statuses.values.allSatisfy { $0 == 0 } }
}

/// Row counts of a journal.
public struct JournalCounts: Sendable, Hashable {
    /// Data rows read (the header excluded, rows skipped included).
    public var rows = 0
    /// Action rows checked against the permissions (permitted + refused + undetermined).
    public var actions = 0
    /// Action rows permitted.
    public var permitted = 0
    /// Action rows refused.
    public var refused = 0
    /// Action rows undetermined for want of an attribute.
    public var undetermined = 0
    /// Rows read but not verifiable: unknown or ambiguous actor, action, event or task, an action
    /// without actor, an invalid value (a refused row is counted refused, not here).
    public var unverifiable = 0
    /// Event rows.
    public var events = 0
    /// Rows marking a task done.
    public var completions = 0
    /// Rows dated after the date of the check, left out.
    public var afterDate = 0
    /// Rows that could not be read at all (CSV errors, a quoting error, no date, nothing to check).
    public var skipped = 0

    /// Every row that could not be verified: read but not verifiable, or not read at all.
    public var notVerifiable: Int { unverifiable + skipped }
}

/// The result of checking a journal against a charter at a date.
public struct JournalReport: Sendable {
    /// The date of the check: rows after it are left out, statuses are as of it.
    public var date: CalendarDate
    /// The encoding the journal was read in.
    public var encoding: TextEncoding
    /// The separator found in its header.
    public var separator: UInt8
    /// Row counts.
    public var counts = JournalCounts()
    /// Refused and undecided action rows, by line, kept compact (see `FlaggedRows`).
    public var rows = FlaggedRows(tasks: [])
    /// Refused and undecided action rows, by line (read back whole: for small journals).
    public var flagged: [JournalAction] { rows.all }
    /// Every task instance, by due date, kept on disk when there are many (see `DeadlineInstances`).
    public var deadlines: DeadlineInstances
    /// Every task instance, by due date (read back whole: for small journals).
    public var instances: [DeadlineInstance] {
        get { deadlines.all }
        set { deadlines = DeadlineInstances(newValue, at: date) }
    }
    /// Tasks done before a prerequisite.
    public var outOfOrder: [OutOfOrderTask] = []
    /// Rows not read, or read in part, by line.
    public var issues: [JournalIssue] = []
    /// Per actor, in charter order; actors with nothing to show are left out.
    public var roles: [RoleSummary] = []
    /// Whether the header was usable (false: nothing was checked).
    public var headerUsable = true
    /// Whether undetermined rows are tolerated (`--tolerer-indetermines`): they then do not fail the run.
    public var toleratesUndetermined = false
    /// Action rows permitted through a suppléance, by line (read back whole: for small journals).
    public var deputyActions: [JournalDeputyAction] {
        get { deputyList.all }
        set { deputyList = SpilledList(newValue) }
    }
    /// Incompatibilities met, by line (they fail the run; read back whole: for small journals).
    public var incompatibilities: [JournalIncompatibility] {
        get { incompatibilityList.all }
        set { incompatibilityList = SpilledList(newValue) }
    }
    /// The same, kept on disk when there are many.
    var deputyList = SpilledList<JournalDeputyAction>()
    var incompatibilityList = SpilledList<JournalIncompatibility>()
    /// The charter line of each suppléance (by index in `Charter.deputies`), for citations.
    public var deputyLines: [Int?] = []
    /// Whether the charter has `exige … avant …` declarations (then `approvals` is reported).
    public var checksApprovals = false
    /// Rows whose required earlier action is missing, came later or cannot be checked, by line.
    public var approvals: [ApprovalFinding] {
        get { approvalList.all }
        set { approvalList = SpilledList(newValue) }
    }
    /// The same, kept on disk when there are many.
    var approvalList = SpilledList<ApprovalFinding>()

    /// Creates an empty report.
    public init(date: CalendarDate, encoding: TextEncoding = .utf8, separator: UInt8 = UInt8(ascii: ",")) {
        self.date = date
        self.deadlines = DeadlineInstances([], at: date)
        self.encoding = encoding
        self.separator = separator
    }

    /// The refused action rows.
    public var refused: [JournalAction] { flagged.filter { $0.outcome == .refused } }
    /// The undecided action rows.
    public var undecided: [JournalAction] { flagged.filter { $0.outcome == .undetermined } }
    /// Calls `body` with each flagged row of an outcome, in line order, one at a time.
    public func forEachFlagged(_ outcome: Outcome, _ body: (JournalAction) -> Void) {
        rows.forEach { if $0.outcome == outcome { body($0) } }
    }
    /// The instances with a status.
    public func instances(_ status: DeadlineStatus) -> [DeadlineInstance] { instances.filter { $0.status == status } }
    /// Calls `body` with each instance of a status, in order, one at a time.
    public func forEachInstance(_ status: DeadlineStatus, _ body: (DeadlineInstance) -> Void) {
        deadlines.forEach { if $0.status == status { body($0) } }
    }

    /// Whether CI should fail (the journal fails closed): a header that could not be read, a refused
    /// action, a row not verifiable or not read, an undetermined action (unless tolerated), an overdue task,
    /// an incompatibility met.
    /// action, a row not verifiable or not read, an undetermined action (unless tolerated), an overdue
    /// task, an action whose required approval is missing, late or not verifiable.
    public var hasProblems: Bool {
        !headerUsable || counts.refused > 0 || counts.notVerifiable > 0 || !approvalList.isEmpty
            || (counts.undetermined > 0 && !toleratesUndetermined) || deadlines.count(.overdue) > 0
            || !incompatibilityList.isEmpty
    }
}
