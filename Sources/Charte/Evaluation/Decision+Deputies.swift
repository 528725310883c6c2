// Dated decisions: on a day inside a suppléance's window, the deputy also holds what the
// absent actor holds for the delegated scope; a délégation de pouvoir moves it away from the
// absent actor, a délégation de signature leaves it with them (they stay accountable).
// The deputy's own `interdit` rules are never lifted, and an unknown forbid never permits.
// Undated decisions (`Authorizer.decide(actors:action:object:)`) do not change.

extension Deputy {
    /// Whether this suppléance delegates an action on an object, whatever the day: the
    /// clauses of its tasks where the deputised actor is responsable or aide, and its
    /// `action` clauses; with the attributes that would settle an unknown answer.
    public func covers(action: Int, object: ObjectValue, in charter: Charter) -> (truth: Truth, missing: Set<Int>) {
        var truth = Truth.no
        var missing = Set<Int>()
        func add(_ clause: TaskAction) {
            guard clause.action == action, truth != .yes else { return }
            let (result, needs) = clause.condition?.evaluateExplaining(object) ?? (.yes, [])
            if result == .unknown { missing.formUnion(needs) }
            truth = truth || result
        }
        for task in tasks where charter.tasks.indices.contains(task) {
            let held = charter.tasks[task]
            guard held.responsables.contains(deputised) || held.aides.contains(deputised) else { continue }
            held.actions.forEach(add)
        }
        actions.forEach(add)
        return (truth, truth == .unknown ? missing : [])
    }

    /// Whether the deputy stands in for a task: one of its tasks, or a task of the deputised
    /// actor (responsable or aide) performing a delegated action.
    public func delegates(task index: Int, in charter: Charter) -> Bool {
        guard charter.tasks.indices.contains(index) else { return false }
        let task = charter.tasks[index]
        guard task.responsables.contains(deputised) || task.aides.contains(deputised) else { return false }
        if tasks.contains(index) { return true }
        return task.actions.contains { performed in actions.contains { $0.action == performed.action } }
    }

    /// Every action the suppléance may delegate, whatever the objects: a decision on another
    /// action never depends on it.
    func delegatedActions(in charter: Charter) -> Set<Int> {
        var delegated = Set(actions.map(\.action))
        for task in tasks where charter.tasks.indices.contains(task) {
            let held = charter.tasks[task]
            if held.responsables.contains(deputised) || held.aides.contains(deputised) { delegated.formUnion(held.actions.map(\.action)) }
        }
        return delegated
    }

    /// The rule citing this suppléance in an explanation: `suppleance documentaliste par referent`.
    func decidingRule(in charter: Charter) -> DecidingRule {
        DecidingRule(kind: .deputy, id: "suppleance \(charter.actors[deputised].id) par \(charter.actors[deputy].id)", span: span)
    }
}

/// Where a suppléance stands on the day of a question.
public enum DeputyState: String, Sendable, Hashable {
    /// The day is inside the window.
    case enCours = "en_cours"
    /// The window ended before the day.
    case terminee
    /// The window starts after the day.
    case aVenir = "a_venir"

    /// The state of a window on a day.
    public init(_ deputy: Deputy, on date: CalendarDate) {
        self = date < deputy.from ? .aVenir : (deputy.to < date ? .terminee : .enCours)
    }
}

/// A suppléance that matters to a dated decision, with where it stands that day.
public struct DeputyStanding: Sendable, Hashable {
    /// The suppléance, by index in `Charter.deputies`.
    public let deputy: Int
    /// Where its window stands on the day.
    public let state: DeputyState
}

/// A decision at a date, with the suppléances that took part or could have.
public struct DatedDecision: Sendable, Hashable {
    /// The day of the question.
    public let date: CalendarDate
    /// The decision of that day.
    public let decision: Decision
    /// The suppléances of the actors asked that concern the action on the object: those in
    /// their window that day, and, when the answer is not `autorise`, those outside it.
    public let deputies: [DeputyStanding]
}

/// A suppléance as the dated fast path reads it, filed under each action it delegates: who
/// and when, in a few plain integers.
struct DelegatedWindow: Sendable {
    /// The suppléance, by index in `Charter.deputies`.
    let deputy: Int
    /// The absent actor and the actor standing in.
    let deputised: Int
    let deputyActor: Int
    /// The first and last days, both included.
    let from: CalendarDate
    let to: CalendarDate

    /// Whether one of the actors is the absent actor or the deputy.
    func involves(_ actors: [Int]) -> Bool { actors.contains(deputyActor) || actors.contains(deputised) }

    /// Whether the window contains a day.
    func isActive(on date: CalendarDate) -> Bool { from <= date && date <= to }
}

extension Authorizer {
    /// The windows of the suppléances that delegate an action (none for an unknown action).
    func windows(delegating action: Int) -> [DelegatedWindow] {
        windowsByAction.indices.contains(action) ? windowsByAction[action] : []
    }

