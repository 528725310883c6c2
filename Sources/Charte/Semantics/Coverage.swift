/// Static analysis over objects: coverage gaps (W501), overlaps (W502), and forbids that
/// kill (E500) or carve (W503) a task.
///
/// Enumeration and boolean attributes that the conditions read are enumerated exactly, and so
/// are `nombre`, `euros` and `date` attributes compared with constants (their value line cut
/// at those constants, `ValueLine`); other attributes stay unknown, and a diagnostic is given
/// only when it is certain.
enum Coverage {
    /// Above this many attribute combinations an action is not analysed.
    static let maximumCombinations = 4096
    /// How many object literals a message names before "… et N autres".
    static let shownObjects = 4

    /// The attributes an action's rules read that the analysis enumerates, and every
    /// combination of their values: enumerations and booleans value by value, and ordered
    /// attributes (`nombre`, `euros`, `date`) piece by piece of their `ValueLine`, cut at
    /// the constants the rules compare them with.
    ///
    /// Combinations are numbered (the first attribute varies fastest) and filled into one
    /// reused object, rather than stored as one object (and one array) each.
    struct Space {
        let attributes: [Int]
        let sizes: [Int]
        /// The value of each choice, per position.
        let choices: [[Value]]
        /// The cut line of each ordered position (nil for enumerations and booleans).
        let lines: [ValueLine?]
        /// The number of combinations.
        let count: Int
        let type: Int?
        /// The number of attributes of the type (the width of an object).
        let width: Int

        /// The space of the finite attributes of `used` (ordered attributes stay unknown).
        init?(type: Int?, attributes used: Set<Int>, objectType: ObjectType?) {
            self.init(type: type, attributes: used, constants: [:], coupled: [], objectType: objectType)
        }

        /// The space of every attribute the predicates read that can be enumerated: the
        /// ordered ones cut at the constants they are compared with.
        init?(type: Int?, predicates: [Predicate?], objectType: ObjectType?) {
            var used = Set<Int>(), constants: [Int: Set<Value>] = [:], coupled = Set<Int>()
            for predicate in predicates {
                predicate?.collectAttributes(into: &used)
                predicate?.collectConstants(into: &constants, coupled: &coupled)
            }
            self.init(type: type, attributes: used, constants: constants, coupled: coupled, objectType: objectType)
        }

