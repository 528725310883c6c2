/// The answer to "may this actor do this action on this object?".
public enum Outcome: String, Sendable, Hashable, CaseIterable {
    // The raw values are the French words the JSON outputs and the bench print.
    case allowed = "autorise", refused = "refuse", undetermined = "indetermine"
}

/// A rule that took part in a decision.
public struct DecidingRule: Sendable, Hashable, Comparable {
    /// What kind of rule decided.
    public enum Kind: String, Sendable, Hashable, Comparable {
        // The raw values are the French words the JSON outputs write (`genre`); they also
        // order rules of the same place.
        case task = "tache", permit = "autorise", forbid = "interdit", `default` = "defaut"
        /// A suppléance in its window (dated decisions only).
        case deputy = "suppleance"
        /// The action's scope (`action a sur T si …`): outside it, the action is refused.
        case scope = "portee"
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The kind of rule.
    public let kind: Kind
    /// The task id, a short text for `autorise`/`interdit` (`interdit compta preter`) or a
    /// suppléance (`suppleance documentaliste par referent`), or `defaut`.
    public let id: String
    /// Where the rule is written (nil for the default deny).
    public let span: Span?

    public static func < (lhs: DecidingRule, rhs: DecidingRule) -> Bool {
        // An adaptation's rules come from two files: the school's own (first), then its model's.
        let fileA = lhs.span?.file.rawValue ?? Int.max, fileB = rhs.span?.file.rawValue ?? Int.max
        if fileA != fileB { return fileA < fileB }
        let a = lhs.span?.start ?? Int.max, b = rhs.span?.start ?? Int.max
        if a != b { return a < b }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        return lhs.id < rhs.id
    }
}

/// A decision with what decided it.
public struct Decision: Sendable, Hashable {
    /// `autorise`, `refuse` or `indetermine`.
    public let outcome: Outcome
    /// The missing attributes that could still change the answer, sorted by name.
    public let missing: [String]
    /// The rules that decided, in source order (the default deny last).
    public let rules: [DecidingRule]
}

/// Decides `peut` questions for a checked charter.
///
/// Built once per charter: the rules are indexed by action and by actor, and compiled into
/// a `DecisionTable`, so a decision looks only at the rules of this actor and this action
/// (usually a single table load). `outcome` and `decide` give the same outcomes; `decide`
/// also names the deciding rules and the missing attributes.
public struct Authorizer: Sendable {
    /// One permit (a task's responsable or aide, or an `autorise`) or forbid rule.
    struct Rule: Sendable {
        let rule: DecidingRule
        let everyone: Bool
        let actors: Set<Int>
        let condition: Predicate?
        /// The actors a `tous sauf …` rule leaves out.
        var exceptions: Set<Int> = []

        func applies(to actors: [Int]) -> Bool {
            everyone ? actors.isEmpty || actors.contains { !exceptions.contains($0) } : actors.contains { self.actors.contains($0) }
        }
    }

    let charter: Charter
    /// Forbids and permits, by action index.
    let forbids: [[Rule]]
    let permits: [[Rule]]
    /// The same rules by (action, actor), compiled.
    let table: DecisionTable
    /// The suppléances, and the actions each delegates, for dated decisions (kept apart from
    /// `charter` so the fast path reads one small array).
    let deputies: [Deputy]
    let delegatedActions: [Set<Int>]
    /// For each action, the windows of the suppléances that delegate it: a dated question on
    /// an action none delegates, or that no window involves, is the undated question.
    let windowsByAction: [[DelegatedWindow]]
    /// Each action's scope (nil: every object), by action index.
    let scopes: [Predicate?]

    /// Indexes the rules of a checked charter.
    public init(charter: CheckedCharter) { self.init(charter: charter.model) }

