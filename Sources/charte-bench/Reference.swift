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
        var forbidden: Kleene = 0, permitted: Kleene = 0
        let named = { (actors: [Int]) in actors.contains { request.actors.contains($0) } }
        for permission in charter.permissions where permission.action == request.action {
            // `tous sauf X` matches when one of the request's actors is not an exception.
            let matches = permission.everyone
                ? request.actors.isEmpty || request.actors.contains { !permission.exceptions.contains($0) }
                : named(permission.actors)
            guard matches else { continue }
            let truth = permission.condition.map { evaluate($0, request.object) } ?? 2
            if permission.kind == .interdit { forbidden = max(forbidden, truth) } else { permitted = max(permitted, truth) }
        }
        for task in charter.tasks where named(task.responsables) || named(task.aides) {
            for performed in task.actions where performed.action == request.action {
                permitted = max(permitted, performed.condition.map { evaluate($0, request.object) } ?? 2)
            }
        }
        switch min(2 - forbidden, permitted) {
        case 2: return .allowed
        case 0: return .refused
        default: return .undetermined
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
