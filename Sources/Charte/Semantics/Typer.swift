/// Types conditions and object literals against an object type.
///
/// Shared by the checker (conditions, tests) and the query engine (object literals typed
/// by a person at the REPL), so both give the same diagnostics.
public struct Typer {
    let charter: Charter
    /// The diagnostics found.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Work left for "vouliez-vous dire" suggestions (the checker lends its own).
    var suggestionBudget = SuggestionBudget()

    /// Creates a typer over a (possibly partial) charter.
    public init(charter: Charter) { self.charter = charter }

    mutating func report(_ message: Message, at span: Span, notes: [Note] = [], candidates: [Candidate] = []) {
        diagnostics.append(Diagnostic(message, at: span, notes: notes, candidates: candidates))
    }

    // MARK: - Conditions

    /// The typed predicate of a condition on an action's objects, nil if it has errors.
    public mutating func typeCondition(_ condition: Condition, action: Int) -> Predicate? {
        let actionDecl = charter.actions[action]
        guard let typeIndex = actionDecl.objectType else {
            if charter.symbols[actionDecl.id] != nil, !isInvalid(condition) {
                report(.actionWithoutObject(actionDecl.id), at: condition.span)
            }
            return nil
        }
        let before = diagnostics.count
        let predicate = type(condition, in: charter.objectTypes[typeIndex])
        return diagnostics.count == before ? predicate : nil
    }

    func isInvalid(_ condition: Condition) -> Bool {
        if case .invalid = condition.kind { return true }
        return false
    }

    mutating func type(_ condition: Condition, in object: ObjectType) -> Predicate? {
        switch condition.kind {
        case .invalid:
            return nil
        case .or(let a, let b):
            let left = type(a, in: object), right = type(b, in: object)
            guard let left, let right else { return nil }
            return .or(left, right)
        case .and(let a, let b):
            let left = type(a, in: object), right = type(b, in: object)
            guard let left, let right else { return nil }
            return .and(left, right)
        case .not(let a):
            return type(a, in: object).map { .not($0) }
        case .value(let value):
            switch value.value {
            case .boolean(let b):
                return .constant(b)
            case .name(let name):
                guard let index = object.attribute(named: name.text) else {
                    reportUnknownAttribute(name, in: object)
                    return nil
                }
                guard object.attributes[index].type == .boolean else {
                    report(.notACondition(.name(name.text)), at: name.span,
                           notes: [Note(.attributeDeclaredHere(name.text), at: object.attributes[index].span)])
                    return nil
                }
                return .isTrue(index)
            default:
                report(.notACondition(Typer.written(value.value)), at: value.span)
                return nil
            }
        case .membership(let subject, let values):
            guard let index = attributeIndex(subject, in: object) else {
                reportNotAttribute(subject, in: object)
                return nil
            }
            let attribute = object.attributes[index]
            var constants: [Value] = []
            var failed = false
            for value in values {
                // v1: `dans [1,5]` lists two integers, not the decimal 1,5 (a `nombre` is whole).
                if attribute.type == .number, case .number(let literal) = value.value, literal.couldBeTwoIntegers,
                   let first = literal.integral, let second = Int64(literal.fraction) {
                    constants += [.number(first), .number(second)]
                    continue
                }
                if let constant = constant(value, for: attribute, in: object) { constants.append(constant) } else { failed = true }
            }
            return failed ? nil : .member(index, constants)
        case .comparison(let op, let lhs, let rhs):
            return typeComparison(op, lhs, rhs, in: object)
        }
    }

    mutating func typeComparison(_ op: ComparisonOperator, _ lhs: LocatedValue, _ rhs: LocatedValue, in object: ObjectType) -> Predicate? {
        let ordering = op != .equal && op != .notEqual
        // An enumeration value that happens to spell an attribute name is a value here.
        var left = attributeIndex(lhs, in: object)
        var right = attributeIndex(rhs, in: object)
        if let l = left, let r = right {
            if isValue(rhs, of: l, in: object) { right = nil } else if isValue(lhs, of: r, in: object) { left = nil }
        }
        switch (left, right) {
        case (let a?, let b?):
            let typeA = object.attributes[a].type, typeB = object.attributes[b].type
            guard typeA == typeB else {
                report(.typeMismatch(expected: .value(typeA), found: .attribute(name: object.attributes[b].name, type: typeB)), at: rhs.span)
                return nil
            }
            if ordering, !Typer.isOrdered(typeA) {
                report(.orderingNeedsNumberOrDate(typeA), at: lhs.span.to(rhs.span))
                return nil
            }
            return .compare(.attribute(a), op, .attribute(b))
        case (let a?, nil):
            let attribute = object.attributes[a]
            if ordering, !Typer.isOrdered(attribute.type) {
                report(.orderingNeedsNumberOrDate(attribute.type), at: lhs.span.to(rhs.span))
                return nil
            }
            return constant(rhs, for: attribute, in: object).map { .compare(.attribute(a), op, .constant($0)) }
        case (nil, let b?):
            let attribute = object.attributes[b]
            if ordering, !Typer.isOrdered(attribute.type) {
                report(.orderingNeedsNumberOrDate(attribute.type), at: lhs.span.to(rhs.span))
                return nil
            }
            return constant(lhs, for: attribute, in: object).map { .compare(.constant($0), op, .attribute(b)) }
        case (nil, nil):
            reportNotAttribute(lhs, in: object)
            return nil
        }
    }

