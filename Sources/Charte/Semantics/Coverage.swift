/// Static analysis over objects: coverage gaps (W501), overlaps (W502), and forbids that
/// kill (E500) or carve (W503) a task.
///
/// Enumeration and boolean attributes that the conditions read are enumerated exactly;
/// other attributes stay unknown, and a diagnostic is given only when it is certain.
enum Coverage {
    /// Above this many attribute combinations an action is not analysed.
    static let maximumCombinations = 4096
    /// How many object literals a message names before "… et N autres".
    static let shownObjects = 4

    /// The finite attributes an action's rules read, and every combination of their values.
    ///
    /// Combinations are numbered (the first attribute varies fastest) and filled into one
    /// reused object, rather than stored as one object (and one array) each.
    struct Space {
        let attributes: [Int]
        let sizes: [Int]
        /// Which of `attributes` are booleans (the others are enumerations).
        let isBoolean: [Bool]
        /// The number of combinations.
        let count: Int
        let type: Int?
        /// The number of attributes of the type (the width of an object).
        let width: Int

        init?(type: Int?, attributes used: Set<Int>, objectType: ObjectType?) {
            let finite = used.sorted().filter { objectType?.attributes[$0].type.finiteCount != nil }
            let sizes = finite.map { objectType?.attributes[$0].type.finiteCount ?? 1 }
            var total = 1
            for size in sizes {
                total *= max(size, 1)
                if total > Coverage.maximumCombinations { return nil }
            }
            attributes = finite
            self.sizes = sizes
            isBoolean = finite.map { objectType?.attributes[$0].type == .boolean }
            count = total
            self.type = type
            width = objectType?.attributes.count ?? 0
        }

        /// An object with every attribute unknown, to be filled by `fill`.
        func blankObject() -> ObjectValue { ObjectValue.unknown(type: type, attributeCount: width) }

        /// Sets the space's attributes of `object` to one combination's values.
        func fill(_ object: inout ObjectValue, with combination: Int) {
            var rest = combination
            for position in attributes.indices {
                let size = max(sizes[position], 1)
                let choice = rest % size
                rest /= size
                object.values[attributes[position]] = isBoolean[position] ? .boolean(choice == 1) : .enumeration(choice)
            }
        }

        /// The truths of a condition (nil: always true) on every combination.
        func truths(of condition: Predicate?, scratch: inout ObjectValue) -> [Truth] {
            guard let condition else { return Array(repeating: .yes, count: count) }
            var truths: [Truth] = []
            truths.reserveCapacity(count)
            for combination in 0..<count {
                fill(&scratch, with: combination)
                truths.append(condition.evaluate(scratch))
            }
            return truths
        }
    }

    /// The values the analysis gives one attribute of an object type (in the order `Space`
    /// enumerates them), or nil when the attribute stays unknown (texts, and anything else
    /// `Space` does not split). `conditions` are those that read it, for split points.
    ///
    /// Other analyses over objects (`charte diff`) enumerate through this, so they see
    /// exactly the objects the coverage checks see.
    static func values(of attribute: Int, in objectType: ObjectType, conditions: [Predicate]) -> [Value]? {
        guard let space = Space(type: nil, attributes: [attribute], objectType: objectType),
              space.attributes == [attribute] else { return nil }
        var object = space.blankObject()
        var values: [Value] = []
        for combination in 0..<space.count {
            space.fill(&object, with: combination)
            guard let value = object.values[attribute] else { return nil }
            values.append(value)
        }
        return values
    }

    /// Which tasks perform each action and which forbids concern it, indexed once: scanning
    /// every task for every action was quadratic (and copied each task while doing so).
    struct Index: Sendable {
        var performingTasks: [[Int]]
        var forbidsByAction: [[Int]]

        init(_ charter: Charter) {
            performingTasks = [[Int]](repeating: [], count: charter.actions.count)
            for taskIndex in charter.tasks.indices {
                for clause in charter.tasks[taskIndex].actions where performingTasks.indices.contains(clause.action) {
                    if performingTasks[clause.action].last != taskIndex { performingTasks[clause.action].append(taskIndex) }
                }
            }
            forbidsByAction = [[Int]](repeating: [], count: charter.actions.count)
            for (index, permission) in charter.permissions.enumerated()
            where permission.kind == .interdit && forbidsByAction.indices.contains(permission.action) {
                forbidsByAction[permission.action].append(index)
            }
        }
    }

