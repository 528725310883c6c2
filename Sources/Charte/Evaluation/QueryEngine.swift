/// Answers questions about a checked charter: `qui`, `peut`, `taches`, `echeances`, `montre`.
///
/// Built only from a `CheckedCharter` (a charter with errors never answers). The methods
/// here take resolved indices and typed objects; `QueryEngine+Names` adds the calls that
/// take names and query text, with diagnostics for unknown names.
public struct QueryEngine: Sendable {
    /// The checked charter the engine answers for.
    public let checked: CheckedCharter
    /// Its model (the engine's methods read it).
    public var charter: Charter { checked.model }
    /// The charter's sources, to quote declarations and locate answers.
    public let sources: SourceMap
    /// The limits applied to queries.
    public let limits: Limits
    let authorizer: Authorizer
    /// The tasks performing each action, in task order, so `qui` reads only those.
    let tasksByAction: [[Int]]

    /// An engine over a checked charter.
    public init(_ checked: CheckedCharter, limits: Limits = .standard) {
        let charter = checked.model
        self.checked = checked
        self.sources = checked.sources
        self.limits = limits
        self.authorizer = Authorizer(charter: charter)
        var tasksByAction = [[Int]](repeating: [], count: charter.actions.count)
        for (index, task) in charter.tasks.enumerated() {
            for clause in task.actions where tasksByAction.indices.contains(clause.action) && tasksByAction[clause.action].last != index {
                tasksByAction[clause.action].append(index)
            }
        }
        self.tasksByAction = tasksByAction
    }

    // MARK: - qui

    /// `qui ACTION OBJET`: the tasks performing the action whose condition holds, and apart
    /// (`selon`) those whose condition is unknown on the object, with the attributes each needs.
    public func who(action: Int, object: ObjectValue) -> WhoAnswer {
        var results: [TaskCard] = [], conditional: [TaskCard] = []
        // Outside the action's scope no task does it; where the scope is unknown, every task depends on it.
        let scope = charter.actions.indices.contains(action) ? charter.actions[action].scope?.evaluateExplaining(object) : nil
        for index in scope?.truth == .no ? [] : tasksByAction.indices.contains(action) ? tasksByAction[action] : [] {
            let clauses = charter.tasks[index].actions.filter { $0.action == action }
            guard !clauses.isEmpty else { continue }
            var verdict = QueryEngine.truth(of: clauses, on: object)
            if let scope, scope.truth == .unknown, verdict.truth != .no {
                verdict = (.unknown, verdict.missing.union(scope.missing))
            }
            switch verdict.truth {
            case .yes: results.append(card(index))
            case .unknown: conditional.append(card(index, missing: attributeNames(verdict.missing, type: object.type)))
            case .no: break
            }
        }
        let subject = WhoAnswer.Subject.action(charter.actions[action].id, object: describe(object))
        return WhoAnswer(subject: subject, results: results, conditional: conditional)
    }

    /// `qui TACHE`: that task's RACI.
    public func who(task: Int) -> WhoAnswer {
        WhoAnswer(subject: .task(charter.tasks[task].id), results: [card(task)], conditional: [])
    }

    /// `qui "mots"`: the tasks whose label or note contains every word, folded (case and accents).
    public func search(_ text: String) -> WhoAnswer {
        let words = QueryEngine.words(of: text)
        var results: [TaskCard] = []
        if !words.isEmpty {
            for (index, task) in charter.tasks.enumerated() {
                let haystack = Folding.fold(([task.label ?? ""] + task.notes).joined(separator: "\n"))
                if words.allSatisfy({ haystack.contains($0) }) { results.append(card(index)) }
            }
        }
        return WhoAnswer(subject: .text(text), results: results, conditional: [])
    }

    /// The folded words of a text search: split at blanks and punctuation.
    static func words(of text: String) -> [String] {
        let separators: Set<Character> = [" ", "\t", "\n", "\r", ",", ";", ":", ".", "!", "?", "'", "\u{2019}", "\"", "(", ")", "«", "»", "\u{A0}", "\u{202F}"]
        return Folding.fold(text).split { separators.contains($0) }.map(String.init)
    }