    /// Indexes the rules of a bare model (the journal and the query engine hold one).
    init(charter: Charter) {
        self.charter = charter
        var forbids = [[Rule]](repeating: [], count: charter.actions.count)
        var permits = [[Rule]](repeating: [], count: charter.actions.count)
        for task in charter.tasks {
            let holders = Set(task.responsables + task.aides)
            for performed in task.actions {
                let rule = DecidingRule(kind: .task, id: task.id, span: task.nameSpan)
                permits[performed.action].append(Rule(rule: rule, everyone: false, actors: holders, condition: performed.condition))
            }
        }
        for permission in charter.permissions {
            var actorText = permission.everyone ? "tous" : permission.actors.map { charter.actors[$0].id }.joined(separator: ", ")
            if !permission.exceptions.isEmpty {
                actorText += " sauf " + permission.exceptions.map { charter.actors[$0].id }.joined(separator: ", ")
            }
            let rule = DecidingRule(kind: permission.kind == .forbid ? .forbid : .permit,
                                    id: "\(permission.kind.rawValue) \(actorText) \(charter.actions[permission.action].id)",
                                    span: permission.span)
            let indexed = Rule(rule: rule, everyone: permission.everyone, actors: Set(permission.actors), condition: permission.condition,
                               exceptions: Set(permission.exceptions))
            if permission.kind == .forbid {
                forbids[permission.action].append(indexed)
            } else {
                permits[permission.action].append(indexed)
            }
        }
        self.forbids = forbids
        self.permits = permits
        table = DecisionTable(charter: charter, forbids: forbids, permits: permits)
        deputies = charter.deputies
        delegatedActions = charter.deputies.map { $0.delegatedActions(in: charter) }
        var windows = [[DelegatedWindow]](repeating: [], count: charter.actions.count)
        for (index, deputy) in charter.deputies.enumerated() {
            for action in delegatedActions[index].sorted() where windows.indices.contains(action) {
                windows[action].append(DelegatedWindow(deputy: index, deputised: deputy.deputised, deputyActor: deputy.deputy,
                                                       from: deputy.from, to: deputy.to))
            }
        }
        windowsByAction = windows
        scopes = charter.actions.map(\.scope)
    }

    /// The rule an action's scope stands for in a decision.
    func scopeRule(_ action: Int) -> DecidingRule {
        DecidingRule(kind: .scope, id: charter.actions[action].id, span: charter.actions[action].scopeSpan)
    }

    /// The decision for actors (one role, or every role of a person) doing an action on an object.
    ///
    /// Refused if a forbid applies; else permitted if a permit applies; else refused by default.
    /// In three-valued logic the decision is `non F et P` (spec section 12), and with a
    /// scope S on the action, `S et non F et P`: outside the scope, refused.
    public func decide(actors: [Int], action: Int, object: ObjectValue) -> Decision {
        guard forbids.indices.contains(action) else {
            return Decision(outcome: .refused, missing: [], rules: [DecidingRule(kind: .default, id: "defaut", span: nil)])
        }
        guard let scope = scopes[action]?.evaluateExplaining(object) else { return decideInScope(actors: actors, action: action, object: object) }
        switch scope.truth {
        case .no: return Decision(outcome: .refused, missing: [], rules: [scopeRule(action)])
        case .yes: return decideInScope(actors: actors, action: action, object: object)
        case .unknown:
            let inside = decideInScope(actors: actors, action: action, object: object)
            guard inside.outcome != .refused else { return inside }
            let missing = Set(inside.missing).union(attributeNames(scope.missing, type: object.type)).sorted()
            return Decision(outcome: .undetermined, missing: missing, rules: (inside.rules + [scopeRule(action)]).sorted())
        }
    }

