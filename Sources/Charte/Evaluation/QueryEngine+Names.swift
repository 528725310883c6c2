// Queries by name and by text: parse, resolve names against the charter (with the checker's
// codes and "vouliez-vous dire"), type object literals, then answer.

extension QueryEngine {
    /// Parses and answers one query (`qui preter livre(genre: album)`).
    public func answer(_ text: String) throws(QueryError) -> QueryAnswer {
        let (query, sources) = try parse(text)
        return try answer(query, sources: sources)
    }

    /// Answers a parsed query; `sources` must hold the query's text (see `QueryParser`).
    public func answer(_ query: Query, sources: SourceMap) throws(QueryError) -> QueryAnswer {
        var resolver = QueryResolver(charter: charter)
        let (question, dateClause) = query.undated
        // `le DATE`: resolved first, so that a bad date and a bad name are both reported.
        let day: CalendarDate? = dateClause.flatMap { resolver.date($0) ?? nil }
        let dated = dateClause != nil
        let answer: QueryAnswer? = switch question {
        case .who(let target, let object):
            resolver.who(target, object: object).map { target in
                .who(day.map { resolve(target, on: $0) } ?? resolve(target))
            }
        case .search(let text): .who(search(text.value))
        case .may(let actor, let action, let object):
            resolver.may(actor, action: action, object: object).map { parts in
                .may(day.map { may(actors: parts.actors, asked: parts.asked, action: parts.action, object: parts.object, on: $0) }
                     ?? may(actors: parts.actors, asked: parts.asked, action: parts.action, object: parts.object))
            }
        case .tasks(let actor):
            resolver.actors(actor).map { found in
                .tasks(day.map { jobSheet(actors: found.actors, asked: found.asked, on: $0) } ?? jobSheet(actors: found.actors, asked: found.asked))
            }
        case .deadlines(let from): resolver.date(from).map { .deadlines(deadlines(from: $0)) }
        case .show(let name): resolver.symbol(name).map { .show(show($0)) }
        case .dated: nil
        }
        guard let answer, resolver.diagnostics.isEmpty, !dated || day != nil else {
            throw QueryError(diagnostics: resolver.diagnostics.sortedForDisplay(), sources: sources)
        }
        return answer
    }

    // MARK: - Typed calls by name

    /// `qui TARGET [OBJECT]`: `target` is an action or a task id, `object` a literal such as `livre(genre: album)`.
    public func who(_ target: String, object: String? = nil) throws(QueryError) -> WhoAnswer {
        let (query, sources) = try parse("qui \(target) \(object ?? "")")
        guard case .who = query, case .who(let answer) = try answer(query, sources: sources) else {
            throw QueryEngine.wrongForm(.oneOf([.action, .task]), sources: sources)
        }
        return answer
    }

    /// `peut ACTOR ACTION [OBJECT]`: `actor` is an actor id or a person's name.
    public func may(actor: String, action: String, object: String? = nil) throws(QueryError) -> MayAnswer {
        let (query, sources) = try parse("peut \(QueryEngine.quoted(actor)) \(action) \(object ?? "")")
        guard case .may = query, case .may(let answer) = try answer(query, sources: sources) else {
            throw QueryEngine.wrongForm(.actorActionAndObject, sources: sources)
        }
        return answer
    }

    /// `taches ACTOR`: the job sheet of an actor id or a person's name.
    public func tasks(of actor: String) throws(QueryError) -> JobSheet {
        let (query, sources) = try parse("taches \(QueryEngine.quoted(actor))")
        guard case .tasks(let answer) = try answer(query, sources: sources) else {
            throw QueryEngine.wrongForm(.actor, sources: sources)
        }
        return answer
    }

    /// `montre NAME`: a declaration as written.
    public func show(_ name: String) throws(QueryError) -> ShownDeclaration {
        let (query, sources) = try parse("montre \(name)")
        guard case .show(let answer) = try answer(query, sources: sources) else {
            throw QueryEngine.wrongForm(.declarationName, sources: sources)
        }
        return answer
    }

    // MARK: - Helpers

    /// Parses a query into a copy of the charter's sources.
    func parse(_ text: String) throws(QueryError) -> (Query, SourceMap) {
        var sources = self.sources
        let parsed = QueryParser.parse(text, into: &sources, limits: limits)
        guard let query = parsed.query else { throw QueryError(diagnostics: parsed.diagnostics, sources: sources) }
        return (query, sources)
    }

    /// A `qui` target resolved to an action with its object, or to a task.
    func resolve(_ target: QueryResolver.WhoTarget) -> WhoAnswer {
        switch target {
        case .action(let action, let object): who(action: action, object: object)
        case .task(let task): who(task: task)
        }
    }

    /// The same on a given day.
    func resolve(_ target: QueryResolver.WhoTarget, on date: CalendarDate) -> WhoAnswer {
        switch target {
        case .action(let action, let object): who(action: action, object: object, on: date)
        case .task(let task): who(task: task, on: date)
        }
    }

