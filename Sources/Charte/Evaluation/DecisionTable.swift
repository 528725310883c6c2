/// The rules of a charter compiled for fast `peut` decisions.
///
/// Rules are grouped into cells, one per (action, actor): the forbids and permits that
/// apply to that actor for that action, found without scanning the others. For each
/// action, the enumeration and boolean attributes its conditions read span a small space
/// of objects (each attribute's values plus "unknown"); over that space every cell holds a
/// precomputed table of the truths of F (its forbids) and P (its permits), so a decision
/// is an index computed from the object and one byte load per actor. Rules whose
/// conditions read a text, number or date attribute stay as "extra" rules of their cells
/// and are evaluated at decision time. An object whose values do not fit the space (a
/// value of the wrong kind) is decided by evaluating the cell's rules one by one.
///
/// Truths are stored as 0 (faux), 1 (inconnu), 2 (vrai): Kleene `ou` is `max`, `et` is
/// `min`, `non` is `2 − x`, so F and P of several actors (a person with several roles)
/// combine with `max`, and the decision `non F et P` is `min(2 − F, P)` (spec section 12).
struct DecisionTable: Sendable {
    /// The largest space of objects compiled into tables for one action.
    static let maximumSpace = 4096

    /// One attribute of an action's object space.
    struct SpaceAttribute: Sendable {
        /// The attribute's index in its object type.
        let attribute: Int
        /// The number of its values (2 for a boolean); the next slot means unknown.
        let valueCount: Int
        let isBoolean: Bool
        /// The step in table index from one value to the next.
        let stride: Int
    }

    /// The compiled rules of one or more (action, actor) pairs.
    struct Cell: Sendable {
        /// Where its table of `F << 2 | P` bytes starts in `entries`.
        let tableStart: Int
        /// Its rules (indices into the action's `forbids` and `permits`), for explanations
        /// and for objects that do not fit the table: ranges in `ruleIndices`.
        let forbidStart: Int, forbidCount: Int
        let permitStart: Int, permitCount: Int
        /// Its rules not in the table: a range in `extras`.
        let extraStart: Int, extraCount: Int
    }

    /// A rule evaluated at decision time.
    struct Extra: Sendable {
        let condition: Predicate
        let isForbid: Bool
    }

    /// Actor slots per action: one per actor, then one for any other actor (only `tous` rules).
    let slotCount: Int
    /// Per action, its space's attributes: a range in `spaceAttributes`.
    let spaceRanges: [Range<Int>]
    let spaceAttributes: [SpaceAttribute]
    /// The distinct compiled cells.
    let cells: [Cell]
    /// The cell of each (action, actor slot), by `action * slotCount + slot`.
    let cellOfSlot: [Int32]
    let entries: [UInt8]
    let ruleIndices: [Int32]
    let extras: [Extra]

    // MARK: - Deciding

    /// The slot of an actor index: itself, or the "any other actor" slot.
    @inline(__always)
    func slot(of actor: Int) -> Int {
        actor >= 0 && actor < slotCount - 1 ? actor : slotCount - 1
    }

    /// The index of an object in an action's table, nil when a value does not fit (wrong kind, out of range).
    @inline(__always)
    func tableIndex(of object: ObjectValue, action: Int) -> Int? {
        var index = 0
        let values = object.values
        for position in spaceRanges[action] {
            let attribute = spaceAttributes[position]
            var slot = attribute.valueCount
            if attribute.attribute < values.count, let value = values[attribute.attribute] {
                switch value {
                case .enumeration(let choice) where !attribute.isBoolean && choice >= 0 && choice < attribute.valueCount:
                    slot = choice
                case .boolean(let truth) where attribute.isBoolean:
                    slot = truth ? 1 : 0
                default:
                    return nil
                }
            }
            index += slot * attribute.stride
        }
        return index
    }