    /// Whether a task's clauses for one action cover an object, with the attributes that would settle it.
    static func truth(of clauses: [TaskAction], on object: ObjectValue) -> (truth: Truth, missing: Set<Int>) {
        var conditions: [Predicate] = []
        for clause in clauses {
            guard let condition = clause.condition else { return (.yes, []) }
            conditions.append(condition)
        }
        // A balanced tree: a task with a million clauses must not recurse a million deep.
        return conditions.isEmpty ? (.no, []) : Predicate.anyOf(conditions[...]).evaluateExplaining(object)
    }

    // MARK: - peut

    /// `peut ACTEUR ACTION OBJET` for the actors an id or a person stands for.
    public func may(actors: [Int], asked: String, action: Int, object: ObjectValue) -> MayAnswer {
        let decision = authorizer.decide(actors: actors, action: action, object: object)
        let rules = decision.rules.map { RuleReference(kind: $0.kind, id: $0.id, position: $0.span.map(position), span: $0.span) }
        return MayAnswer(actor: asked, roles: ids(actors), action: charter.actions[action].id, object: describe(object),
                         outcome: decision.outcome, missing: decision.missing, rules: rules)
    }

    // MARK: - taches

    /// `taches ACTEUR`: every task where the actors (or an instance they belong to) hold a letter, by step.
    public func jobSheet(actors: [Int], asked: String) -> JobSheet {
        let own = Set(actors)
        let instances = instancesContaining(own)
        var steps: [StepAssignments] = []
        for step in charter.steps {
            var assignments: [Assignment] = []
            for index in step.tasks {
                if let assignment = assignment(in: index, actors: own, instances: instances) { assignments.append(assignment) }
            }
            if !assignments.isEmpty { steps.append(StepAssignments(step: step.id, label: step.label, assignments: assignments)) }
        }
        return JobSheet(actor: asked, roles: ids(actors), instances: ids(Array(instances)), steps: steps)
    }

