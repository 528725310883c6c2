// One object space for the two versions of an object type, so that the permissions of two
// charters can be compared on the same objects.

/// The union of an object type as two charters declare it: attributes matched by name,
/// enumeration values matched by name (the new charter's order, then the old one's extras).
///
/// Each side's conditions are rewritten over this union (`translate`). A value a side does
/// not declare (`categorie: video` added by the new charter) makes an object that side
/// cannot express: there, the action is refused on it.
struct ObjectMapping: Sendable {
    /// The union type (its id and label from the new side when both have it).
    let type: ObjectType
    /// For each side (0 old, 1 new): its attribute index → the union's attribute index.
    let attributeMaps: [[Int]]
    /// For each side: per side attribute, its enumeration value index → the union's value index.
    let valueMaps: [[[Int]]]
    /// For each side and union attribute: which union values the side can express
    /// (nil: every value, or the side lacks the attribute so its value does not matter).
    let expressible: [[[Bool]?]]
    /// Whether the two sides' types are the same (then translation is the identity).
    let isIdentity: Bool

    /// The mapping of one type present on both sides, or on one side only (the other nil).
    init(old: ObjectType?, new: ObjectType?) {
        let sides = [old, new]
        if let old, let new, old.attributes.map(\.name) == new.attributes.map(\.name),
           old.attributes.map(\.type) == new.attributes.map(\.type) {
            type = new
            let identity = Array(new.attributes.indices)
            attributeMaps = [identity, identity]
            let values = new.attributes.map { attribute -> [Int] in
                if case .enumeration(let names) = attribute.type { return Array(names.indices) }
                return []
            }
            valueMaps = [values, values]
            let all = [[Bool]?](repeating: nil, count: new.attributes.count)
            expressible = [all, all]
            isIdentity = true
            return
        }
        // The union's attributes: the new side's, then the old side's that the new one lacks
        // (an attribute whose kind changed is kept twice, once per kind).
        var attributes: [Attribute] = []
        var maps: [[Int]] = [[], []]
        for side in [1, 0] {
            for attribute in sides[side]?.attributes ?? [] {
                if let index = attributes.firstIndex(where: { $0.name == attribute.name && ObjectMapping.sameKind($0.type, attribute.type) }) {
                    if case .enumeration(let known) = attributes[index].type, case .enumeration(let more) = attribute.type {
                        attributes[index].type = .enumeration(known + more.filter { !known.contains($0) })
                    }
                    maps[side].append(index)
                } else {
                    maps[side].append(attributes.count)
                    attributes.append(attribute)
                }
            }
        }
        var valueMaps: [[[Int]]] = [[], []]
        var expressible: [[[Bool]?]] = [[[Bool]?](repeating: nil, count: attributes.count),
                                         [[Bool]?](repeating: nil, count: attributes.count)]
        for side in 0..<2 {
            for (position, attribute) in (sides[side]?.attributes ?? []).enumerated() {
                let unionIndex = maps[side][position]
                guard case .enumeration(let names) = attribute.type, case .enumeration(let union) = attributes[unionIndex].type else {
                    valueMaps[side].append([])
                    continue
                }
                valueMaps[side].append(names.map { name in union.firstIndex(of: name) ?? 0 })
                if names.count != union.count { expressible[side][unionIndex] = union.map(names.contains) }
            }
        }
        let base = new ?? old
        type = ObjectType(id: base?.id ?? "", label: base?.label, attributes: attributes,
                          span: base?.span ?? Span(file: FileID(0), start: 0, end: 0))
        attributeMaps = maps
        self.valueMaps = valueMaps
        self.expressible = expressible
        isIdentity = false
    }

    static func sameKind(_ a: ValueType, _ b: ValueType) -> Bool {
        switch (a, b) {
        case (.enumeration, .enumeration), (.boolean, .boolean), (.text, .text), (.number, .number), (.date, .date), (.euros, .euros): true
        default: false
        }
    }

    /// A side's condition over the union's attributes and values.
    func translate(_ predicate: Predicate, side: Int) -> Predicate {
        if isIdentity { return predicate }
        func attribute(_ index: Int) -> Int {
            attributeMaps[side].indices.contains(index) ? attributeMaps[side][index] : index
        }
        func value(_ value: Value, of index: Int) -> Value {
            guard case .enumeration(let choice) = value, valueMaps[side].indices.contains(index),
                  valueMaps[side][index].indices.contains(choice) else { return value }
            return .enumeration(valueMaps[side][index][choice])
        }
        func operand(_ operand: Operand, other: Operand) -> Operand {
            switch operand {
            case .attribute(let index): return .attribute(attribute(index))
            case .constant(let constant):
                if case .attribute(let index) = other { return .constant(value(constant, of: index)) }
                return operand
            }
        }
        switch predicate {
        case .constant: return predicate
        case .or(let a, let b): return .or(translate(a, side: side), translate(b, side: side))
        case .and(let a, let b): return .and(translate(a, side: side), translate(b, side: side))
        case .not(let a): return .not(translate(a, side: side))
        case .isTrue(let index): return .isTrue(attribute(index))
        case .member(let index, let values): return .member(attribute(index), values.map { value($0, of: index) })
        case .compare(let lhs, let op, let rhs): return .compare(operand(lhs, other: rhs), op, operand(rhs, other: lhs))
        }
    }

    /// Whether a side can express a union object whose attribute `attribute` has the union value `value`.
    func canExpress(side: Int, attribute: Int, value: Value) -> Bool {
        guard let allowed = expressible[side][attribute] else { return true }
        if case .enumeration(let choice) = value, allowed.indices.contains(choice) { return allowed[choice] }
        return true
    }
}