    /// A string literal for a name, so that a person's name with spaces stays one token.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// The error of a typed call whose arguments made up another kind of query.
    static func wrongForm(_ expected: Expected, sources: SourceMap) -> QueryError {
        let file = sources.files.last.map(\.id) ?? FileID(0)
        let span = Span(file: file, start: 0, end: sources.files.last?.bytes.count ?? 0)
        return QueryError(diagnostics: [Diagnostic(.unexpectedToken(expected: expected, found: .otherQuery), at: span)],
                          sources: sources)
    }
}

/// Resolves the names of a query against a charter, reporting unknown ones like the checker.
struct QueryResolver {
    /// What `qui NAME` designates.
    enum WhoTarget {
        case action(Int, ObjectValue)
        case task(Int)
    }

    /// An actor reference resolved to actors.
    struct Actors {
        let actors: [Int]
        let asked: String
    }

    /// The parts of a `peut` query.
    struct MayParts {
        let actors: [Int]
        let asked: String
        let action: Int
        let object: ObjectValue
    }

    let charter: Charter
    private(set) var diagnostics: [Diagnostic] = []

    init(charter: Charter) { self.charter = charter }

    mutating func report(_ message: Message, at span: Span, candidates: [Candidate] = []) {
        diagnostics.append(Diagnostic(message, at: span, candidates: candidates))
    }

    /// Looks names up and words the unknown ones, as the checker does.
    private var names = NameResolver()
    /// Queries are short: no suggestion budget to speak of.
    private var budget = SuggestionBudget()

    /// The declared names of a kind close to `name`, as the checker offers them.
    mutating func closest(to name: String, among kind: NameKind) -> [Candidate] {
        names.closest(to: name, among: kind, in: charter, budget: &budget)
    }

    /// `qui NAME [OBJECT]`: a task, or an action with its typed object (E103, E105, E106, E200).
    mutating func who(_ target: Name, object: ObjectLiteral?) -> WhoTarget? {
        if let task = charter.task(named: target.text) {
            if let object {
                report(.typeMismatch(expected: .actionNotTask, found: .objectType(object.type.text, quoted: true)), at: object.span)
                return nil
            }
            return .task(task)
        }
        guard let action = action(target, alsoTasks: true) else { return nil }
        return resolveObject(object, action: action).map { .action(action, $0) }
    }

    /// `peut ACTOR ACTION [OBJECT]`.
    mutating func may(_ actor: ActorReference, action name: Name, object: ObjectLiteral?) -> MayParts? {
        let actors = actors(actor)
        guard let action = action(name, alsoTasks: false), let actors, let value = resolveObject(object, action: action) else { return nil }
        return MayParts(actors: actors.actors, asked: actors.asked, action: action, object: value)
    }

    /// An action by name (E103 with close actions, and close tasks for `qui`).
    mutating func action(_ name: Name, alsoTasks: Bool) -> Int? {
        if let index = charter.action(named: name.text) { return index }
        let kind: NameKind = alsoTasks ? .actionOrTask : .action
        let close = closest(to: name.text, among: kind)
        report(.unknownAction(name.text), at: name.span,
               candidates: close.isEmpty ? NameResolver.sharingWords(with: name.text, among: kind, in: charter) : close)
        return nil
    }

    /// The object a literal stands for, typed by the checker's `Typer`.
    mutating func resolveObject(_ literal: ObjectLiteral?, action: Int) -> ObjectValue? {
        var typer = Typer(charter: charter)
        let value = typer.resolveObject(literal, action: action)
        diagnostics += typer.diagnostics
        return value
    }

    /// The actors an id or a person's name stands for (E100 with close ids and people).
    mutating func actors(_ reference: ActorReference) -> Actors? {
        let text: String = switch reference {
        case .id(let name): name.text
        case .person(let literal): literal.value
        }
        if let actors = charter.actors(for: text) { return Actors(actors: actors, asked: text) }
        let ids = NameResolver.candidates(.actor, in: charter)
        let people = charter.persons.keys.sorted().map { Candidate(name: $0, span: nil) }
        let close = Suggestions.closest(to: text, among: ids + people)
        report(.unknownActor(text), at: reference.span,
               candidates: close.isEmpty ? NameResolver.sharingWords(with: text, among: .actor, in: charter) : close)
        return nil
    }

    /// The date of `echeances`: a literal, or a name of the calendar (E107); `.some(nil)` when none was given.
    mutating func date(_ date: QueryDate?) -> CalendarDate?? {
        switch date {
        case nil: return .some(nil)
        case .literal(let value): return value.map { .some($0) }
        case .name(let name):
            guard let calendar = charter.calendar else {
                report(.noCalendar(name.text), at: name.span)
                return nil
            }
            guard let entry = calendar.index[name.text] else {
                let close = Suggestions.closest(to: name.text, among: calendar.entries.map { Candidate(name: $0.name, span: $0.span) })
                report(.unknownCalendarName(name.text), at: name.span, candidates: close)
                return nil
            }
            return .some(calendar.entries[entry].start)
        }
    }

    /// The declaration `montre` shows: any name of the shared namespace.
    mutating func symbol(_ name: Name) -> Symbol? {
        if let symbol = charter.symbols[name.text] { return symbol }
        let close = closest(to: name.text, among: .any)
        report(.unknownDeclaration(name.text), at: name.span,
               candidates: close.isEmpty ? NameResolver.sharingWords(with: name.text, among: .any, in: charter) : close)
        return nil
    }
}