    /// Whether a name is one of an enumeration attribute's values.
    func isValue(_ value: LocatedValue, of attribute: Int, in object: ObjectType) -> Bool {
        guard case .enumeration(let values) = object.attributes[attribute].type, case .name(let name) = value.value else { return false }
        return values.contains(name.text)
    }

    static func isOrdered(_ type: ValueType) -> Bool { type == .number || type == .date || type == .euros }

    func attributeIndex(_ value: LocatedValue, in object: ObjectType) -> Int? {
        guard case .name(let name) = value.value else { return nil }
        return object.attribute(named: name.text)
    }

    mutating func reportNotAttribute(_ value: LocatedValue, in object: ObjectType) {
        if case .name(let name) = value.value {
            reportUnknownAttribute(name, in: object)
        } else {
            report(.typeMismatch(expected: .attribute(of: object.id), found: .literal(Typer.written(value.value))), at: value.span)
        }
    }

    mutating func reportUnknownAttribute(_ name: Name, in object: ObjectType) {
        let close = suggestionBudget.charge(object.attributes.count)
            ? Suggestions.closest(to: name.text, among: object.attributes.map { Candidate(name: $0.name, span: $0.span) }) : []
        report(.unknownAttribute(name: name.text, type: object.id), at: name.span, candidates: close)
    }

    /// A constant typed for an attribute, reporting E106 (unknown value) or E200 (wrong type).
    mutating func constant(_ value: LocatedValue, for attribute: Attribute, in object: ObjectType) -> Value? {
        switch (attribute.type, value.value) {
        case (.enumeration(let values), .name(let name)):
            if let index = values.firstIndex(of: name.text) { return .enumeration(index) }
            if suggestionBudget.charge(object.attributes.count), let other = object.attributes.first(where: {
                if case .enumeration(let otherValues) = $0.type { return otherValues.contains(name.text) }
                return false
            }) {
                report(.typeMismatch(expected: .value(attribute.type), found: .valueOf(value: name.text, attribute: other.name)),
                       at: value.span)
                return nil
            }
            let close = suggestionBudget.charge(values.count)
                ? Suggestions.closest(to: name.text, among: values.map { Candidate(name: $0, span: nil) }) : []
            report(.unknownValue(name: name.text, attribute: attribute.name), at: value.span,
                   notes: [Note(.expectedValues(values))], candidates: close)
            return nil
        case (.boolean, .boolean(let b)): return .boolean(b)
        case (.text, .string(let s)): return .text(s.value)
        case (.number, .integer(let n)): return n.map(Value.number)
        case (.number, .number(let literal)) where literal.isWholeNumber: return literal.integral.map(Value.number)
        case (_, .number(let literal)) where literal.integral == nil: return nil  // already reported
        case (.euros, .integer(let n)):
            guard let n else { return nil }
            let (cents, overflow) = n.multipliedReportingOverflow(by: 100)
            if overflow { report(.numberOverflow(String(n)), at: value.span) }
            return overflow ? nil : .amount(cents)
        case (.euros, .number(let literal)):
            if let cents = literal.cents { return .amount(cents) }
            report(literal.fraction.utf8.count > 2 ? .tooManyDecimals(literal.written) : .numberOverflow(literal.written), at: value.span)
            return nil
        case (.date, .date(let d)): return d.map(Value.date)
        case (.date, .name(let name)):
            if let calendar = charter.calendar, let entry = calendar.index[name.text] {
                return .date(calendar.entries[entry].start)
            }
            report(.unknownCalendarName(name.text), at: value.span)
            return nil
        default:
            report(.typeMismatch(expected: .value(attribute.type), found: .literal(Typer.written(value.value))), at: value.span)
            return nil
        }
    }