    /// The truths (F, P) of one cell on an object, from its table and its extra rules.
    @inline(__always)
    func truths(_ cell: Cell, index: Int, object: ObjectValue) -> (forbidden: UInt8, permitted: UInt8) {
        let entry = entries[cell.tableStart + index]
        var forbidden = entry >> 2, permitted = entry & 3
        if cell.extraCount > 0 {
            for position in cell.extraStart..<cell.extraStart + cell.extraCount {
                let extra = extras[position]
                let truth = DecisionTable.code(extra.condition.evaluate(object))
                if extra.isForbid { forbidden = max(forbidden, truth) } else { permitted = max(permitted, truth) }
            }
        }
        return (forbidden, permitted)
    }

    /// The truths (F, P) over several actors, or nil when the object does not fit the table.
    @inline(__always)
    func truths(actors: [Int], action: Int, object: ObjectValue) -> (forbidden: UInt8, permitted: UInt8)? {
        guard let index = tableIndex(of: object, action: action) else { return nil }
        let base = action * slotCount
        if actors.count == 1 {
            return truths(cells[Int(cellOfSlot[base + slot(of: actors[0])])], index: index, object: object)
        }
        if actors.isEmpty {
            return truths(cells[Int(cellOfSlot[base + slotCount - 1])], index: index, object: object)
        }
        var forbidden: UInt8 = 0, permitted: UInt8 = 0
        for actor in actors {
            let cell = truths(cells[Int(cellOfSlot[base + slot(of: actor)])], index: index, object: object)
            forbidden = max(forbidden, cell.forbidden)
            permitted = max(permitted, cell.permitted)
        }
        return (forbidden, permitted)
    }

    /// The rules (indices into the action's forbids, or permits) applying to any of the actors, in order.
    func ruleIndices(actors: [Int], action: Int, forbids: Bool) -> [Int] {
        let base = action * slotCount
        let slots = actors.isEmpty ? [slotCount - 1] : actors.map(slot(of:))
        var merged: [Int] = []
        for slot in slots {
            let cell = cells[Int(cellOfSlot[base + slot])]
            let start = forbids ? cell.forbidStart : cell.permitStart
            let count = forbids ? cell.forbidCount : cell.permitCount
            merged.append(contentsOf: ruleIndices[start..<start + count].lazy.map { Int($0) })
        }
        if slots.count > 1 {
            merged.sort()
            var unique: [Int] = []
            for index in merged where unique.last != index { unique.append(index) }
            return unique
        }
        return merged
    }

    static func code(_ truth: Truth) -> UInt8 {
        switch truth {
        case .no: 0
        case .unknown: 1
        case .yes: 2
        }
    }

    // MARK: - Compiling