    static func analyse(_ charter: Charter, skipping damaged: Set<Int>, into diagnostics: inout [Diagnostic]) {
        var budget = maximumWork
        analyse(charter, skipping: damaged, index: Index(charter), actions: charter.actions.indices, budget: &budget, into: &diagnostics)
    }

    /// Analyses the actions of `actions`, spending `budget`; returns whether an action was
    /// left out for want of budget.
    @discardableResult
    static func analyse(_ charter: Charter, skipping damaged: Set<Int>, index: Index, actions: Range<Int>,
                        budget: inout Int, into diagnostics: inout [Diagnostic]) -> Bool {
        let performingTasks = index.performingTasks, forbidsByAction = index.forbidsByAction
        var leftOut = false
        var performers: [(task: Int, predicate: Predicate, span: Span)] = []
        var conditions: [Predicate] = []
        var used = Set<Int>()
        for actionIndex in actions where !damaged.contains(actionIndex) && !performingTasks[actionIndex].isEmpty {
            guard !DiagnosticCap.isFull(diagnostics) else { return leftOut }
            // Each task's conditions on this action, joined with `ou` (as a balanced tree).
            performers.removeAll(keepingCapacity: true)
            for taskIndex in performingTasks[actionIndex] {
                conditions.removeAll(keepingCapacity: true)
                var span: Span?
                for clause in charter.tasks[taskIndex].actions where clause.action == actionIndex {
                    if span == nil { span = clause.span }
                    conditions.append(clause.condition ?? .constant(true))
                }
                if let span { performers.append((taskIndex, Predicate.anyOf(conditions[...]), span)) }
            }
            guard !performers.isEmpty else { continue }
            used.removeAll(keepingCapacity: true)
            for performer in performers { performer.predicate.collectAttributes(into: &used) }
            for forbid in forbidsByAction[actionIndex] { charter.permissions[forbid].condition?.collectAttributes(into: &used) }
            let type = charter.actions[actionIndex].objectType
            guard let space = Space(type: type, attributes: used, objectType: type.map { charter.objectTypes[$0] }) else { continue }
            let analysis = work(objects: space.count, performers: performers.count, forbids: forbidsByAction[actionIndex].count)
            guard budget > 0, analysis <= budget else {
                leftOut = true
                continue
            }
            budget -= analysis
            analyse(action: actionIndex, performers: performers, forbids: forbidsByAction[actionIndex], space: space,
                    charter: charter, into: &diagnostics)
        }
        return leftOut
    }