    /// Whether a suppléance that delegates the action involves one of the actors, on any day:
    /// without one, a dated decision on it is the undated one.
    func hasDeputies(involving actors: [Int], action: Int) -> Bool {
        windows(delegating: action).contains { $0.involves(actors) }
    }

    /// Whether one of the actors stands in for someone on that day, for the action.
    func standsIn(_ actors: [Int], action: Int, on date: CalendarDate) -> Bool {
        windows(delegating: action).contains { actors.contains($0.deputyActor) && $0.isActive(on: date) }
    }

    /// Only the outcome at a date (the journal's fast path): the undated table when no
    /// suppléance in its window that day delegates the action and involves the actors.
    ///
    /// Only such a suppléance can change an outcome; the check reads the action's few
    /// windows, so most dated questions cost one more array load than undated ones.
    public func outcome(actors: [Int], action: Int, object: ObjectValue, on date: CalendarDate) -> Outcome {
        if deputies.isEmpty { return outcome(actors: actors, action: action, object: object) }
        let windows = windows(delegating: action)
        guard windows.contains(where: { $0.isActive(on: date) && $0.involves(actors) }), inScope(action, object) else {
            return outcome(actors: actors, action: action, object: object)
        }
        // G, in the table's codes (0 faux, 1 inconnu, 2 vrai), from the suppléances that give.
        var granted: UInt8 = 0
        var involved = false
        for window in windows where window.isActive(on: date) && window.involves(actors) {
            let deputy = deputies[window.deputy]
            if actors.contains(deputy.deputised), !actors.contains(deputy.deputy) {
                // A délégation de pouvoir takes a permit away (the explained path knows whose); a
                // signature leaves the absent actor's own decision as it is.
                if deputy.nature == .power { return decide(actors: actors, action: action, object: object, on: date).decision.outcome }
                continue
            }
            involved = true
            let covered = DecisionTable.code(deputy.covers(action: action, object: object, in: charter).truth)
            guard covered > 0 else { continue }
            let held: UInt8 = switch outcome(actors: [deputy.deputised], action: action, object: object) {
            case .allowed: 2
            case .undetermined: 1
            case .refused: 0
            }
            granted = max(granted, min(covered, held))
        }
        guard involved, granted > 0 else { return outcome(actors: actors, action: action, object: object) }
        guard let (forbidden, permitted) = table.truths(actors: actors, action: action, object: object) else {
            return decide(actors: actors, action: action, object: object, on: date).decision.outcome
        }
        switch min(2 - forbidden, max(permitted, granted)) {
        case 2: return .allowed
        case 0: return .refused
        default: return .undetermined
        }
    }