    /// A literal as messages name it.
    static func written(_ value: LiteralValue) -> WrittenValue {
        switch value {
        case .name(let name): .name(name.text)
        case .string(let s): .text(s.value)
        case .integer(let n): .integer(n)
        case .date(let d): .date(d)
        case .boolean(let b): .boolean(b)
        case .number(let literal) where literal.isAmount: .amount(literal.written)
        case .number(let literal) where literal.isWholeNumber: .wholeNumber(literal.written)
        case .number(let literal): .decimal(literal.written)
        }
    }

    // MARK: - Object literals

    /// The object an object literal stands for, typed against an action's object type.
    ///
    /// A missing literal means every attribute unknown.
    public mutating func resolveObject(_ literal: ObjectLiteral?, action: Int) -> ObjectValue? {
        let expected = charter.actions[action].objectType
        guard let literal else {
            return ObjectValue.unknown(type: expected, attributeCount: expected.map { charter.objectTypes[$0].attributes.count } ?? 0)
        }
        guard let typeIndex = charter.objectType(named: literal.type.text) else {
            let close = suggestionBudget.charge(charter.objectTypes.count)
                ? Suggestions.closest(to: literal.type.text, among: charter.objectTypes.map { Candidate(name: $0.id, span: $0.span) }) : []
            report(.unknownObjectType(literal.type.text), at: literal.type.span, candidates: close)
            return nil
        }
        guard typeIndex == expected else {
            let wanted: TypeExpectation = expected.map { .object(of: charter.objectTypes[$0].id) } ?? .noObject(action: charter.actions[action].id)
            report(.typeMismatch(expected: wanted, found: .objectType(literal.type.text, quoted: true)), at: literal.type.span)
            return nil
        }
        let object = charter.objectTypes[typeIndex]
        var value = ObjectValue.unknown(type: typeIndex, attributeCount: object.attributes.count)
        var seen: [String: Span] = [:]
        var failed = false
        for field in literal.fields {
            if let first = seen[field.name.text] {
                report(.duplicate(name: field.name.text, kind: .attribute(of: nil)), at: field.name.span, notes: [Note(.firstDeclaredHere, at: first)])
                failed = true
                continue
            }
            seen[field.name.text] = field.name.span
            guard let index = object.attribute(named: field.name.text) else {
                reportUnknownAttribute(field.name, in: object)
                failed = true
                continue
            }
            if let constant = constant(field.value, for: object.attributes[index], in: object) {
                value.values[index] = constant
            } else {
                failed = true
            }
        }
        return failed ? nil : value
    }
}

extension Typer {
    /// Starts afresh for one more condition: no diagnostics, the lender's budget.
    mutating func restart(budget: SuggestionBudget) {
        diagnostics.removeAll(keepingCapacity: true)
        suggestionBudget = budget
    }
}

extension Checker {
    /// The parts of the model a typer reads (actions with their object types, object types,
    /// the calendar and the names), fixed once `resolveDeclarationTypes` has run: one typer
    /// serves every condition, where a typer per condition copied the whole model each time.
    func typingView() -> Charter {
        var view = Charter(file: charter.file)
        view.actions = charter.actions
        view.objectTypes = charter.objectTypes
        view.calendar = charter.calendar
        view.symbols = charter.symbols
        return view
    }

    mutating func typeCondition(_ condition: Condition, action: Int) -> Predicate? {
        if conditionTyper == nil { conditionTyper = Typer(charter: typingView()) }
        // Through optional chaining the typer is used in place: never copied out and back.
        conditionTyper?.restart(budget: suggestionBudget)
        let predicate = conditionTyper?.typeCondition(condition, action: action) ?? nil
        if let budget = conditionTyper?.suggestionBudget { suggestionBudget = budget }
        if let found = conditionTyper?.diagnostics, !found.isEmpty {
            for diagnostic in found { cap.append(diagnostic, to: &diagnostics) }
        }
        return predicate
    }

    mutating func resolveObject(_ literal: ObjectLiteral?, action: Int) -> ObjectValue? {
        var typer = Typer(charter: charter)
        typer.suggestionBudget = suggestionBudget
        let value = typer.resolveObject(literal, action: action)
        suggestionBudget = typer.suggestionBudget
        for diagnostic in typer.diagnostics { cap.append(diagnostic, to: &diagnostics) }
        return value
    }
}
