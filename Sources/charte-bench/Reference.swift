import Charte

/// One `peut ACTEUR ACTION OBJET` question, resolved against a charter before timing starts.
struct Request {
    /// The actor, or every role of a person.
    let actors: [Int]
    let action: Int
    let object: ObjectValue
}

/// A deliberately naive evaluator written from spec section 12, independent of `Authorizer`:
/// for each request it walks every task and every rule of the charter, evaluating each
/// condition in Kleene logic with its own evaluator. Slow by design; it checks the fast path.
enum ReferenceEvaluator {
    /// Three truth values as 0 (faux), 1 (inconnu), 2 (vrai): `ou` is max, `et` is min, `non` is 2 − x.
    typealias Kleene = Int

    static func outcome(_ request: Request, in charter: Charter) -> Outcome {
        let (forbidden, permitted) = truths(request.actors, request, in: charter)
        return verdict(min(scope(request, in: charter), 2 - forbidden, permitted))
    }

    /// The outcome on a day, from reference 13.12 (`S et non F et (P' ou G)`): F the actors'
    /// forbids, never lifted; P' each actor's permits, less what a délégation de pouvoir in its
    /// window moved to a deputy who is not asking too; G, for each suppléance in its window
    /// whose deputy is asking, the delegated scope and the absent actor's own undated outcome.
    static func outcome(_ request: Request, in charter: Charter, on date: CalendarDate) -> Outcome {
        let active = charter.deputies.filter { $0.from <= date && date <= $0.to }
        guard !active.isEmpty, !request.actors.isEmpty else { return outcome(request, in: charter) }
        let forbidden = truths(request.actors, request, in: charter).forbidden
        var permitted: Kleene = 0
        for actor in Set(request.actors) {
            var own = truths([actor], request, in: charter).permitted
            for deputy in active where deputy.deputised == actor && deputy.nature == .power && !request.actors.contains(deputy.deputy) {
                own = min(own, 2 - covers(deputy, request, in: charter))
            }
            permitted = max(permitted, own)
        }
        for deputy in active where request.actors.contains(deputy.deputy) {
            let held: Kleene = switch outcome(Request(actors: [deputy.deputised], action: request.action, object: request.object), in: charter) {
            case .allowed: 2
            case .undetermined: 1
            case .refused: 0
            }
            permitted = max(permitted, min(covers(deputy, request, in: charter), held))
        }
        return verdict(min(scope(request, in: charter), 2 - forbidden, permitted))
    }

    /// Whether a suppléance delegates the request's action on its object: the action clauses
    /// of its tasks that the absent actor holds (responsable or aide), and its own `action` clauses.
    static func covers(_ deputy: Deputy, _ request: Request, in charter: Charter) -> Kleene {
        var truth: Kleene = 0
        for index in deputy.tasks {
            let task = charter.tasks[index]
            guard task.responsables.contains(deputy.deputised) || task.aides.contains(deputy.deputised) else { continue }
            for performed in task.actions where performed.action == request.action {
                truth = max(truth, performed.condition.map { evaluate($0, request.object) } ?? 2)
            }
        }
        for performed in deputy.actions where performed.action == request.action {
            truth = max(truth, performed.condition.map { evaluate($0, request.object) } ?? 2)
        }
        return truth
    }

    /// The action's scope on the object (vrai without one).
    static func scope(_ request: Request, in charter: Charter) -> Kleene {
        charter.actions[request.action].scope.map { evaluate($0, request.object) } ?? 2
    }

    /// F and P for some actors: every forbid and permit naming one of them, every task they hold.
    static func truths(_ actors: [Int], _ request: Request, in charter: Charter) -> (forbidden: Kleene, permitted: Kleene) {
        var forbidden: Kleene = 0, permitted: Kleene = 0
        let named = { (listed: [Int]) in listed.contains { actors.contains($0) } }
        for permission in charter.permissions where permission.action == request.action {
            // `tous sauf X` matches when one of the actors is not an exception.
            let matches = permission.everyone
                ? actors.isEmpty || actors.contains { !permission.exceptions.contains($0) }
                : named(permission.actors)
            guard matches else { continue }
            let truth = permission.condition.map { evaluate($0, request.object) } ?? 2
            if permission.kind == .forbid { forbidden = max(forbidden, truth) } else { permitted = max(permitted, truth) }
        }
        for task in charter.tasks where named(task.responsables) || named(task.aides) {
            for performed in task.actions where performed.action == request.action {
                permitted = max(permitted, performed.condition.map { evaluate($0, request.object) } ?? 2)
            }
        }
        return (forbidden, permitted)
    }

    static func verdict(_ truth: Kleene) -> Outcome {
        switch truth {
        case 2: .allowed
        case 0: .refused
        default: .undetermined
        }
    }

    static func evaluate(_ predicate: Predicate, _ object: ObjectValue) -> Kleene {
        switch predicate {
        case .constant(let value): return value ? 2 : 0
        case .or(let a, let b): return max(evaluate(a, object), evaluate(b, object))
        case .and(let a, let b): return min(evaluate(a, object), evaluate(b, object))
        case .not(let a): return 2 - evaluate(a, object)
        case .isTrue(let attribute):
            guard case .boolean(let value)? = value(object, attribute) else { return 1 }
            return value ? 2 : 0
        case .member(let attribute, let values):
            guard let value = value(object, attribute) else { return 1 }
            return values.contains(value) ? 2 : 0
        case .compare(let lhs, let op, let rhs):
            guard let left = operand(lhs, object), let right = operand(rhs, object) else { return 1 }
            let holds: Bool = switch op {
            case .equal: left == right
            case .notEqual: left != right
            case .less: left < right
            case .lessEqual: left < right || left == right
            case .greater: right < left
            case .greaterEqual: right < left || left == right
            }
            return holds ? 2 : 0
        }
    }

    static func value(_ object: ObjectValue, _ attribute: Int) -> Value? {
        attribute < object.values.count ? object.values[attribute] : nil
    }

    static func operand(_ operand: Operand, _ object: ObjectValue) -> Value? {
        switch operand {
        case .attribute(let index): value(object, index)
        case .constant(let constant): constant
        }
    }
}