    /// The decision for actors doing an action on an object on a given day.
    ///
    /// `non F et (P' ou G)`: F the forbids of the actors (a deputy's own are never lifted);
    /// P' each actor's permits, less what a délégation de pouvoir in its window moved to a
    /// deputy; G, for each suppléance in its window where an actor is the deputy, the delegated
    /// scope and what the absent actor may do (its own undated decision: a deputy never gets
    /// what the absent actor could not do, nor what another deputy got).
    public func decide(actors: [Int], action: Int, object: ObjectValue, on date: CalendarDate) -> DatedDecision {
        let involved = windows(delegating: action).filter { $0.involves(actors) }.map(\.deputy)
        guard !involved.isEmpty, inScope(action, object) else {
            return DatedDecision(date: date, decision: decide(actors: actors, action: action, object: object), deputies: [])
        }
        var missing = Set<Int>()
        var standings: [DeputyStanding] = []

        // F: every forbid of the actors, evaluated one by one.
        let forbidRules = table.ruleIndices(actors: actors, action: action, forbids: true).map { forbids[action][$0] }
        let forbid = Authorizer.evaluate(forbidRules, on: object)

        // P': each actor's permits, less the competence a délégation de pouvoir moved away.
        var permitted = Truth.no
        var permitting: [DecidingRule] = [], unknownPermits: [DecidingRule] = [], moved: [DecidingRule] = []
        for actor in actors.isEmpty ? [] : Array(Set(actors)).sorted() {
            let rules = table.ruleIndices(actors: [actor], action: action, forbids: false).map { permits[action][$0] }
            let own = Authorizer.evaluate(rules, on: object)
            var truth = own.truth
            for index in involved where charter.deputies[index].deputised == actor && charter.deputies[index].nature == .power
                && charter.deputies[index].isActive(on: date) && !actors.contains(charter.deputies[index].deputy) {
                let deputy = charter.deputies[index]
                let covered = deputy.covers(action: action, object: object, in: charter)
                guard covered.truth != .no else { continue }
                standings.append(DeputyStanding(deputy: index, state: .enCours))
                if own.truth != .no { moved.append(deputy.decidingRule(in: charter)) }
                truth = truth && !covered.truth
                if covered.truth == .unknown { missing.formUnion(covered.missing) }
            }
            permitted = permitted || truth
            if truth == .yes { permitting += own.yes }
            if truth == .unknown { unknownPermits += own.yes + own.unknown; missing.formUnion(own.missing) }
        }
        if actors.isEmpty {
            let own = Authorizer.evaluate(table.ruleIndices(actors: [], action: action, forbids: false).map { permits[action][$0] }, on: object)
            permitted = own.truth
            permitting = own.yes
            unknownPermits = own.unknown
            missing.formUnion(own.missing)
        }

        // G: what the suppléances in their window give the actors standing in.
        var granting: [DecidingRule] = [], unknownGrants: [DecidingRule] = []
        var outside: [DeputyStanding] = []
        for index in involved where actors.contains(charter.deputies[index].deputy) {
            let deputy = charter.deputies[index]
            let covered = deputy.covers(action: action, object: object, in: charter)
            guard covered.truth != .no else { continue }
            let held = decide(actors: [deputy.deputised], action: action, object: object)
            let holds: Truth = switch held.outcome {
            case .allowed: .yes
            case .undetermined: .unknown
            case .refused: .no
            }
            let grant = covered.truth && holds
            guard grant != .no else { continue }
            let state = DeputyState(deputy, on: date)
            guard state == .enCours else {
                outside.append(DeputyStanding(deputy: index, state: state))
                continue
            }
            standings.append(DeputyStanding(deputy: index, state: .enCours))
            permitted = permitted || grant
            // The absent actor's rules within the delegated scope (all of them for an `action` clause).
            let explicit = deputy.actions.contains { $0.action == action }
            let cited = [deputy.decidingRule(in: charter)] + held.rules.filter { rule in
                switch rule.kind {
                case .default: false
                case .task: explicit || charter.task(named: rule.id).map(deputy.tasks.contains) ?? false
                default: true
                }
            }
            if grant == .yes {
                granting += cited
            } else {
                unknownGrants += cited
                missing.formUnion(covered.missing)
                missing.formUnion(attributeIndices(held.missing, type: object.type))
            }
        }

        let outcome: Outcome
        switch !forbid.truth && permitted {
        case .yes: outcome = .allowed
        case .no: outcome = .refused
        case .unknown: outcome = .undetermined
        }
        var rules: [DecidingRule]
        switch outcome {
        case .refused where forbid.truth == .yes:
            rules = forbid.yes
            missing = []
        case .refused:
            rules = moved.isEmpty ? [DecidingRule(kind: .default, id: "defaut", span: nil)] : moved
            missing = []
        case .allowed:
            rules = permitting + granting
            missing = []
        case .undetermined:
            rules = []
            if forbid.truth == .unknown {
                rules += forbid.unknown
                missing.formUnion(forbid.missing)
            }
            rules += permitted == .unknown ? unknownPermits + unknownGrants + moved : permitting + granting
        }
        if outcome != .allowed { standings += outside }
        var unique: [DecidingRule] = []
        for rule in rules.sorted() where unique.last != rule { unique.append(rule) }
        var seen = Set<Int>()
        let cited = standings.filter { seen.insert($0.deputy).inserted }.sorted { $0.deputy < $1.deputy }
        let decision = Decision(outcome: outcome, missing: outcome == .undetermined ? attributeNames(missing, type: object.type) : [],
                                rules: unique)
        return DatedDecision(date: date, decision: decision, deputies: cited)
    }

    /// Whether an object is certainly inside the action's scope: outside it (or unknown), no
    /// suppléance gives anything and the undated decision stands (fail closed).
    func inScope(_ action: Int, _ object: ObjectValue) -> Bool {
        guard scopes.indices.contains(action), let scope = scopes[action] else { return true }
        return scope.evaluate(object) == .yes
    }

    /// Rules evaluated one by one: their `ou`, the rules true and unknown, the attributes the unknown ones read.
    static func evaluate(_ rules: [Rule], on object: ObjectValue) -> (truth: Truth, yes: [DecidingRule], unknown: [DecidingRule], missing: Set<Int>) {
        var truth = Truth.no
        var yes: [DecidingRule] = [], unknown: [DecidingRule] = []
        var missing = Set<Int>()
        for rule in rules {
            let (result, needs) = rule.condition?.evaluateExplaining(object) ?? (.yes, [])
            switch result {
            case .yes: yes.append(rule.rule)
            case .unknown: unknown.append(rule.rule); missing.formUnion(needs)
            case .no: break
            }
            truth = truth || result
        }
        return (truth, yes, unknown, missing)
    }

    /// Attribute indices from their names (the inverse of `attributeNames`).
    func attributeIndices(_ names: [String], type: Int?) -> Set<Int> {
        guard let type, charter.objectTypes.indices.contains(type) else { return [] }
        let attributes = charter.objectTypes[type].attributes
        return Set(names.compactMap { name in attributes.firstIndex { $0.name == name } })
    }
}
