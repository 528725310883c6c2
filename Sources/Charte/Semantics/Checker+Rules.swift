// Pass 3: roles (E300, W301, W302, W303, W304) and dependency cycles (E305).

extension Checker {
    mutating func checkRoles() {
        // From the names `resolveTask` recorded: actors compared by index, no look-up again.
        var letters: [(actor: Int, letter: Letter, span: Span)] = []
        var reportedTwice: [Int] = []
        // Fields read in place: copying each task out retained and released all of its own.
        for index in charter.tasks.indices {
            guard resolvedTasks.contains(index), !damage.touches(charter.tasks[index].span) else { continue }
            let names = roleNameRanges.indices.contains(index) ? roleNames[roleNameRanges[index]] : []
            if charter.tasks[index].responsables.isEmpty, !tasksWithResponsableClause.contains(index) {
                report(.noResponsable(charter.tasks[index].id), at: charter.tasks[index].nameSpan)
            }
            var approverCount = 0
            letters.removeAll(keepingCapacity: true)
            reportedTwice.removeAll(keepingCapacity: true)
            for name in names {
                if name.letter == .approver {
                    approverCount += 1
                    if approverCount == 2 { report(.severalApprovers(charter.tasks[index].id), at: name.span) }
                }
                guard name.actor >= 0 else { continue }
                if let first = letters.first(where: { $0.actor == name.actor }) {
                    if first.letter != name.letter, !reportedTwice.contains(name.actor) {
                        reportedTwice.append(name.actor)
                        report(.twoLetters(actor: charter.actors[name.actor].id, first: first.letter, second: name.letter),
                               at: name.span, notes: [Note(.firstLetterHere(first.letter.rawValue), at: first.span)])
                    }
                } else {
                    letters.append((name.actor, name.letter, name.span))
                }
            }
        }
    }

    mutating func checkUsage() {
        // Being listed in an instance's `membres` counts as a use.
        for (index, actor) in charter.actors.enumerated() where !usedActors.contains(index) && !suggestedActors.contains(actor.id) {
            report(.unusedActor(actor.id), at: actor.nameSpan)
        }
        for (index, step) in charter.steps.enumerated() where step.tasks.isEmpty {
            report(.emptyStep(step.id), at: stepDecls[index]?.name.span ?? step.span)
        }
    }

    // MARK: - Cycles

    mutating func checkCycles() {
        let taskEdges = charter.tasks.map(\.after)
        let taskCycles = Checker.cycles(in: taskEdges)
        let taskDecls = taskCycles.isEmpty ? [:] : taskDeclarations()
        for cycle in taskCycles {
            let ids = cycle.map { charter.tasks[$0].id }
            let span = taskDecls[cycle[0]].flatMap { referenceSpan(in: $0, to: ids[1 % ids.count]) } ?? charter.tasks[cycle[0]].nameSpan
            report(.cycle((ids + [ids[0]]).joined(separator: " → ")), at: span)
        }
        let stepEdges = charter.steps.map(\.after)
        for cycle in Checker.cycles(in: stepEdges) {
            let ids = cycle.map { charter.steps[$0].id }
            let next = ids[1 % ids.count]
            let span = stepDecls[cycle[0]]?.after.first { $0.text == next }?.span ?? charter.steps[cycle[0]].span
            report(.cycle((ids + [ids[0]]).joined(separator: " → ")), at: span)
        }
    }

    func referenceSpan(in decl: TaskDecl, to target: String) -> Span? {
        for located in decl.clauses {
            if case .after(let names) = located.clause, let name = names.first(where: { $0.text == target }) {
                return name.span
            }
        }
        return nil
    }

    /// The elementary cycles found by a depth-first search, each once, starting at its smallest node.
    static func cycles(in edges: [[Int]]) -> [[Int]] {
        var state = [UInt8](repeating: 0, count: edges.count)  // 0 new, 1 on stack, 2 done
        var position = [Int](repeating: -1, count: edges.count)  // index on `path` while on the stack
        var found: [[Int]] = []
        var seen = Set<[Int]>()
        for root in edges.indices where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            var path: [Int] = [root]
            state[root] = 1
            position[root] = 0
            while let top = stack.last {
                let successors = edges[top.node]
                if top.next < successors.count {
                    stack[stack.count - 1].next += 1
                    let successor = successors[top.next]
                    guard successor < edges.count else { continue }
                    if state[successor] == 1, position[successor] >= 0 {
                        let start = position[successor]
                        var cycle = Array(path[start...])
                        if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                            cycle = Array(cycle[smallest...] + cycle[..<smallest])
                        }
                        if seen.insert(cycle).inserted { found.append(cycle) }
                    } else if state[successor] == 0 {
                        state[successor] = 1
                        position[successor] = path.count
                        stack.append((successor, 0))
                        path.append(successor)
                    }
                } else {
                    state[top.node] = 2
                    position[top.node] = -1
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return found
    }
}