    /// Compiles the rules of a charter, given by action as `Authorizer` indexes them.
    init(charter: Charter, forbids: [[Authorizer.Rule]], permits: [[Authorizer.Rule]]) {
        let actorCount = charter.actors.count
        let slotCount = actorCount + 1
        self.slotCount = slotCount
        var spaceRanges: [Range<Int>] = []
        var spaceAttributes: [SpaceAttribute] = []
        var cells: [Cell] = []
        var cellOfSlot: [Int32] = []
        var entries: [UInt8] = []
        var ruleIndices: [Int32] = []
        var extras: [Extra] = []
        cellOfSlot.reserveCapacity(charter.actions.count * slotCount)

        for action in charter.actions.indices {
            let type = charter.actions[action].objectType
            let attributes = type.map { charter.objectTypes[$0].attributes } ?? []
            let rules = forbids[action].map { ($0, true) } + permits[action].map { ($0, false) }

            // The space: finite attributes read by conditions that read only finite attributes.
            func slotsOf(_ attribute: Int) -> Int? {
                guard attribute >= 0, attribute < attributes.count else { return nil }
                switch attributes[attribute].type {
                case .enumeration(let values): return values.count + 1
                case .boolean: return 3
                default: return nil
                }
            }
            var used = Set<Int>()
            for (rule, _) in rules {
                let read = rule.condition?.attributes ?? []
                if read.allSatisfy({ slotsOf($0) != nil }) { used.formUnion(read) }
            }
            var chosen = used.sorted()
            var size = 1
            for attribute in chosen { size *= slotsOf(attribute) ?? 1 }
            if size > DecisionTable.maximumSpace {
                chosen = []
                size = 1
            }
            var stride = 1
            let first = spaceAttributes.count
            for attribute in chosen {
                let slots = slotsOf(attribute) ?? 1
                let isBoolean = attributes[attribute].type == .boolean
                spaceAttributes.append(SpaceAttribute(attribute: attribute, valueCount: slots - 1, isBoolean: isBoolean, stride: stride))
                stride *= slots
            }
            spaceRanges.append(first..<spaceAttributes.count)
            let space = Array(spaceAttributes[first...])

            // Each rule's truths over the space, or nil for a rule left to evaluation.
            let objectWidth = max(attributes.count, (chosen.max() ?? -1) + 1)
            let forbidTruths = forbids[action].map { rule in
                DecisionTable.truthVector(rule.condition, space: space, size: size, type: type, width: objectWidth)
            }
            let permitTruths = permits[action].map { rule in
                DecisionTable.truthVector(rule.condition, space: space, size: size, type: type, width: objectWidth)
            }

            // The rules of each actor, in rule order: `tous` rules, merged with those naming the actor.
            // A `tous sauf` rule is a `tous` rule that the cells of its exceptions leave out.
            func split(_ rules: [Authorizer.Rule]) -> (everyone: [Int], named: [Int: [Int]], excluded: [Int: Set<Int>]) {
                var everyone: [Int] = [], named: [Int: [Int]] = [:], excluded: [Int: Set<Int>] = [:]
                for (index, rule) in rules.enumerated() {
                    if rule.everyone {
                        everyone.append(index)
                        for actor in rule.exceptions where actor >= 0 && actor < actorCount { excluded[actor, default: []].insert(index) }
                    } else {
                        for actor in rule.actors where actor >= 0 && actor < actorCount { named[actor, default: []].append(index) }
                    }
                }
                return (everyone, named, excluded)
            }
            let forbidSplit = split(forbids[action]), permitSplit = split(permits[action])

            // Cells with the same rules share one compiled cell; an actor no rule names gets the `tous` cell.
            var compiled: [[[Int]]: Int32] = [:]
            func cell(forbidList: [Int], permitList: [Int]) -> Int32 {
                let key = [forbidList, permitList]
                if let index = compiled[key] { return index }
                var forbidden = [UInt8](repeating: 0, count: size), permitted = [UInt8](repeating: 0, count: size)
                let extraStart = extras.count
                for (list, truths, isForbid) in [(forbidList, forbidTruths, true), (permitList, permitTruths, false)] {
                    let ruleList = isForbid ? forbids[action] : permits[action]
                    for index in list {
                        if let vector = truths[index] {
                            for position in 0..<size {
                                if isForbid {
                                    forbidden[position] = max(forbidden[position], vector[position])
                                } else {
                                    permitted[position] = max(permitted[position], vector[position])
                                }
                            }
                        } else if let condition = ruleList[index].condition {
                            extras.append(Extra(condition: condition, isForbid: isForbid))
                        }
                    }
                }
                let tableStart = entries.count
                for position in 0..<size { entries.append(forbidden[position] << 2 | permitted[position]) }
                let forbidStart = ruleIndices.count
                ruleIndices.append(contentsOf: forbidList.map { Int32($0) })
                let permitStart = ruleIndices.count
                ruleIndices.append(contentsOf: permitList.map { Int32($0) })
                let index = Int32(cells.count)
                cells.append(Cell(tableStart: tableStart,
                                  forbidStart: forbidStart, forbidCount: forbidList.count,
                                  permitStart: permitStart, permitCount: permitList.count,
                                  extraStart: extraStart, extraCount: extras.count - extraStart))
                compiled[key] = index
                return index
            }
            let everyoneCell = cell(forbidList: forbidSplit.everyone, permitList: permitSplit.everyone)
            let base = cellOfSlot.count
            cellOfSlot.append(contentsOf: repeatElement(everyoneCell, count: slotCount))
            let actorsWithCells = Set(forbidSplit.named.keys).union(permitSplit.named.keys)
                .union(forbidSplit.excluded.keys).union(permitSplit.excluded.keys)
            for actor in actorsWithCells.sorted() {
                let forbidEveryone = forbidSplit.everyone.filter { !(forbidSplit.excluded[actor]?.contains($0) ?? false) }
                let permitEveryone = permitSplit.everyone.filter { !(permitSplit.excluded[actor]?.contains($0) ?? false) }
                let forbidList = (forbidEveryone + (forbidSplit.named[actor] ?? [])).sorted()
                let permitList = (permitEveryone + (permitSplit.named[actor] ?? [])).sorted()
                cellOfSlot[base + actor] = cell(forbidList: forbidList, permitList: permitList)
            }
        }
        self.spaceRanges = spaceRanges
        self.spaceAttributes = spaceAttributes
        self.cells = cells
        self.cellOfSlot = cellOfSlot
        self.entries = entries
        self.ruleIndices = ruleIndices
        self.extras = extras
    }

