/// A typed value of an attribute or a constant.
public enum Value: Sendable, Hashable, Comparable {
    /// An enumeration value, by index in its attribute's list.
    case enumeration(Int)
    case boolean(Bool)
    case text(String)
    case number(Int64)
    case date(CalendarDate)
    /// An amount in euros, in cents.
    case amount(Int64)

    public static func < (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a < b
        case (.amount(let a), .amount(let b)): a < b
        case (.date(let a), .date(let b)): a < b
        case (.text(let a), .text(let b)): a < b
        case (.enumeration(let a), .enumeration(let b)): a < b
        case (.boolean(let a), .boolean(let b)): !a && b
        default: false
        }
    }

    /// The value as a charter writes it.
    public func written(as type: ValueType) -> String {
        switch self {
        case .enumeration(let index):
            if case .enumeration(let values) = type, values.indices.contains(index) { return values[index] }
            return "?"
        case .boolean(let b): return b ? "vrai" : "faux"
        case .text(let s):
            // Most texts need no escaping: copied as they are, without two searches and replaces.
            guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }) else { return "\"" + s + "\"" }
            return "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .number(let n): return String(n)
        case .date(let d): return d.description
        case .amount(let cents): return FrenchNumber.euros(cents)
        }
    }
}

/// An object for evaluation: one optional value per attribute (nil = unknown).
public struct ObjectValue: Sendable, Hashable {
    /// The object type, or nil for an action without object.
    public var type: Int?
    /// Values by attribute index.
    public var values: [Value?]

    /// Creates an object value.
    public init(type: Int?, values: [Value?]) {
        self.type = type
        self.values = values
    }

    /// An object with every attribute unknown.
    public static func unknown(type: Int?, attributeCount: Int) -> ObjectValue {
        ObjectValue(type: type, values: Array(repeating: nil, count: attributeCount))
    }
}

/// Kleene's three-valued logic.
public enum Truth: Sendable, Hashable {
    case yes, no, unknown

    /// Kleene conjunction.
    public static func && (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .no || rhs == .no { return .no }
        if lhs == .yes && rhs == .yes { return .yes }
        return .unknown
    }

    /// Kleene disjunction.
    public static func || (lhs: Truth, rhs: Truth) -> Truth {
        if lhs == .yes || rhs == .yes { return .yes }
        if lhs == .no && rhs == .no { return .no }
        return .unknown
    }

    /// Kleene negation.
    public static prefix func ! (value: Truth) -> Truth {
        switch value {
        case .yes: .no
        case .no: .yes
        case .unknown: .unknown
        }
    }

    init(_ bool: Bool) { self = bool ? .yes : .no }
}

/// One side of a typed comparison.
public enum Operand: Sendable, Hashable {
    case attribute(Int)
    case constant(Value)
}

/// A typed condition over an object's attributes.
public indirect enum Predicate: Sendable, Hashable {
    case constant(Bool)
    case or(Predicate, Predicate)
    case and(Predicate, Predicate)
    case not(Predicate)
    case compare(Operand, ComparisonOperator, Operand)
    case member(Int, [Value])
    /// A boolean attribute used alone.
    case isTrue(Int)

    /// The three-valued truth of the predicate on an object.
    public func evaluate(_ object: ObjectValue) -> Truth {
        switch self {
        case .constant(let b): return Truth(b)
        case .or(let a, let b):
            let left = a.evaluate(object)
            return left == .yes ? .yes : left || b.evaluate(object)
        case .and(let a, let b):
            let left = a.evaluate(object)
            return left == .no ? .no : left && b.evaluate(object)
        case .not(let a): return !a.evaluate(object)
        case .isTrue(let attribute):
            guard case .boolean(let b)? = object.value(attribute) else { return .unknown }
            return Truth(b)
        case .member(let attribute, let values):
            guard let value = object.value(attribute) else { return .unknown }
            return Truth(values.contains(value))
        case .compare(let lhs, let op, let rhs):
            guard let left = object.resolve(lhs), let right = object.resolve(rhs) else { return .unknown }
            switch op {
            case .equal: return Truth(left == right)
            case .notEqual: return Truth(left != right)
            case .less: return Truth(left < right)
            case .lessEqual: return Truth(left < right || left == right)
            case .greater: return Truth(right < left)
            case .greaterEqual: return Truth(right < left || left == right)
            }
        }
    }

    /// The truth on an object, with the missing attributes that could still change it (sorted).
    ///
    /// A false conjunct or a true disjunct makes its siblings' attributes irrelevant.
    public func evaluateExplaining(_ object: ObjectValue) -> (truth: Truth, missing: Set<Int>) {
        switch self {
        case .constant(let b): return (Truth(b), [])
        case .or(let a, let b):
            let left = a.evaluateExplaining(object), right = b.evaluateExplaining(object)
            if left.truth == .yes || right.truth == .yes { return (.yes, []) }
            if left.truth == .no && right.truth == .no { return (.no, []) }
            return (.unknown, left.missing.union(right.missing))
        case .and(let a, let b):
            let left = a.evaluateExplaining(object), right = b.evaluateExplaining(object)
            if left.truth == .no || right.truth == .no { return (.no, []) }
            if left.truth == .yes && right.truth == .yes { return (.yes, []) }
            return (.unknown, left.missing.union(right.missing))
        case .not(let a):
            let inner = a.evaluateExplaining(object)
            return (!inner.truth, inner.missing)
        default:
            let truth = evaluate(object)
            return (truth, truth == .unknown ? Set(attributes.filter { object.value($0) == nil }) : [])
        }
    }

    /// Adds every attribute index the predicate reads to a set (no intermediate arrays).
    func collectAttributes(into set: inout Set<Int>) {
        switch self {
        case .constant: break
        case .or(let a, let b), .and(let a, let b):
            a.collectAttributes(into: &set)
            b.collectAttributes(into: &set)
        case .not(let a): a.collectAttributes(into: &set)
        case .isTrue(let attribute), .member(let attribute, _): set.insert(attribute)
        case .compare(let lhs, _, let rhs):
            if case .attribute(let index) = lhs { set.insert(index) }
            if case .attribute(let index) = rhs { set.insert(index) }
        }
    }

    /// Every attribute index the predicate reads.
    public var attributes: [Int] {
        switch self {
        case .constant: []
        case .or(let a, let b), .and(let a, let b): a.attributes + b.attributes
        case .not(let a): a.attributes
        case .isTrue(let attribute), .member(let attribute, _): [attribute]
        case .compare(let lhs, _, let rhs):
            [lhs, rhs].compactMap { if case .attribute(let i) = $0 { i } else { nil } }
        }
    }
}

extension ObjectValue {
    /// The value of an attribute, nil when unknown or out of range.
    @inline(__always)
    func value(_ attribute: Int) -> Value? {
        attribute < values.count ? values[attribute] : nil
    }

    func resolve(_ operand: Operand) -> Value? {
        switch operand {
        case .attribute(let index): value(index)
        case .constant(let value): value
        }
    }
}
