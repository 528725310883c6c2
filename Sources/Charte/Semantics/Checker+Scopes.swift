// Action scopes (`action a "…" sur T si condition`) and approvals before an action
// (`exige signer par proviseur avant commander si …`): resolved after the tasks (an
// approval without `par` asks the approbateurs of the tasks doing the action), then checked.

extension Checker {
    /// Types every action's scope and resolves every `exige`.
    mutating func resolveScopesAndRequirements() {
        var actionOrdinal = 0
        for declaration in tree.declarations {
            switch declaration {
            case .action(let decl):
                defer { actionOrdinal += 1 }
                guard let scope = decl.scope, actionOrdinal < declaredActions.count,
                      let index = declaredActions[actionOrdinal] else { continue }
                guard decl.objectType != nil else {
                    report(.scopeWithoutObject(action: decl.name.text), at: scope.span)
                    continue
                }
                // An unknown type is already E105.
                guard charter.actions[index].objectType != nil else { continue }
                if let predicate = typeCondition(scope, action: index) {
                    charter.actions[index].scope = predicate
                    charter.actions[index].scopeSpan = scope.span
                } else {
                    damagedActions.insert(index)
                }
            case .requirement(let decl):
                resolveRequirement(decl)
            default:
                break
            }
        }
    }

    mutating func resolveRequirement(_ decl: RequirementDecl) {
        let prior = resolveAction(decl.prior)
        let action = resolveAction(decl.action)
        let named = resolveActors(decl.actors)
        guard let prior, let action, named.count == decl.actors.count else { return }
        let priorType = charter.actions[prior].objectType, actionType = charter.actions[action].objectType
        guard let type = actionType, priorType == actionType else {
            report(.requirementTypesDiffer(action: charter.actions[action].id, actionType: actionType.map { charter.objectTypes[$0].id },
                                           prior: charter.actions[prior].id, priorType: priorType.map { charter.objectTypes[$0].id }),
                   at: decl.prior.span.to(decl.action.span))
            return
        }
        guard charter.objectTypes[type].key != nil else {
            report(.requirementWithoutKey(type: charter.objectTypes[type].id), at: decl.action.span)
            return
        }
        let predicate = decl.condition.flatMap { typeCondition($0, action: action) }
        if decl.condition != nil, predicate == nil { return }
        var actors = named
        if decl.actors.isEmpty {
            // The approbateurs (A) of the tasks doing the action, in task order.
            for task in charter.tasks where task.actions.contains(where: { $0.action == action }) {
                for approver in task.approbateurs where !actors.contains(approver) { actors.append(approver) }
            }
            guard !actors.isEmpty else {
                report(.requirementWithoutApprover(action: charter.actions[action].id), at: decl.action.span)
                return
            }
        }
        charter.requirements.append(Requirement(prior: prior, actors: actors, byApprovers: decl.actors.isEmpty, action: action,
                                                condition: predicate, objectType: type, span: decl.span))
    }

    // MARK: - Checks

    /// W505 for a scope that holds no object, W504 for a condition that never meets its action's scope.
    mutating func checkScopes() {
        for (index, action) in charter.actions.enumerated() {
            guard let scope = action.scope, let type = action.objectType, !damagedActions.contains(index) else { continue }
            let scopeSpan = action.scopeSpan ?? action.span
            switch Checker.canMeet(scope, nil, type: type, in: charter) {
            case false?:
                report(.emptyScope(action: action.id), at: scopeSpan)
                continue
            case true?, nil:
                break
            }
            func check(_ condition: Predicate?, rule: ScopedRule, at span: Span) {
                guard let condition, Checker.canMeet(scope, condition, type: type, in: charter) == false else { return }
                report(.conditionOutsideScope(action: action.id, rule: rule), at: span, notes: [Note(.scopeDeclaredHere, at: scopeSpan)])
            }
            for task in charter.tasks {
                for clause in task.actions where clause.action == index {
                    check(clause.condition, rule: .task(task.id), at: clause.span)
                }
            }
            for permission in charter.permissions where permission.action == index {
                check(permission.condition, rule: .permission(keyword: permission.kind.rawValue, action: action.id), at: permission.span)
            }
            for requirement in charter.requirements where requirement.action == index {
                check(requirement.condition, rule: .requirement(action: action.id), at: requirement.span)
            }
        }
    }

    /// Whether some object of the type can meet both conditions (nil: always); nil when the
    /// space is too large to tell. Exact over enumerations, booleans and ordered attributes
    /// compared with constants; an unknown truth counts as possibly met.
    static func canMeet(_ a: Predicate, _ b: Predicate?, type: Int, in charter: Charter) -> Bool? {
        guard let space = Coverage.Space(type: type, predicates: [a, b], objectType: charter.objectTypes[type]) else { return nil }
        var scratch = space.blankObject()
        for combination in 0..<space.count {
            space.fill(&scratch, with: combination)
            if a.evaluate(scratch) != .no, (b?.evaluate(scratch) ?? .yes) != .no { return true }
        }
        return false
    }
}