    /// A condition's truths over a space (nil condition: always true), or nil when it reads
    /// an attribute outside the space.
    ///
    /// Connectives combine vectors with Kleene `max`/`min`/`2 − x`; each comparison is
    /// evaluated by `Predicate.evaluate` itself on every combination of the (one or two)
    /// attributes it reads, then spread over the space, so the semantics stay those of `evaluate`.
    static func truthVector(_ condition: Predicate?, space: [SpaceAttribute], size: Int, type: Int?, width: Int) -> [UInt8]? {
        guard let condition else { return [UInt8](repeating: 2, count: size) }
        switch condition {
        case .constant(let value):
            return [UInt8](repeating: value ? 2 : 0, count: size)
        case .or(let a, let b), .and(let a, let b):
            guard let left = truthVector(a, space: space, size: size, type: type, width: width),
                  let right = truthVector(b, space: space, size: size, type: type, width: width) else { return nil }
            var result = left
            let isOr: Bool = if case .or = condition { true } else { false }
            for position in 0..<size { result[position] = isOr ? max(left[position], right[position]) : min(left[position], right[position]) }
            return result
        case .not(let a):
            guard var inner = truthVector(a, space: space, size: size, type: type, width: width) else { return nil }
            for position in 0..<size { inner[position] = 2 - inner[position] }
            return inner
        case .isTrue, .member, .compare:
            let read = Array(Set(condition.attributes)).sorted()
            let positions = read.map { attribute in space.firstIndex { $0.attribute == attribute } }
            guard positions.allSatisfy({ $0 != nil }) else { return nil }
            let dimensions = positions.compactMap { $0 }.map { space[$0] }
            // The comparison's truth for each combination of its attributes' slots.
            var local: [UInt8] = []
            var combinations = 1
            for dimension in dimensions { combinations *= dimension.valueCount + 1 }
            for combination in 0..<combinations {
                var object = ObjectValue.unknown(type: type, attributeCount: width)
                var rest = combination
                for dimension in dimensions {
                    let slot = rest % (dimension.valueCount + 1)
                    rest /= dimension.valueCount + 1
                    if slot < dimension.valueCount {
                        object.values[dimension.attribute] = dimension.isBoolean ? .boolean(slot == 1) : .enumeration(slot)
                    }
                }
                local.append(code(condition.evaluate(object)))
            }
            var result = [UInt8](repeating: 0, count: size)
            for position in 0..<size {
                var combination = 0, scale = 1
                for dimension in dimensions {
                    combination += (position / dimension.stride) % (dimension.valueCount + 1) * scale
                    scale *= dimension.valueCount + 1
                }
                result[position] = local[combination]
            }
            return result
        }
    }
}
