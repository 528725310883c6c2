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
    struct Space {
        let attributes: [Int]
        let sizes: [Int]
        let objects: [ObjectValue]

        init?(type: Int?, attributes used: [Int], charter: Charter) {
            let typeDecl = type.map { charter.objectTypes[$0] }
            let finite = Array(Set(used)).sorted().filter { typeDecl?.attributes[$0].type.finiteCount != nil }
            let sizes = finite.map { typeDecl?.attributes[$0].type.finiteCount ?? 1 }
            var total = 1
            for size in sizes {
                total *= max(size, 1)
                if total > Coverage.maximumCombinations { return nil }
            }
            attributes = finite
            self.sizes = sizes
            let count = typeDecl?.attributes.count ?? 0
            var objects: [ObjectValue] = []
            objects.reserveCapacity(total)
            for combination in 0..<total {
                var value = ObjectValue.unknown(type: type, attributeCount: count)
                var rest = combination
                for (position, attribute) in finite.enumerated() {
                    let choice = rest % max(sizes[position], 1)
                    rest /= max(sizes[position], 1)
                    if case .boolean = typeDecl?.attributes[attribute].type {
                        value.values[attribute] = .boolean(choice == 1)
                    } else {
                        value.values[attribute] = .enumeration(choice)
                    }
                }
                objects.append(value)
            }
            self.objects = objects
        }
    }

    static func analyse(_ charter: Charter, skipping damaged: Set<Int>, into diagnostics: inout [Diagnostic]) {
        var budget = maximumWork
        for (actionIndex, action) in charter.actions.enumerated() where !damaged.contains(actionIndex) {
            guard !DiagnosticCap.isFull(diagnostics) else { return }
            var performers: [(task: Int, predicate: Predicate, span: Span)] = []
            for (taskIndex, task) in charter.tasks.enumerated() {
                let clauses = task.actions.filter { $0.action == actionIndex }
                guard let first = clauses.first else { continue }
                let predicate = Predicate.anyOf(clauses.map { $0.condition ?? .constant(true) }[...])
                performers.append((taskIndex, predicate, first.span))
            }
            guard !performers.isEmpty else { continue }
            let forbids = charter.permissions.filter { $0.kind == .interdit && $0.action == actionIndex }
            let used = performers.flatMap(\.predicate.attributes) + forbids.flatMap { $0.condition?.attributes ?? [] }
            guard budget > 0, let space = Space(type: action.objectType, attributes: used, charter: charter) else { continue }
            // Building the space costs one value per attribute and object; analysing it, `work(…)`.
            budget -= space.objects.count * (action.objectType.map { charter.objectTypes[$0].attributes.count } ?? 0)
            let analysis = work(objects: space.objects.count, performers: performers.count, forbids: forbids.count)
            guard analysis <= budget else { continue }
            budget -= analysis
            let truths = performers.map { performer in space.objects.map { performer.predicate.evaluate($0) } }
            let describe = { (combinations: [Int]) in
                describeObjects(combinations, in: space, type: action.objectType, charter: charter)
            }

            // W501: objects that no task certainly covers.
            let gaps = space.objects.indices.filter { combination in truths.allSatisfy { $0[combination] == .no } }
            if !gaps.isEmpty {
                diagnostics.append(Diagnostic(.coverageGap(action: action.id, objects: describe(gaps)), at: action.span))
            }

            // W502: two tasks with different responsables certainly covering the same objects.
            for j in performers.indices {
                for i in 0..<j {
                    let first = charter.tasks[performers[i].task], second = charter.tasks[performers[j].task]
                    guard Set(first.responsables) != Set(second.responsables) else { continue }
                    let both = space.objects.indices.filter { truths[i][$0] == .yes && truths[j][$0] == .yes }
                    guard !both.isEmpty else { continue }
                    diagnostics.append(Diagnostic(
                        .overlap(action: action.id, first: first.id, second: second.id, objects: describe(both)),
                        at: performers[j].span, notes: [Note(.taskCoversHere(first.id), at: performers[i].span)]))
                }
            }

            // E500 / W503: forbids against the task's responsables and aides.
            for forbid in forbids {
                let forbidTruth = space.objects.map { forbid.condition?.evaluate($0) ?? .yes }
                for (position, performer) in performers.enumerated() {
                    let task = charter.tasks[performer.task]
                    let covered = space.objects.indices.filter { truths[position][$0] != .no }
                    guard !covered.isEmpty else { continue }
                    var seen = Set<Int>()
                    for actor in task.responsables + task.aides where forbid.applies(to: actor) && seen.insert(actor).inserted {
                        let actorID = charter.actors[actor].id
                        let note = Note(.forbidAppliesHere, at: performer.span)
                        if covered.allSatisfy({ forbidTruth[$0] == .yes }) {
                            diagnostics.append(Diagnostic(.forbidKillsTask(actor: actorID, action: action.id, task: task.id),
                                                          at: forbid.span, notes: [note]))
                        } else {
                            let refused = covered.filter { truths[position][$0] == .yes && forbidTruth[$0] == .yes }
                            if !refused.isEmpty {
                                diagnostics.append(Diagnostic(
                                    .forbidCarvesTask(actor: actorID, action: action.id, task: task.id, objects: describe(refused)),
                                    at: forbid.span, notes: [note]))
                            }
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