    /// The instances whose members include one of the actors, directly or through another instance.
    func instancesContaining(_ actors: Set<Int>) -> Set<Int> {
        var found = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for (index, actor) in charter.actors.enumerated() where actor.kind == .instance && !found.contains(index) {
                if actor.members.contains(where: { actors.contains($0) || found.contains($0) }) {
                    found.insert(index)
                    changed = true
                }
            }
        }
        return found.subtracting(actors)
    }

    /// The actors' line for one task: their strongest letter, held directly or else through an instance.
    func assignment(in index: Int, actors: Set<Int>, instances: Set<Int>) -> Assignment? {
        let task = charter.tasks[index]
        var held: (letter: Letter, holder: Int, throughInstance: Bool)?
        for group in [(actors, false), (instances, true)] where held == nil {
            for letter in Letter.allCases {
                if let holder = task.actors(letter).filter(group.0.contains).min(by: { charter.actors[$0].id < charter.actors[$1].id }) {
                    held = (letter, holder, group.1)
                    break
                }
            }
        }
        guard let held else { return nil }
        var actions: [String] = []
        for performed in task.actions where !actions.contains(charter.actions[performed.action].id) {
            actions.append(charter.actions[performed.action].id)
        }
        return Assignment(task: task.id, label: task.label, letter: held.letter, holder: charter.actors[held.holder].id,
                          throughInstance: held.throughInstance, due: due(of: task), actions: actions, position: position(task.span))
    }

    /// When a task is due: each occurrence of its event plus the delay, or its fixed date.
    func due(of task: CharterTask) -> Due? {
        if let trigger = task.trigger, let delay = task.delay {
            return .afterEvent(event: charter.events[trigger].id, delay: delay)
        }
        if task.trigger == nil, let deadline = task.deadline {
            return .date(deadline, written: task.deadlineText)
        }
        return nil
    }

    // MARK: - echeances

    /// `echeances [DATE]`: fixed deadlines in date order (from `from` on), then event-triggered tasks.
    public func deadlines(from: CalendarDate? = nil) -> DeadlineList {
        var dated: [(order: Int, deadline: DatedDeadline)] = []
        var triggered: [EventDeadline] = []
        for (index, task) in charter.tasks.enumerated() {
            let step = charter.steps[task.step].id
            switch due(of: task) {
            case .afterEvent(let event, let delay):
                triggered.append(EventDeadline(event: event, delay: delay, task: task.id, step: step, label: task.label,
                                               responsables: ids(task.responsables), position: position(task.span)))
            case .date(let date, let written):
                if let from, date < from { continue }
                dated.append((index, DatedDeadline(date: date, written: written, task: task.id, step: step, label: task.label,
                                                   responsables: ids(task.responsables), position: position(task.span))))
            case nil:
                continue
            }
        }
        dated.sort { $0.deadline.date != $1.deadline.date ? $0.deadline.date < $1.deadline.date : $0.order < $1.order }
        return DeadlineList(from: from, dated: dated.map(\.deadline), triggered: triggered)
    }

    // MARK: - montre

    /// `montre ID`: the declaration of a symbol, as written.
    public func show(_ symbol: Symbol) -> ShownDeclaration {
        let (name, span): (String, Span) = switch symbol {
        case .actor(let i): (charter.actors[i].id, charter.actors[i].span)
        case .objectType(let i): (charter.objectTypes[i].id, charter.objectTypes[i].span)
        case .action(let i): (charter.actions[i].id, charter.actions[i].span)
        case .event(let i): (charter.events[i].id, charter.events[i].span)
        case .step(let i): (charter.steps[i].id, charter.steps[i].span)
        case .task(let i): (charter.tasks[i].id, charter.tasks[i].span)
        }
        var shown = ShownDeclaration(name: name, symbol: symbol, text: QueryEngine.sourceText(of: span, in: sources[span.file]),
                                     position: position(span))
        // A model's task the school changed: the model's text, then the school's change.
        if case .task = symbol, let change = charter.adaptation?.changedTasks[name] {
            shown.localChange = LocalChange(text: QueryEngine.sourceText(of: change, in: sources[change.file]), position: position(change))
        }
        return shown
    }

    /// The text of a span, its first line's indentation restored, then the common indentation removed.
    static func sourceText(of span: Span, in file: SourceFile) -> String {
        let lineStart = file.lineStarts[file.lineIndex(of: span.start)]
        let lead = file.text(lineStart..<span.start)
        let indentation = lead.allSatisfy { $0 == " " || $0 == "\t" } ? lead : ""
        let lines = (indentation + file.text(span.range)).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let margin = lines.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        return lines.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(margin)) }.joined(separator: "\n")
    }

    // MARK: - Building answers

    /// Where a span lies, as a file name and a line.
    func position(_ span: Span) -> SourcePosition {
        let file = sources[span.file]
        return SourcePosition(file: file.name, line: file.location(of: span.start).line)
    }

    /// The ids of actors, sorted, without repetition.
    func ids(_ actors: [Int]) -> [String] {
        Array(Set(actors.map { charter.actors[$0].id })).sorted()
    }

    /// The names of attributes of a type, sorted.
    func attributeNames(_ indices: Set<Int>, type: Int?) -> [String] {
        guard let type else { return [] }
        let attributes = charter.objectTypes[type].attributes
        return indices.compactMap { $0 < attributes.count ? attributes[$0].name : nil }.sorted()
    }

    /// A task as `qui` shows it.
    func card(_ index: Int, missing: [String] = []) -> TaskCard {
        let task = charter.tasks[index]
        let step = charter.steps[task.step]
        return TaskCard(task: task.id, step: step.id, stepLabel: step.label, label: task.label,
                        responsables: ids(task.responsables), approbateurs: ids(task.approbateurs), aides: ids(task.aides),
                        consultes: ids(task.consultes), informes: ids(task.informes), missing: missing, position: position(task.span))
    }

    /// An object's type and known attributes, nil for an action without object.
    func describe(_ object: ObjectValue) -> ObjectDescription? {
        guard let type = object.type else { return nil }
        let objectType = charter.objectTypes[type]
        var fields: [ObjectDescription.Field] = []
        for (index, attribute) in objectType.attributes.enumerated() {
            if index < object.values.count, let value = object.values[index] {
                fields.append(ObjectDescription.Field(attribute: attribute.name, value: value.written(as: attribute.type)))
            }
        }
        return ObjectDescription(type: objectType.id, fields: fields)
    }
}

/// Why a query could not be answered: diagnostics about the charter or the query.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics: the charter's errors, or the query's (spans in `<requete>`).
    public let diagnostics: [Diagnostic]
    /// The sources the spans refer to (the charter's, plus `<requete>`).
    public let sources: SourceMap

    /// Creates an error.
    public init(diagnostics: [Diagnostic], sources: SourceMap) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// The diagnostics rendered without colour, rustc style.
    public var description: String {
        let renderer = HumanRenderer(colour: false)
        return diagnostics.map { renderer.render($0, sources: sources) }.joined(separator: "\n")
    }
}
