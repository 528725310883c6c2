/// Writes a typed condition as a French phrase for people: `categorie == manuel et non
/// abonnement` becomes « la catégorie est manuel et sans abonnement ».
///
/// Negations are carried down to the comparisons (`non (a ou b)` is « ni … ni … » read as
/// `non a et non b`), so the phrase never says « non » in front of a group. `ou` inside `et`
/// and `et` inside `ou` are put in parentheses, as a writer would to keep the sense.
public struct ConditionWords: Sendable {
    /// The object type the condition is typed against.
    public let objectType: ObjectType

    /// Creates a writer for conditions on an object type.
    public init(objectType: ObjectType) { self.objectType = objectType }

    /// The phrase, without « si » (`la catégorie est manuel`).
    public func text(_ predicate: Predicate) -> String {
        write(predicate, negated: false, context: nil)
    }

    /// A query object's known fields in words: `la catégorie est manuel et la licence est flottante`.
    public func text(fields: [ObjectDescription.Field]) -> String {
        let parts = fields.map { field -> String in
            let index = objectType.attribute(named: field.attribute)
            let type = index.map { objectType.attributes[$0].type } ?? .text
            let readable = PlainWords.readable(field.attribute)
            let noun = type == .number ? PlainWords.counted(readable) : readable
            if type == .boolean { return (field.value == "vrai" ? "avec " : "sans ") + noun }
            return PlainWords.withArticle(noun) + " est " + PlainWords.written(field.value)
        }
        return Self.joined(parts, with: "et")
    }