    /// The diagnostics of one action over its space.
    private static func analyse(action actionIndex: Int, performers: [(task: Int, predicate: Predicate, span: Span)],
                                forbids forbidIndices: [Int], space: Space, charter: Charter,
                                into diagnostics: inout [Diagnostic]) {
        let action = charter.actions[actionIndex]
        var scratch = space.blankObject()
        let truths = performers.map { space.truths(of: $0.predicate, scratch: &scratch) }
        func describe(_ combinations: [Int]) -> String {
            describeObjects(combinations, in: space, type: action.objectType, charter: charter)
        }
        let combinations = 0..<space.count

        // W501: objects that no task certainly covers.
        let gaps = combinations.filter { combination in truths.allSatisfy { $0[combination] == .no } }
        if !gaps.isEmpty {
            diagnostics.append(Diagnostic(.coverageGap(action: action.id, objects: describe(gaps)), at: action.span))
        }

        // W502: two tasks with different responsables certainly covering the same objects.
        if performers.count > 1 {
            let responsables = performers.map { Set(charter.tasks[$0.task].responsables) }
            for j in performers.indices {
                for i in 0..<j {
                    guard responsables[i] != responsables[j] else { continue }
                    let both = combinations.filter { truths[i][$0] == .yes && truths[j][$0] == .yes }
                    guard !both.isEmpty else { continue }
                    let first = charter.tasks[performers[i].task], second = charter.tasks[performers[j].task]
                    diagnostics.append(Diagnostic(
                        .overlap(action: action.id, first: first.id, second: second.id, objects: describe(both)),
                        at: performers[j].span, notes: [Note(.taskCoversHere(first.id), at: performers[i].span)]))
                }
            }
        }

        // E500 / W503: forbids against the task's responsables and aides.
        for forbidIndex in forbidIndices {
            let forbid = charter.permissions[forbidIndex]
            let forbidTruth = space.truths(of: forbid.condition, scratch: &scratch)
            for (position, performer) in performers.enumerated() {
                let covered = combinations.filter { truths[position][$0] != .no }
                guard !covered.isEmpty else { continue }
                // The task's fields read in place (a copy of the whole task per forbid showed).
                let taskID = charter.tasks[performer.task].id
                var seen = Set<Int>()
                for actor in charter.tasks[performer.task].responsables + charter.tasks[performer.task].aides where forbid.applies(to: actor) && seen.insert(actor).inserted {
                    let actorID = charter.actors[actor].id
                    let note = Note(.forbidAppliesHere, at: performer.span)
                    if covered.allSatisfy({ forbidTruth[$0] == .yes }) {
                        diagnostics.append(Diagnostic(.forbidKillsTask(actor: actorID, action: action.id, task: taskID),
                                                      at: forbid.span, notes: [note]))
                    } else {
                        let refused = covered.filter { truths[position][$0] == .yes && forbidTruth[$0] == .yes }
                        if !refused.isEmpty {
                            diagnostics.append(Diagnostic(
                                .forbidCarvesTask(actor: actorID, action: action.id, task: taskID, objects: describe(refused)),
                                at: forbid.span, notes: [note]))
                        }
                    }
                }
            }
        }
    }

    /// Object literals naming a set of combinations, merged where an attribute takes every value.
    static func describeObjects(_ combinations: [Int], in space: Space, type: Int?, charter: Charter) -> String {
        let cubes = generalize(Set(combinations), sizes: space.sizes)
        guard let type else { return "tout objet" }
        let objectType = charter.objectTypes[type]
        let literals = cubes.map { cube -> String in
            let fields = cube.enumerated().compactMap { position, choice -> String? in
                guard let choice else { return nil }
                let attribute = objectType.attributes[space.attributes[position]]
                let value: Value = attribute.type == .boolean ? .boolean(choice == 1) : .enumeration(choice)
                return "\(attribute.name): \(value.written(as: attribute.type))"
            }
            return "\(objectType.id)(\(fields.joined(separator: ", ")))"
        }
        var shown = literals.prefix(shownObjects).joined(separator: ", ")
        if literals.count > shownObjects { shown += " … et \(literals.count - shownObjects) autres" }
        return shown
    }

    /// Covers a set of combinations with cubes (nil = any value), greedily widening each one.
    static func generalize(_ members: Set<Int>, sizes: [Int]) -> [[Int?]] {
        func decode(_ combination: Int) -> [Int] {
            var rest = combination
            return sizes.map { size in
                let choice = rest % max(size, 1)
                rest /= max(size, 1)
                return choice
            }
        }
        func encode(_ choices: [Int]) -> Int {
            var combination = 0
            for position in choices.indices.reversed() { combination = combination * max(sizes[position], 1) + choices[position] }
            return combination
        }
        func expand(_ cube: [Int?]) -> [Int] {
            var results: [[Int]] = [[]]
            for (position, choice) in cube.enumerated() {
                let options = choice.map { [$0] } ?? Array(0..<max(sizes[position], 1))
                results = results.flatMap { prefix in options.map { prefix + [$0] } }
            }
            return results.map(encode)
        }
        var cubes: [[Int?]] = []
        var covered = Set<Int>()
        for combination in members.sorted() where !covered.contains(combination) {
            var cube: [Int?] = decode(combination)
            for position in cube.indices {
                var widened = cube
                widened[position] = nil
                if expand(widened).allSatisfy(members.contains) { cube = widened }
            }
            covered.formUnion(expand(cube))
            cubes.append(cube)
        }
        return cubes
    }
}