    /// The decision as if the object were inside the action's scope.
    func decideInScope(actors: [Int], action: Int, object: ObjectValue) -> Decision {
        // The rules of these actors for this action, in rule order, from the index.
        let applicableForbids = table.ruleIndices(actors: actors, action: action, forbids: true).map { forbids[action][$0] }
        let applicablePermits = table.ruleIndices(actors: actors, action: action, forbids: false).map { permits[action][$0] }
        let forbidTruths = applicableForbids.map { $0.condition?.evaluateExplaining(object) ?? (.yes, []) }
        let permitTruths = applicablePermits.map { $0.condition?.evaluateExplaining(object) ?? (.yes, []) }
        let forbidden = forbidTruths.reduce(Truth.no) { $0 || $1.truth }
        let permitted = permitTruths.reduce(Truth.no) { $0 || $1.truth }
        let outcome: Outcome
        switch !forbidden && permitted {
        case .yes: outcome = .allowed
        case .no: outcome = .refused
        case .unknown: outcome = .undetermined
        }

        var rules: [DecidingRule] = []
        var missing = Set<Int>()
        switch outcome {
        case .refused where forbidden == .yes:
            rules = zip(applicableForbids, forbidTruths).filter { $0.1.truth == .yes }.map(\.0.rule)
        case .refused:
            // No permission holds: the default deny decides, beside unknown forbids that did not matter.
            rules = [DecidingRule(kind: .default, id: "defaut", span: nil)]
        case .allowed:
            rules = zip(applicablePermits, permitTruths).filter { $0.1.truth == .yes }.map(\.0.rule)
        case .undetermined:
            if forbidden == .unknown {
                for (rule, truth) in zip(applicableForbids, forbidTruths) where truth.truth == .unknown {
                    rules.append(rule.rule)
                    missing.formUnion(truth.missing)
                }
            }
            if permitted == .unknown {
                for (rule, truth) in zip(applicablePermits, permitTruths) where truth.truth == .unknown {
                    rules.append(rule.rule)
                    missing.formUnion(truth.missing)
                }
            } else {
                rules += zip(applicablePermits, permitTruths).filter { $0.1.truth == .yes }.map(\.0.rule)
            }
        }
        return Decision(outcome: outcome, missing: attributeNames(missing, type: object.type), rules: rules.sorted())
    }

    /// Only the outcome, without explanation (the fast path for journals, `charte peut` and benchmarks).
    ///
    /// A few array loads through the compiled table; an object whose values do not fit the
    /// table (a value of another kind than its attribute's) is decided rule by rule.
    public func outcome(actors: [Int], action: Int, object: ObjectValue) -> Outcome {
        guard action >= 0, action < forbids.count else { return .refused }
        if let scope = scopes[action] {
            switch scope.evaluate(object) {
            case .no: return .refused
            case .yes: break
            case .unknown:
                let inside = outcomeInScope(actors: actors, action: action, object: object)
                return inside == .refused ? .refused : .undetermined
            }
        }
        return outcomeInScope(actors: actors, action: action, object: object)
    }

    /// The outcome as if the object were inside the action's scope.
    func outcomeInScope(actors: [Int], action: Int, object: ObjectValue) -> Outcome {
        if let (forbidden, permitted) = table.truths(actors: actors, action: action, object: object) {
            switch min(2 - forbidden, permitted) {
            case 2: return .allowed
            case 0: return .refused
            default: return .undetermined
            }
        }
        return outcomeByRules(actors: actors, action: action, object: object)
    }

    /// The outcome from the rules of these actors, each condition evaluated.
    func outcomeByRules(actors: [Int], action: Int, object: ObjectValue) -> Outcome {
        var forbidden = Truth.no
        for index in table.ruleIndices(actors: actors, action: action, forbids: true) {
            forbidden = forbidden || (forbids[action][index].condition?.evaluate(object) ?? .yes)
            if forbidden == .yes { return .refused }
        }
        var permitted = Truth.no
        for index in table.ruleIndices(actors: actors, action: action, forbids: false) {
            permitted = permitted || (permits[action][index].condition?.evaluate(object) ?? .yes)
            if permitted == .yes { break }
        }
        switch !forbidden && permitted {
        case .yes: return .allowed
        case .no: return .refused
        case .unknown: return .undetermined
        }
    }

    func attributeNames(_ indices: Set<Int>, type: Int?) -> [String] {
        guard let type, charter.objectTypes.indices.contains(type) else { return [] }
        let attributes = charter.objectTypes[type].attributes
        return indices.compactMap { $0 < attributes.count ? attributes[$0].name : nil }.sorted()
    }
}

extension Charter {
    /// The actors an id or a person's name (from `personnes`) stands for.
    public func actors(for reference: String) -> [Int]? {
        if let index = actor(named: reference) { return [index] }
        if let roles = persons[reference] { return roles }
        // People's names are compared without case or accents, as they come from spreadsheets.
        let folded = Folding.fold(reference)
        let matches = persons.filter { Folding.fold($0.key) == folded }.flatMap(\.value)
        return matches.isEmpty ? nil : Array(Set(matches)).sorted()
    }
}