    /// `a, b et c`.
    static func joined(_ parts: [String], with word: String) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " \(word) " + last
    }

    // MARK: - Writing

    /// How tightly a connective binds, from the one table (`Precedence`), once a negation
    /// is pushed down (`non (a ou b)` reads as `non a et non b`): the rest are comparisons.
    private func precedence(_ predicate: Predicate, negated: Bool) -> Precedence {
        switch predicate {
        case .or: negated ? .and : .or
        case .and: negated ? .or : .and
        case .not(let inner): precedence(inner, negated: !negated)
        default: .comparison
        }
    }

    /// The phrase of `predicate` inside a connective of level `context` (nil at the top).
    private func write(_ predicate: Predicate, negated: Bool, context: Precedence?) -> String {
        let text: String
        switch predicate {
        case .constant(let value):
            text = (value != negated) ? "toujours" : "jamais"
        case .not(let inner):
            return write(inner, negated: !negated, context: context)
        case .or(let a, let b), .and(let a, let b):
            var isOr = false
            if case .or = predicate { isOr = true }
            if negated { isOr.toggle() }
            let level: Precedence = isOr ? .or : .and
            if let (attribute, values) = sameAttribute(predicate, negated: negated, isOr: isOr) {
                let words = values.map { PlainWords.value($0, type: attributeType(attribute)) }
                let subject = PlainWords.withArticle(noun(attribute))
                text = isOr ? subject + " est " + Self.joined(words, with: "ou")
                            : subject + " n'est " + words.map { "ni " + $0 }.joined(separator: " ")
                break
            }
            text = write(a, negated: negated, context: level) + (isOr ? " ou " : " et ") + write(b, negated: negated, context: level)
        case .isTrue(let attribute):
            text = (negated ? "sans " : "avec ") + noun(attribute)
        case .member(let attribute, let values):
            let type = attributeType(attribute)
            let words = values.map { PlainWords.value($0, type: type) }
            let subject = PlainWords.withArticle(noun(attribute))
            if negated {
                text = subject + (words.count == 1 ? " n'est pas " + words.joined() : " n'est " + words.map { "ni " + $0 }.joined(separator: " "))
            } else {
                text = subject + " est " + Self.joined(words, with: "ou")
            }
        case .compare(let lhs, let op, let rhs):
            text = comparison(lhs, negated ? op.negated : op, rhs)
        }
        // A group of the other connective is set apart, whichever binds tighter: « a ou (b et c) ».
        let own = precedence(predicate, negated: negated)
        return own < .not && context != nil && own != context ? "(" + text + ")" : text
    }

    /// The attribute and values of `a == x ou a == y` (`isOr`) or `a != x et a != y`, so they
    /// read « a est x ou y », « a n'est ni x ni y »; nil for any other shape.
    private func sameAttribute(_ predicate: Predicate, negated: Bool, isOr: Bool) -> (Int, [Value])? {
        var attribute: Int?
        var values: [Value] = []
        func visit(_ node: Predicate, _ negated: Bool) -> Bool {
            switch node {
            case .not(let inner): return visit(inner, !negated)
            case .or(let a, let b) where isOr != negated, .and(let a, let b) where isOr == negated:
                return visit(a, negated) && visit(b, negated)
            case .compare(.attribute(let index), let op, .constant(let value)):
                let effective = negated ? op.negated : op
                guard effective == (isOr ? .equal : .notEqual), attribute == nil || attribute == index else { return false }
                if case .number = value { return false }
                if case .date = value { return false }
                attribute = index
                values.append(value)
                return true
            case .member(let index, let members) where isOr != negated:
                guard attribute == nil || attribute == index else { return false }
                attribute = index
                values += members
                return true
            default: return false
            }
        }
        guard visit(predicate, negated), let attribute, values.count > 1 else { return nil }
        return (attribute, values)
    }

    /// `le montant dépasse 4 000`, `la date est avant le 4 décembre 2026`.
    private func comparison(_ lhs: Operand, _ op: ComparisonOperator, _ rhs: Operand) -> String {
        let type = [lhs, rhs].lazy.compactMap { operand -> ValueType? in
            if case .attribute(let index) = operand { return attributeType(index) }
            return nil
        }.first ?? .text
        // A constant on the left reads better on the right: `4000 < montant` is `montant > 4000`.
        if case .constant = lhs, case .attribute = rhs { return comparison(rhs, op.mirrored, lhs) }
        let subject = operandWords(lhs, type: type, article: true)
        let object = operandWords(rhs, type: type, article: true)
        // An amount reads like a number: `le montant dépasse 4 000 €`.
        let numeric = type == .number || type == .euros
        switch (numeric ? ValueType.number : type, op) {
        case (.number, .greater): return subject + " dépasse " + object
        case (.number, .greaterEqual): return subject + " est d'au moins " + operandWords(rhs, type: type, article: false)
        case (.number, .less): return subject + " est inférieur " + Self.to(object)
        case (.number, .lessEqual): return subject + " est d'au plus " + operandWords(rhs, type: type, article: false)
        case (.date, .greater): return subject + " est après " + dateObject(rhs, type: type)
        case (.date, .greaterEqual): return subject + " est au plus tôt " + dateObject(rhs, type: type)
        case (.date, .less): return subject + " est avant " + dateObject(rhs, type: type)
        case (.date, .lessEqual): return subject + " est au plus tard " + dateObject(rhs, type: type)
        case (.date, .equal): return subject + " est " + dateObject(rhs, type: type)
        case (.date, .notEqual): return subject + " n'est pas " + dateObject(rhs, type: type)
        case (_, .equal): return subject + " est " + object
        case (_, .notEqual): return subject + " n'est pas " + object
        case (_, .greater): return subject + " est après " + object
        case (_, .greaterEqual): return subject + " est au moins " + object
        case (_, .less): return subject + " est avant " + object
        case (_, .lessEqual): return subject + " est au plus " + object
        }
    }

    /// `à 4 000`, `au plafond`, `à l'enveloppe`.
    static func to(_ object: String) -> String {
        if object.hasPrefix("le ") { return "au " + object.dropFirst(3) }
        if object.hasPrefix("les ") { return "aux " + object.dropFirst(4) }
        return "à " + object
    }

    /// `le 4 décembre 2026`, or the other attribute.
    private func dateObject(_ operand: Operand, type: ValueType) -> String {
        if case .constant = operand { return "le " + operandWords(operand, type: type, article: false) }
        return operandWords(operand, type: type, article: true)
    }

    private func operandWords(_ operand: Operand, type: ValueType, article: Bool) -> String {
        switch operand {
        case .attribute(let index): article ? PlainWords.withArticle(noun(index)) : noun(index)
        case .constant(let value): PlainWords.value(value, type: type)
        }
    }

    private func noun(_ attribute: Int) -> String {
        guard objectType.attributes.indices.contains(attribute) else { return "?" }
        let noun = PlainWords.readable(objectType.attributes[attribute].name)
        return objectType.attributes[attribute].type == .number ? PlainWords.counted(noun) : noun
    }

    private func attributeType(_ attribute: Int) -> ValueType {
        objectType.attributes.indices.contains(attribute) ? objectType.attributes[attribute].type : .text
    }
}

extension ComparisonOperator {
    /// The operator of the negated comparison: `non (a < b)` is `a >= b`.
    var negated: ComparisonOperator {
        switch self {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterEqual
        case .lessEqual: .greater
        case .greater: .lessEqual
        case .greaterEqual: .less
        }
    }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    var mirrored: ComparisonOperator {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        }
    }
}