        init?(type: Int?, attributes used: Set<Int>, constants: [Int: Set<Value>], coupled: Set<Int>, objectType: ObjectType?) {
            var attributes: [Int] = [], choices: [[Value]] = [], lines: [ValueLine?] = []
            for attribute in used.sorted() {
                guard let declared = objectType?.attributes[attribute].type else { continue }
                switch declared {
                case .enumeration(let names):
                    attributes.append(attribute)
                    choices.append(names.indices.map(Value.enumeration))
                    lines.append(nil)
                case .boolean:
                    attributes.append(attribute)
                    choices.append([.boolean(false), .boolean(true)])
                    lines.append(nil)
                default:
                    guard !coupled.contains(attribute), let line = ValueLine(type: declared, constants: constants[attribute] ?? []) else { continue }
                    attributes.append(attribute)
                    choices.append(line.values)
                    lines.append(line)
                }
            }
            var total = 1
            for size in choices.map(\.count) {
                total *= max(size, 1)
                if total > Coverage.maximumCombinations { return nil }
            }
            self.attributes = attributes
            sizes = choices.map(\.count)
            self.choices = choices
            self.lines = lines
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
                if choices[position].indices.contains(choice) { object.values[attributes[position]] = choices[position][choice] }
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
    /// enumerates them: one per piece of an ordered attribute's line), or nil when the
    /// attribute stays unknown (texts, an ordered attribute no constant cuts or compared with
    /// another attribute). `conditions` are those that read it, for the cuts.
    ///
    /// Other analyses over objects (`charte diff`) enumerate through this, so they see
    /// exactly the objects the coverage checks see.
    static func values(of attribute: Int, in objectType: ObjectType, conditions: [Predicate]) -> [Value]? {
        domain(of: attribute, in: objectType, conditions: conditions)?.values
    }

    /// An attribute's values as `values(of:in:conditions:)` gives them, with their words.
    struct Domain: Sendable {
        /// The values, in enumeration order.
        let values: [Value]
        /// The cut line of an ordered attribute (nil for enumerations and booleans).
        let line: ValueLine?
        let type: ValueType

        /// The words of some of the values (indices into `values`): one per value, or for an
        /// ordered attribute one per run of consecutive pieces (`plus de 4 000 €`).
        func written(_ indices: [Int]) -> [String] {
            guard let line else { return indices.map { values[$0].written(as: type) } }
            var runs: [ClosedRange<Int>] = []
            for index in indices.sorted() {
                if let last = runs.last, last.upperBound + 1 == index {
                    runs[runs.count - 1] = last.lowerBound...index
                } else {
                    runs.append(index...index)
                }
            }
            return runs.map(line.written)
        }
    }

    /// The domain of one attribute, as the coverage checks enumerate it (see `values`).
    static func domain(of attribute: Int, in objectType: ObjectType, conditions: [Predicate]) -> Domain? {
        var constants: [Int: Set<Value>] = [:], coupled = Set<Int>()
        for condition in conditions { condition.collectConstants(into: &constants, coupled: &coupled) }
        guard let space = Space(type: nil, attributes: [attribute], constants: constants, coupled: coupled, objectType: objectType),
              let position = space.attributes.firstIndex(of: attribute) else { return nil }
        return Domain(values: space.choices[position], line: space.lines[position], type: objectType.attributes[attribute].type)
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
            where permission.kind == .forbid && forbidsByAction.indices.contains(permission.action) {
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
            let predicates = performers.map { Optional($0.predicate) } + forbidsByAction[actionIndex].map { charter.permissions[$0].condition }
                + [charter.actions[actionIndex].scope]
            let type = charter.actions[actionIndex].objectType
            guard let space = Space(type: type, predicates: predicates, objectType: type.map { charter.objectTypes[$0] }) else { continue }
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
        func describe(_ combinations: [Int]) -> ObjectSet {
            describeObjects(combinations, in: space, type: action.objectType, charter: charter)
        }
        // Only the objects of the action's scope count: those certainly in it for a gap, an
        // overlap or a carve, those possibly in it for what a task covers.
        let scope = space.truths(of: action.scope, scratch: &scratch)
        let combinations = (0..<space.count).filter { scope[$0] != .no }
        let inScope = combinations.filter { scope[$0] == .yes }

        // W501: objects that no task certainly covers.
        let gaps = inScope.filter { combination in truths.allSatisfy { $0[combination] == .no } }
        if !gaps.isEmpty {
            diagnostics.append(Diagnostic(.coverageGap(action: action.id, objects: describe(gaps)), at: action.span))
        }

        // W502: two tasks with different responsables certainly covering the same objects.
        if performers.count > 1 {
            let responsables = performers.map { Set(charter.tasks[$0.task].responsables) }
            for j in performers.indices {
                for i in 0..<j {
                    guard responsables[i] != responsables[j] else { continue }
                    let both = inScope.filter { truths[i][$0] == .yes && truths[j][$0] == .yes }
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
                        let refused = covered.filter { scope[$0] == .yes && truths[position][$0] == .yes && forbidTruth[$0] == .yes }
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

    /// Object literals naming a set of combinations, merged where an attribute takes every
    /// value (and, for an ordered attribute, over runs of consecutive pieces).
    static func describeObjects(_ combinations: [Int], in space: Space, type: Int?, charter: Charter) -> ObjectSet {
        let cubes = generalize(Set(combinations), sizes: space.sizes, ordered: space.lines.map { $0 != nil })
        guard let type else { return .anyObject }
        let objectType = charter.objectTypes[type]
        let patterns = cubes.prefix(shownObjects).map { cube -> ObjectPattern in
            let fields = cube.enumerated().compactMap { position, choices -> ObjectPattern.Field? in
                guard let choices else { return nil }
                let attribute = objectType.attributes[space.attributes[position]]
                let values: ValueRun = space.lines[position].map { $0.run(choices) }
                    ?? .value(space.choices[position][choices.lowerBound].written(as: attribute.type))
                return ObjectPattern.Field(attribute: attribute.name, values: values)
            }
            return ObjectPattern(type: objectType.id, fields: fields)
        }
        return .patterns(Array(patterns), more: max(cubes.count - shownObjects, 0))
    }

    /// Covers a set of combinations with cubes (nil = any value), greedily widening each one:
    /// a position to every value, else (an `ordered` position) to the longest run of
    /// consecutive choices around the starting one.
    static func generalize(_ members: Set<Int>, sizes: [Int], ordered: [Bool]) -> [[ClosedRange<Int>?]] {
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
        func expand(_ cube: [ClosedRange<Int>?]) -> [Int] {
            var results: [[Int]] = [[]]
            for (position, choices) in cube.enumerated() {
                let options = choices.map(Array.init) ?? Array(0..<max(sizes[position], 1))
                results = results.flatMap { prefix in options.map { prefix + [$0] } }
            }
            return results.map(encode)
        }
        func inside(_ cube: [ClosedRange<Int>?]) -> Bool { expand(cube).allSatisfy(members.contains) }
        var cubes: [[ClosedRange<Int>?]] = []
        var covered = Set<Int>()
        for combination in members.sorted() where !covered.contains(combination) {
            var cube: [ClosedRange<Int>?] = decode(combination).map { $0...$0 }
            for position in cube.indices {
                var widened = cube
                widened[position] = nil
                if inside(widened) {
                    cube = widened
                    continue
                }
                guard ordered.indices.contains(position), ordered[position], var run = cube[position] else { continue }
                // Only the slice a longer run adds needs checking.
                var slice = cube
                while run.upperBound + 1 < sizes[position] {
                    slice[position] = (run.upperBound + 1)...(run.upperBound + 1)
                    guard inside(slice) else { break }
                    run = run.lowerBound...(run.upperBound + 1)
                }
                while run.lowerBound > 0 {
                    slice[position] = (run.lowerBound - 1)...(run.lowerBound - 1)
                    guard inside(slice) else { break }
                    run = (run.lowerBound - 1)...run.upperBound
                }
                cube[position] = run
            }
            covered.formUnion(expand(cube))
            cubes.append(cube)
        }
        return cubes
    }
}
