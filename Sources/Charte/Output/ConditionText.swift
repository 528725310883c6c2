/// Writes a typed condition back in Charte's syntax (`categorie == manuel et non abonnement`),
/// for exports that show what a task or a permission covers.
///
/// Parentheses appear only where precedence needs them (`ou` looser than `et`, looser
/// than `non`), so the text reads as a charter writer would have written it.
public struct ConditionText: Sendable {
    /// The object type the condition is typed against.
    public let objectType: ObjectType

    /// Creates a writer for conditions on an object type.
    public init(objectType: ObjectType) { self.objectType = objectType }

    /// The condition's text.
    public func text(_ predicate: Predicate) -> String {
        write(predicate, context: .or)
    }

    /// How tightly each form binds, from the language's one table (`Precedence`).
    private func precedence(_ predicate: Predicate) -> Precedence {
        switch predicate {
        case .or: .or
        case .and: .and
        case .not: .not
        case .compare, .member: .comparison
        default: .primary
        }
    }

    /// The text of `predicate` where an operator of level `context` holds it: in parentheses
    /// when it binds more loosely.
    private func write(_ predicate: Predicate, context: Precedence) -> String {
        let text: String
        switch predicate {
        case .constant(let value): text = value ? "vrai" : "faux"
        case .or(let a, let b): text = write(a, context: .or) + " ou " + write(b, context: .or)
        case .and(let a, let b): text = write(a, context: .and) + " et " + write(b, context: .and)
        case .not(let a): text = "non " + write(a, context: .not)
        case .isTrue(let attribute): text = name(attribute)
        case .member(let attribute, let values):
            let type = attributeType(attribute)
            text = name(attribute) + " dans [" + values.map { $0.written(as: type) }.joined(separator: ", ") + "]"
        case .compare(let lhs, let op, let rhs):
            let type = [lhs, rhs].lazy.compactMap { operand -> ValueType? in
                if case .attribute(let index) = operand { return attributeType(index) }
                return nil
            }.first ?? .text
            text = operand(lhs, type: type) + " " + op.rawValue + " " + operand(rhs, type: type)
        }
        return precedence(predicate) < context ? "(" + text + ")" : text
    }

    private func operand(_ operand: Operand, type: ValueType) -> String {
        switch operand {
        case .attribute(let index): name(index)
        case .constant(let value): value.written(as: type)
        }
    }

    private func name(_ attribute: Int) -> String {
        objectType.attributes.indices.contains(attribute) ? objectType.attributes[attribute].name : "?"
    }

    private func attributeType(_ attribute: Int) -> ValueType {
        objectType.attributes.indices.contains(attribute) ? objectType.attributes[attribute].type : .text
    }
}
